"""Helpers for the web tests: a small archive built from hand-written cables, and a real uvicorn server
over it on a free port in a background thread."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import uvicorn
from archive_support import RELEASE, cable

from cablegram.archive import ingest, open_store
from cablegram.archive.index import SearchIndex, default_index_folder
from cablegram.cli import EXAMPLE
from cablegram.web import Settings, create_app

HOSTILE_SUBJECT = "<script>alert('pwned')</script> & <b>BOLD</b>"


def build_archive(folder: Path, *, index: bool = True) -> Path:
    """An archive of a few cables (with its search index, as ``cablegram ingest`` builds it, unless
    ``index`` is false: then searches use the store's full-text index); returns its folder.

    - 2008MOSCOW000220 (two releases: a born-digital copy, and a FOIA release in part under B6 whose
      first paragraph lacks the words the other shows), citing 2008STATE012345 (held) and MOSCOW 100
      (dangling)
    - 2008STATE012345, SECRET, tags PREL KN KS
    - 2008TOKYO000310, UNCLASSIFIED, a subject and body holding markup (``<script>``…)
    - the 1996 example (NODIS)
    """
    sources = folder / "sources"
    sources.mkdir(parents=True)
    (sources / "moscow.txt").write_text(cable(220, refs="A. STATE 12345 B. MOSCOW 100"))
    later = folder / "later"  # ingested second, so that it is the cable's second release
    later.mkdir()
    (later / "moscow-release.txt").write_text(cable(
        220, refs="A. STATE 12345 B. MOSCOW 100", release=RELEASE,
        body="Russian officials told us (B6) remains the key to progress."))
    (sources / "state.txt").write_text(cable(
        12345, station="STATE", origin="SECSTATE WASHDC", to="AMEMBASSY MOSCOW", day=1, classification="SECRET",
        tags="PREL, KN, KS", subject="NORTH KOREA: DEMARCHE ON THE NUCLEAR DECLARATION",
        body="Embassy should urge Russia to press Pyongyang for a complete and correct declaration."))
    (sources / "tokyo.txt").write_text(cable(
        310, station="TOKYO", origin="AMEMBASSY TOKYO", month=3, day=3, classification="UNCLASSIFIED",
        tags="ECON, JA", subject=HOSTILE_SUBJECT, body="Exports rose <script>alert(2)</script> in February."))
    (sources / EXAMPLE.name).write_text(EXAMPLE.read_text(encoding="utf-8"))
    archive = folder / "archive"
    with open_store(archive) as store:
        first = ingest(store, [str(sources)], jobs=1)
        second = ingest(store, [str(later)], jobs=1)
        if index:
            SearchIndex.rebuild(default_index_folder(store), store)
    assert (first.documents, second.documents) == (4, 1) and not (first.failed or second.failed), (first, second)
    return archive


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def running_server(archive: Path, *, max_upload_bytes: int = 2 * 1024 * 1024) -> Iterator[str]:
    """Serve the archive with uvicorn in a thread; yields the base URL; stops the server on exit."""
    app = create_app(Settings(db=str(archive), uploads=str(archive.parent / "uploads"),
                              max_upload_bytes=max_upload_bytes))
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=_free_port(), log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the test server did not start")
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{server.config.port}"
    finally:
        server.should_exit = True
        thread.join(10)
