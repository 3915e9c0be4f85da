"""From what the user names to documents: files and folders (recursively), zip members, JSON Lines and
CSV rows, PDFs, and standard input.

:func:`find_files` lists the inputs; :func:`documents` streams the documents of one input, yielding a
:class:`Problem` (never raising) for a row or member that cannot be read, so that one bad row or
member costs only itself. A file that cannot be read at all raises ``OSError``/``ValueError`` to the
caller, which marks that source failed.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import sys
import zipfile
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ..evaluate import frus_document

__all__ = ["Document", "Input", "Problem", "documents", "find_files", "method_for"]

SUFFIXES = {".txt": "text", ".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv", ".zip": "zip", ".pdf": "pdf"}
MAX_DOCUMENT_BYTES = 50 * 1024 * 1024  # as `cablegram parse`


@dataclass(frozen=True)
class Input:
    """One thing to ingest: a file (``file``) or standard input (``data``), shown as ``path``."""

    path: str
    file: Path | None = None
    data: bytes | None = None

    @property
    def form(self) -> str:
        return "text" if self.file is None else SUFFIXES.get(self.file.suffix.lower(), "text")

    def sha256_and_size(self) -> tuple[str, int]:
        h = hashlib.sha256()
        if self.data is not None:
            h.update(self.data)
            return h.hexdigest(), len(self.data)
        size = 0
        with open(self.file, "rb") as fh:  # type: ignore[arg-type]
            while chunk := fh.read(1 << 20):
                h.update(chunk)
                size += len(chunk)
        return h.hexdigest(), size


@dataclass(frozen=True)
class Document:
    """One document to parse: ``data`` is text or bytes (``form`` ``text``) or a PDF's bytes (``pdf``)."""

    locator: str
    label: str | None
    data: str | bytes
    path: str | None
    form: str = "text"


@dataclass(frozen=True)
class Problem:
    """A row or member that could not be read, and why."""

    locator: str
    message: str


def method_for(form: str, text_field: str) -> str:
    return {"jsonl": f"jsonl:{text_field}", "csv": f"csv:{text_field}", "pdf": "pdf-text-layer"}.get(form, form)


def find_files(names: Iterable[str], stdin: bytes | None = None) -> tuple[list[Input], list[str]]:
    """The inputs named (folders walked recursively, in sorted order), and the names that are missing.
    In folders, only known suffixes are taken and hidden entries are skipped; a file named directly is
    read as text whatever its suffix."""
    inputs: list[Input] = []
    missing: list[str] = []
    for name in names:
        if name == "-":
            inputs.append(Input("<stdin>", data=stdin if stdin is not None else sys.stdin.buffer.read()))
            continue
        path = Path(name)
        if path.is_dir():
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for f in sorted(files):
                    p = Path(root) / f
                    if not f.startswith(".") and p.suffix.lower() in SUFFIXES:
                        inputs.append(Input(str(p), file=p))
        elif path.is_file():
            inputs.append(Input(str(path), file=path))
        else:
            missing.append(name)
    return inputs, missing


def documents(item: Input, text_field: str = "text") -> Iterator[Document | Problem]:
    """Stream the documents of one input."""
    if item.form == "zip":
        yield from _zip_documents(item, text_field)
        return
    if item.form in ("jsonl", "csv"):
        fh = io.BytesIO(item.data) if item.data is not None else open(item.file, "rb")  # type: ignore[arg-type]
        with fh:
            yield from _rows(item.form, io.TextIOWrapper(fh, encoding="utf-8-sig", errors="replace", newline=""),
                             "", item.path, text_field)
        return
    data = item.data if item.data is not None else _read_limited(item.file)  # type: ignore[arg-type]
    yield Document("", None, data, item.path, "pdf" if item.form == "pdf" else "text")


def _read_limited(path: Path) -> bytes:
    size = path.stat().st_size
    if size > MAX_DOCUMENT_BYTES:
        raise ValueError(f"{size:,} bytes is larger than the {MAX_DOCUMENT_BYTES:,} bytes one document may hold")
    return path.read_bytes()


def _rows(form: str, fh: io.TextIOBase, prefix: str, path: str, text_field: str) -> Iterator[Document | Problem]:
    if form == "jsonl":
        numbered = ((n, line) for n, line in enumerate(fh, 1) if line.strip())
        for n, line in numbered:
            where = f"{prefix}line {n}"
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                yield Problem(where, f"not JSON ({exc.msg} at column {exc.colno})")
                continue
            yield _row_document(row, where, path, text_field)
    else:
        csv.field_size_limit(MAX_DOCUMENT_BYTES)
        try:
            for n, row in enumerate(csv.DictReader(fh), 1):
                yield _row_document(row, f"{prefix}row {n}", path, text_field)
        except csv.Error as exc:
            yield Problem(f"{prefix}row ?", f"not readable CSV ({exc})")


def _row_document(row: object, where: str, path: str, text_field: str) -> Document | Problem:
    if not isinstance(row, dict):
        return Problem(where, f"a JSON {type(row).__name__}, not an object")
    text = row.get(text_field)
    if not isinstance(text, str) or not text.strip():
        if row.get("frus_head"):
            text = frus_document(row)
        else:
            keys = ", ".join(list(row)[:8])
            return Problem(where, f"no text in field {text_field!r} (fields: {keys}); choose one with --text-field")
    label = row.get("id")
    if label is None and row.get("volume_id") and row.get("doc_id"):
        label = f"{row['volume_id']}/{row['doc_id']}"
    return Document(where, str(label) if label is not None else None, text, path)


def _zip_documents(item: Input, text_field: str) -> Iterator[Document | Problem]:
    source = io.BytesIO(item.data) if item.data is not None else item.file
    try:
        archive = zipfile.ZipFile(source)  # type: ignore[arg-type]
    except zipfile.BadZipFile as exc:
        raise ValueError(f"not a readable zip file ({exc})") from exc
    with archive:
        for info in sorted(archive.infolist(), key=lambda i: i.filename):
            name = info.filename
            if info.is_dir() or Path(name).name.startswith((".", "__MACOSX")) or "__MACOSX/" in name:
                continue
            form = SUFFIXES.get(Path(name).suffix.lower())
            if form is None:
                yield Problem(name, "skipped: not .txt, .jsonl, .csv or .pdf")
                continue
            if form == "zip":
                yield Problem(name, "skipped: a zip inside a zip is not read; unpack it first")
                continue
            if form in ("text", "pdf") and info.file_size > MAX_DOCUMENT_BYTES:
                yield Problem(name, f"skipped: {info.file_size:,} bytes is larger than one document may hold")
                continue
            try:
                if form in ("jsonl", "csv"):
                    with archive.open(info) as fh:
                        yield from _rows(form, io.TextIOWrapper(fh, encoding="utf-8-sig", errors="replace", newline=""),
                                         f"{name} ", f"{item.path}!{name}", text_field)
                else:
                    yield Document(name, None, archive.read(info), f"{item.path}!{name}", form)
            except (zipfile.BadZipFile, zlib.error, OSError, RuntimeError, EOFError) as exc:  # damaged or encrypted member
                yield Problem(name, f"cannot be read from the zip ({exc})")
