"""``cablegram serve`` as a person runs it, and the bundled sample it builds on first start."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time

import httpx

from cablegram.archive import Reader, open_store
from cablegram.web.sample import SampleSpec, build_sample, needs_sample


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_sample_holds_the_example_synthetic_cables_and_second_releases(tmp_path):
    folder = tmp_path / "sample"
    assert needs_sample(folder)
    report = build_sample(folder, SampleSpec(cables=60, ocr_releases=10), jobs=1)
    assert not needs_sample(folder) and not report.failed
    assert report.documents == 1 + 60 + 10
    with open_store(folder, create=False) as store:
        reader = Reader(store)
        assert reader.search('"four party"').total >= 1  # our starting document
        twice = [row for row in store.rows("SELECT cable_id, COUNT(*) AS n FROM records GROUP BY cable_id") if row["n"] > 1]
        assert twice, "some OCR releases join the cable they are a release of"
        assert reader.overview()["cables"] == report.new_cables


def test_serve_answers_logs_requests_and_stops_cleanly(tmp_path):
    port = _free_port()
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen([sys.executable, "-m", "cablegram.cli", "serve", "--db", str(tmp_path / "a"), "--empty",
                             "--port", str(port)], stderr=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=env)
    try:
        base = f"http://127.0.0.1:{port}"
        for _ in range(200):
            try:
                response = httpx.get(f"{base}/api/overview", timeout=1)
                break
            except httpx.TransportError:
                time.sleep(0.05)
        else:
            raise AssertionError("the server did not start: " + proc.stderr.read())
        assert response.json() == {"ok": True, "records": 0, "cables": 0, "first": None, "last": None,
                                   "search_index": False}
        assert httpx.get(f"{base}/search", params={"q": "nothing"}).status_code == 200
    finally:
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=15)
    assert proc.returncode == 0, err
    assert "created an empty archive" in err
    assert '"GET /api/overview HTTP/1.1" 200' in out  # uvicorn's request log is on standard output
    assert "Shutting down" in err or "Finished server process" in err


def test_serve_refuses_a_folder_of_other_files(tmp_path):
    (tmp_path / "notes.txt").write_text("mine")
    result = subprocess.run([sys.executable, "-m", "cablegram.cli", "serve", "--db", str(tmp_path)],
                            check=False, capture_output=True, text=True, timeout=30)
    assert result.returncode != 0
    assert "holds files but no archive" in result.stderr and "Traceback" not in result.stderr
