"""Real services for the tests: a throwaway PostgreSQL server, Chromium and Tesseract.

Each is found on this machine (Debian's packages, which ``scripts/test`` installs). When one is absent
the tests that need it skip with a reason; with ``CABLEGRAM_REQUIRE_SERVICES=1`` (set by ``.ci/run``)
they fail instead, so CI cannot pass without really exercising them.

``CABLEGRAM_TEST_PG_URL`` points the tests at an existing server instead of starting one (a database
per test is created in it, so the role needs CREATEDB).
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

REQUIRED = os.environ.get("CABLEGRAM_REQUIRE_SERVICES") == "1"


def unavailable(what: str) -> None:
    """Skip the calling test, or fail it when services are required."""
    if REQUIRED:
        pytest.fail(f"{what} (CABLEGRAM_REQUIRE_SERVICES=1: CI must run this test)", pytrace=False)
    pytest.skip(what)


def chromium_path() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


def tesseract_path() -> str | None:
    return shutil.which("tesseract")


@dataclass(frozen=True)
class PostgresServer:
    """A running server; :meth:`new_database` gives each test an empty database of its own."""

    base_url: str  # postgresql://user@host:port/

    def new_database(self) -> str:
        import psycopg

        name = "t_" + uuid.uuid4().hex[:12]
        with psycopg.connect(self.base_url + "postgres", autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return self.base_url + name


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _bin(name: str) -> str | None:
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    return found[-1] if found else shutil.which(name)


def start_postgres() -> Iterator[PostgresServer]:
    """Start a server in a temporary folder (as the ``postgres`` user when we are root, since the
    server refuses to run as root), yield it, stop it and remove the folder."""
    existing = os.environ.get("CABLEGRAM_TEST_PG_URL")
    if existing:
        yield PostgresServer(existing.rstrip("/").rsplit("/", 1)[0] + "/")
        return
    initdb, pg_ctl = _bin("initdb"), _bin("pg_ctl")
    if not (initdb and pg_ctl):
        unavailable("no PostgreSQL server binaries (Debian: apt-get install postgresql)")
    as_user: list[str] = []
    folder = Path(tempfile.mkdtemp(prefix="cablegram-pg-"))
    if os.geteuid() == 0:
        try:
            pw = pwd.getpwnam("postgres")
        except KeyError:
            unavailable("running as root and there is no 'postgres' user to run the server as")
        os.chown(folder, pw.pw_uid, pw.pw_gid)
        as_user = ["runuser", "-u", "postgres", "--"]
    data, port = folder / "data", _free_port()
    try:
        subprocess.run([*as_user, initdb, "-D", str(data), "-A", "trust", "-U", "cablegram", "-E", "UTF8",
                        "--no-sync"], check=True, capture_output=True)
        options = f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off"
        subprocess.run([*as_user, pg_ctl, "-D", str(data), "-o", options, "-l", str(folder / "log"), "-w", "start"],
                       check=True, capture_output=True)
    except subprocess.CalledProcessError as err:
        log = (folder / "log").read_text(errors="replace") if (folder / "log").exists() else ""
        shutil.rmtree(folder, ignore_errors=True)
        pytest.fail(f"could not start PostgreSQL: {err.stderr.decode(errors='replace')}{log}", pytrace=False)
    try:
        yield PostgresServer(f"postgresql://cablegram@127.0.0.1:{port}/")
    finally:
        subprocess.run([*as_user, pg_ctl, "-D", str(data), "-m", "immediate", "stop"], capture_output=True)
        shutil.rmtree(folder, ignore_errors=True)
