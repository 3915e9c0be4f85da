"""Helpers for the archive tests: hand-written cables, a PDF written by hand, a small archive on disk, and
the two kinds of store the archive tests run against (a SQLite folder, a PostgreSQL database)."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from pathlib import Path

from cablegram.cli import EXAMPLE

# The kinds of record store; archive tests are parametrised over them (``params=STORES``).
STORES = ("sqlite", "postgresql")


def new_archive(kind: str, request, folder: Path) -> str:
    """Where a new, empty archive of ``kind`` goes: ``folder`` for SQLite; for PostgreSQL a fresh
    database in the session's throwaway server (started only when a test first asks for it)."""
    if kind == "sqlite":
        return str(folder)
    return request.getfixturevalue("postgres_server").new_database()


def scalar(store, sql: str, params: tuple = ()):
    """The first column of the first row of a read statement (``?`` placeholders, any store)."""
    return next(iter(next(store.rows(sql, params)).values()))


_MONTHS = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"]


def cable(serial: int, *, station: str = "MOSCOW", origin: str = "AMEMBASSY MOSCOW", to: str = "SECSTATE WASHDC",
          month: int = 2, day: int = 14, year: int = 2008, classification: str = "CONFIDENTIAL",
          tags: str = "PREL, PARM, RS, KN", subject: str = "RUSSIA ON SIX-PARTY TALKS AND NUCLEAR DECLARATION",
          refs: str = "", body: str = "Russian officials told us the nuclear declaration remains the key to progress.",
          release: str = "") -> str:
    """An ACP-127 cable of the 2000s that the parser reads completely (id, tags, REF, subject…)."""
    spaced = " ".join(classification) if classification != "UNCLASSIFIED" else classification
    ref_line = f"\nREF: {refs}\n" if refs else ""
    text = f"""VZCZCXRO{serial % 10000:04d}
PP RUEHMO
DE RUEHMO #{serial % 10000:04d}/01 0451200
ZNY CCCCC ZZH
P {day:02d}1200Z {_MONTHS[month - 1]} {year % 100:02d}
FM {origin}
TO {to} PRIORITY 1234
BT
{spaced} {station} {serial:06d}

SIPDIS

E.O. 12958: DECL: {month:02d}/{day:02d}/{year + 10}
TAGS: {tags}
SUBJECT: {subject}
{ref_line}
Classified By: Ambassador William J. Burns. Reasons 1.4 (b) and (d).

1. (C) Summary: {body} End summary.

2. (C) The Deputy Foreign Minister said the matter would be raised again at the next round of talks in Beijing.

BURNS
"""
    if release:
        text = f"{release}\n{text}\n{release}\n"
    return text


def pdf_bytes(pages: list[str | None]) -> bytes:
    """A minimal PDF written by hand: one page per item, a text layer for strings, none for None."""
    objects: list[bytes] = []
    n_pages = len(pages)
    font_id = 3 + 2 * n_pages
    kids = " ".join(f"{3 + 2 * i} 0 R" for i in range(n_pages))
    objects.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    objects.append(f"<< /Type /Pages /Kids [{kids}] /Count {n_pages} >>".encode())
    for i, text in enumerate(pages):
        lines = [] if text is None else text.split("\n")
        ops = ["BT", "/F1 10 Tf", "12 TL", "40 760 Td"]
        for line in lines:
            safe = line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
            ops.append(f"({safe}) Tj T*")
        ops.append("ET")
        stream = "\n".join(ops if lines else ["q", "Q"]).encode("latin-1")
        objects.append(f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents {4 + 2 * i} 0 R "
                       f"/Resources << /Font << /F1 {font_id} 0 R >> >> >>".encode())
        objects.append(b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream")
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Courier >>")
    return pdf_file(objects)


def pdf_file(objects: list[bytes]) -> bytes:
    """A PDF file of numbered objects (object 1 the catalog) with its cross-reference table."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for n, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{n} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def _csv(rows: list[dict]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]))
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


RELEASE = ("UNCLASSIFIED U.S. Department of State Case No. F-2014-20439 Doc No. C05770206 Date: 08/31/2015\n"
           "RELEASE IN PART B6")


def small_corpus(folder: Path) -> dict[str, int]:
    """Write the test corpus; returns how many documents each kind of file holds.

    - ``moscow.txt``: 2008MOSCOW000220, citing STATE 12345 (held) and MOSCOW 100 (dangling)
    - ``nested/state.txt``: 2008STATE012345, SECRET, from the Department to Moscow
    - ``releases.jsonl``: a second release of the Moscow cable (release layer, B6), the 1996 example,
      a FRUS-style row without text, and a row with no text at all (reported, not fatal)
    - ``more.zip``: two cables (one in a .txt member, one in a .csv member) and a .pdf member
    - ``scan.pdf``: a PDF whose first page has a text layer and whose second page has none
    - ``blank.pdf``: a PDF with no text layer at all (fails: OCR needed)
    """
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "moscow.txt").write_text(cable(220, refs="A. STATE 12345 B. MOSCOW 100"))
    (folder / "nested").mkdir(exist_ok=True)
    (folder / "nested" / "state.txt").write_text(cable(
        12345, station="STATE", origin="SECSTATE WASHDC", to="AMEMBASSY MOSCOW", day=1, classification="SECRET",
        tags="PREL, KN, KS", subject="NORTH KOREA: DEMARCHE ON THE NUCLEAR DECLARATION",
        body="Embassy should urge Russia to press Pyongyang for a complete and correct declaration."))
    rows = [
        {"id": "foia:C05770206", "text": cable(220, refs="A. STATE 12345 B. MOSCOW 100", release=RELEASE)},
        {"id": "example", "text": EXAMPLE.read_text(encoding="utf-8")},
        {"volume_id": "frus1969-76v03", "doc_id": "d14", "frus_head": "14. Telegram From the Embassy in Italy to the "
         "Department of State", "source_note": "Source: National Archives, RG 59. Confidential; Priority.",
         "dateline": "Rome, March 26, 1969, 2010Z.", "text": ""},
        {"id": "empty-row", "body": "no text field here"},
    ]
    (folder / "releases.jsonl").write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    with zipfile.ZipFile(folder / "more.zip", "w") as z:
        z.writestr("a/tokyo.txt", cable(
            310, station="TOKYO", origin="AMEMBASSY TOKYO", month=3, day=3, classification="UNCLASSIFIED",
            tags="ECON, JA", subject="JAPAN: TRADE OUTLOOK FOR THE SPRING", body="Japanese exports rose in February."))
        z.writestr("b/seoul.csv", _csv([{"id": "seoul-1", "text": cable(
            77, station="SEOUL", origin="AMEMBASSY SEOUL", month=4, day=9, classification="SECRET",
            tags="PREL, KN, KS", subject="ROK VIEWS ON THE NUCLEAR DECLARATION", refs="MOSCOW 220",
            body="Seoul welcomes Russian pressure on the nuclear declaration.")}]))
        z.writestr("c/memo.pdf", pdf_bytes([cable(
            5, station="BERLIN", origin="AMEMBASSY BERLIN", month=5, day=5, classification="UNCLASSIFIED",
            tags="ECON, GM", subject="GERMANY: BUDGET DEBATE", body="The Bundestag began the budget debate.")]))
    (folder / "scan.pdf").write_bytes(pdf_bytes([cable(
        9, station="PARIS", origin="AMEMBASSY PARIS", month=6, day=6, classification="CONFIDENTIAL",
        tags="PREL, FR", subject="FRANCE: VIEWS ON THE SUMMIT", body="Paris expects a short summit."), None]))
    (folder / "blank.pdf").write_bytes(pdf_bytes([None]))
    (folder / "notes.md").write_text("not ingested: unknown suffix in a folder")
    # documents stored: moscow 1, state 1, jsonl 3 (one row fails), zip 3, scan.pdf 1
    return {"documents": 9, "sources": 6, "failed_sources": 1}
