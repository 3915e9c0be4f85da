"""A killed ingest leaves a consistent archive, and a re-run completes it with nothing lost or doubled
(on both stores)."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from archive_support import STORES, cable, new_archive, scalar

from cablegram.archive import Reader, open_store
from cablegram.cli import EXAMPLE

CABLES = 600
EXAMPLES = 60
STATIONS = ["MOSCOW", "TOKYO", "SEOUL", "PARIS", "BERLIN", "ROME", "CAIRO", "LONDON"]


def _corpus(folder: Path) -> int:
    """Generated variants: ACP-127 cables with distinct ids and bodies, and the 1996 example with an extra
    paragraph (no id: these link by text). Returns the number of documents."""
    example = EXAMPLE.read_text(encoding="utf-8")
    for i in range(CABLES):
        station = STATIONS[i % len(STATIONS)]
        sub = folder / station.lower()
        sub.mkdir(parents=True, exist_ok=True)
        (sub / f"{i:04d}.txt").write_text(cable(
            1000 + i, station=station, origin=f"AMEMBASSY {station}", month=1 + i % 12, day=1 + i % 28,
            subject=f"REPORT NUMBER {i} FROM {station}", refs=f"STATE {2000 + i}",
            body=f"Variant {i}: the embassy reports item {i * 7919 % 10007} on the talks."))
    for i in range(EXAMPLES):
        (folder / f"example-{i:03d}.txt").write_text(example + f"\n\n9. VARIANT PARAGRAPH {i} OF THE TEST CORPUS.\n")
    return CABLES + EXAMPLES


def _start(folder: Path, db: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "cablegram.cli", "ingest", str(folder), "--db", str(db),
                             "--jobs", "2", "--no-progress"], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            start_new_session=True)


def _sqlite_records(db: str) -> int:
    try:
        conn = sqlite3.connect(Path(db) / "archive.sqlite", timeout=1)
        try:
            return conn.execute("SELECT COUNT(*) FROM records").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error:  # not created or not migrated yet
        return 0


def _kill_after(proc: subprocess.Popen, db: str, records: int) -> None:
    """SIGKILL the ingest (and its worker processes: its own process group) once it has stored ``records``."""
    if db.startswith("postgresql://"):
        import psycopg

        conn = psycopg.connect(db, autocommit=True)  # one connection for all the polling, not one a poll

        def stored() -> int:
            try:
                return conn.execute("SELECT COUNT(*) FROM records").fetchone()[0]
            except psycopg.errors.UndefinedTable:  # not migrated yet
                return 0
    else:
        conn = None

        def stored() -> int:
            return _sqlite_records(db)
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and proc.poll() is None and stored() < records:
            time.sleep(0.005)
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
    finally:
        if conn is not None:
            conn.close()


@pytest.fixture(params=STORES)
def db(request, tmp_path) -> str:
    return new_archive(request.param, request, tmp_path / "db")


def test_killed_ingest_is_consistent_and_a_rerun_completes_it(tmp_path, db):
    total = _corpus(tmp_path / "in")
    seen = []
    for threshold in (20, 250):
        proc = _start(tmp_path / "in", db)
        _kill_after(proc, db, threshold)
        assert proc.returncode == -signal.SIGKILL, "the ingest ended before it could be killed: grow the corpus"
        with open_store(db, create=False) as store:
            report = store.check()
            assert report.ok, report.problems
            stored = scalar(store, "SELECT COUNT(*) FROM records")
            assert stored < total
            seen.append(stored)
    proc = _start(tmp_path / "in", db)
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == 0, err.decode()
    with open_store(db, create=False) as store:
        report = store.check()
        assert report.ok and not report.notes, (report.problems, report.notes)
        assert scalar(store, "SELECT COUNT(*) FROM records") == total
        assert scalar(store, "SELECT COUNT(DISTINCT doc_sha256) FROM records") == total
        assert scalar(store, "SELECT COUNT(*) FROM sources WHERE status = 'ok' AND documents = 1") == total
        # the example's variants (one text, a different extra paragraph each) are releases of one cable
        assert scalar(store, "SELECT COUNT(*) FROM cables") == CABLES + 1
        assert scalar(store, "SELECT COUNT(DISTINCT canonical_id) FROM records WHERE canonical_id IS NOT NULL") == CABLES
        assert Reader(store).search("variant", limit=0).total == total  # the text index holds every record
    assert b"already in the archive" in out
    assert seen[0] >= 20


def test_a_file_killed_after_some_of_its_transactions_is_redone_whole(tmp_path, db):
    """One JSON Lines file spans several transactions: a kill between them leaves the file pending with
    its first batches stored, and the re-run discards them and stores every line once."""
    from cablegram.archive.ingest import BATCH
    from cablegram.synth import generate

    total = 4 * BATCH
    (tmp_path / "in").mkdir()
    with open(tmp_path / "in" / "cables.jsonl", "w", encoding="utf-8") as out:
        out.writelines(json.dumps({"text": s.text}) + "\n" for s in generate(total, seed=5))
    proc = _start(tmp_path / "in", db)
    _kill_after(proc, db, 1)
    assert proc.returncode == -signal.SIGKILL, "the ingest ended before it could be killed: grow the corpus"
    with open_store(db, create=False) as store:
        report = store.check()
        assert report.ok, report.problems
        assert 0 < scalar(store, "SELECT COUNT(*) FROM records") < total
        assert scalar(store, "SELECT status FROM sources") == "pending"
    proc = _start(tmp_path / "in", db)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 0, err.decode()
    with open_store(db, create=False) as store:
        report = store.check()
        assert report.ok and not report.notes, (report.problems, report.notes)
        assert scalar(store, "SELECT COUNT(*) FROM records") == total
        assert scalar(store, "SELECT COUNT(DISTINCT locator) FROM records") == total
        assert scalar(store, "SELECT documents FROM sources WHERE status = 'ok'") == total
