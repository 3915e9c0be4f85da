"""Uploads and the ingest jobs that read them.

An upload is checked (size, kind) while it is received and saved under a generated name in a folder
of its own (``files/<job>/``) — the client's file name is only displayed, never used as a path. A job
then ingests the folder in a background thread. Its state is a small JSON file (``jobs/<job>.json``),
replaced atomically,
so any worker process of the server can report it and a restarted server still knows it.
"""

from __future__ import annotations

import json
import os
import re
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path

from ..archive import Store, ingest, open_store
from .errors import WebError

KINDS = {".txt": "text", ".pdf": "pdf", ".zip": "zip"}
_JOB_ID = re.compile(r"[0-9a-f]{32}")
_CHUNK = 64 * 1024


@dataclass(frozen=True)
class Job:
    """One upload being ingested.

    Attributes:
        id: 32 hex digits (the folder's name).
        state: ``running``, ``done`` or ``failed``.
        files: ``(name as the client gave it, size)`` — for display only.
        files_done: how many of the files the ingest has finished.
        documents: documents stored so far.
        new_cables: cables the archive did not hold before (known when done).
        failed: ``(file, reason)`` for files that could not be read.
        message: why the whole job failed, when it did.
    """

    id: str
    state: str
    files: tuple[tuple[str, int], ...]
    started: float
    finished: float | None = None
    files_done: int = 0
    documents: int = 0
    new_cables: int = 0
    failed: tuple[tuple[str, str], ...] = field(default_factory=tuple)
    message: str | None = None

    def to_json(self) -> dict:
        return asdict(self)


def kind_of(name: str, head: bytes) -> str:
    """The upload's kind from its suffix, confirmed by its first bytes; refuses anything else."""
    suffix = Path(name).suffix.lower()
    kind = KINDS.get(suffix)
    if kind is None:
        raise WebError(415, "unsupported_type", f"{name!r}: only {', '.join(KINDS)} files can be uploaded")
    if kind == "pdf" and not head.startswith(b"%PDF-"):
        raise WebError(415, "unsupported_type", f"{name!r} does not start like a PDF")
    if kind == "zip" and not head.startswith(b"PK\x03\x04"):
        raise WebError(415, "unsupported_type", f"{name!r} is not a zip archive")
    if kind == "text" and b"\x00" in head:
        raise WebError(415, "unsupported_type", f"{name!r} holds binary data, not text")
    return kind


class Jobs:
    """Receives uploads into ``folder`` and runs their ingest into the archive at ``db``."""

    def __init__(self, folder: Path, db: str, max_bytes: int, max_files: int = 20,
                 after_ingest: Callable[[Store], None] | None = None):
        self.folder = folder
        self.db = db
        self.after_ingest = after_ingest  # e.g. bring the search index up to date
        self.max_bytes = max_bytes
        self.max_files = max_files

    # -- receiving -----------------------------------------------------------------------------------
    async def receive(self, uploads: list) -> tuple[str, tuple[tuple[str, int], ...]]:
        """Save the uploads (Starlette ``UploadFile`` objects) into a new job folder."""
        if not uploads:
            raise WebError(422, "invalid_request", "choose at least one file to upload")
        if len(uploads) > self.max_files:
            raise WebError(413, "too_large", f"at most {self.max_files} files at once")
        job_id = uuid.uuid4().hex
        folder = self.files_of(job_id)
        folder.mkdir(parents=True)
        files, total = [], 0
        try:
            for n, upload in enumerate(uploads, 1):
                name = upload.filename or "upload"
                head = await upload.read(_CHUNK)
                kind = kind_of(name, head)
                suffix = next(s for s, k in KINDS.items() if k == kind)
                target = folder / f"{n:02d}-{uuid.uuid4().hex[:12]}{suffix}"
                size = 0
                with target.open("wb") as out:
                    chunk = head
                    while chunk:
                        size += len(chunk)
                        total += len(chunk)
                        if total > self.max_bytes:
                            raise WebError(413, "too_large", f"uploads may hold at most {self.max_bytes:,} bytes")
                        out.write(chunk)
                        chunk = await upload.read(_CHUNK)
                files.append((name, size))
        except WebError:
            _remove(folder)
            raise
        return job_id, tuple(files)

    # -- running -------------------------------------------------------------------------------------
    def start(self, job_id: str, files: tuple[tuple[str, int], ...]) -> Job:
        job = Job(job_id, "running", files, time.time())
        self._save(job)
        threading.Thread(target=self._run, args=(job,), name=f"ingest-{job_id[:8]}", daemon=True).start()
        return job

    def _run(self, job: Job) -> None:
        folder = self.files_of(job.id)
        progress = _Progress(self, job)
        try:
            with open_store(self.db, create=False) as store:
                report = ingest(store, [str(folder)], jobs=1, progress=progress)
                if self.after_ingest:
                    self.after_ingest(store)
            job = replace(progress.job, state="done", finished=time.time(), documents=report.documents,
                          new_cables=report.new_cables, files_done=len(job.files),
                          failed=tuple((Path(p).name, r) for p, r in report.failed))
        except Exception as exc:  # noqa: BLE001 - the job reports any failure; the server goes on
            job = replace(progress.job, state="failed", finished=time.time(), message=str(exc))
        self._save(job)

    # -- reporting -----------------------------------------------------------------------------------
    def files_of(self, job_id: str) -> Path:
        """The folder holding a job's uploads (the prefix of their sources' paths in the archive)."""
        if not _JOB_ID.fullmatch(job_id):
            raise WebError(404, "not_found", f"no ingest job {job_id!r}")
        return self.folder / "files" / job_id

    def get(self, job_id: str) -> Job:
        self.files_of(job_id)  # checks the id's form
        path = self.folder / "jobs" / f"{job_id}.json"
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise WebError(404, "not_found", f"no ingest job {job_id!r}") from None
        return Job(**{**data, "files": tuple(map(tuple, data["files"])), "failed": tuple(map(tuple, data["failed"]))})

    def _save(self, job: Job) -> None:
        path = self.folder / "jobs" / f"{job.id}.json"
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps(job.to_json()), encoding="utf-8")
        os.replace(tmp, path)


class _Progress:
    """Ingest's progress callbacks, saved into the job's state as they come."""

    def __init__(self, jobs: Jobs, job: Job):
        self.jobs, self.job = jobs, job

    def start(self, files: int) -> None: ...

    def file_done(self) -> None:
        self.job = replace(self.job, files_done=self.job.files_done + 1)
        self.jobs._save(self.job)

    def stored(self, records: int) -> None:
        self.job = replace(self.job, documents=self.job.documents + records)
        self.jobs._save(self.job)


def _remove(folder: Path) -> None:
    for child in folder.iterdir():
        child.unlink()
    folder.rmdir()
