"""The release's document number, reconciled with the name the collection files the document under.

Collections name each released file after its record number: JFK records by their
``AAA-BBBBB-CCCCC`` number (``104-10162-10010``), State FOIA releases by their ``C`` + 8-digit
document number (``C05784493``). The same number is printed on the page, where OCR often garbles it
(``104-10762-10224``, ``‘toe tote t00t0``); the spec (§8, rows 19 and 21) says the document id then
comes from the collection's metadata, not from OCR. The file name is that metadata when a document
is read from the collection's own files.
"""

from __future__ import annotations

import re

_IN_PATH = re.compile(r"(?<![\dA-Za-z])(1\d{2}-\d{5}-\d{5}|C\d{8})(?!\d)")
# Character differences up to which an OCR'd number is taken as a misreading of the file's number.
_MAX_MISREAD = 3


def number_in_path(path: str | None) -> str | None:
    """The record or document number a file name carries (``104-10162-10010.pdf`` -> ``104-10162-10010``)."""
    if not path:
        return None
    m = _IN_PATH.search(path)
    return m[1] if m else None


def reconcile(ocr_number: str | None, path_number: str | None) -> tuple[str | None, str | None]:
    """(document number, note): the file's number when the page's is missing or a near misreading
    of it (same form, at most three characters differ); otherwise the page's number as printed."""
    if not path_number:
        return ocr_number, None
    if not ocr_number:
        return path_number, f"document number {path_number} taken from the file name (none legible on the page)"
    if ocr_number == path_number:
        return ocr_number, None
    if len(ocr_number) == len(path_number) and _differences(ocr_number, path_number) <= _MAX_MISREAD:
        return path_number, f"document number read as {ocr_number!r} on the page; the file name's {path_number} taken as the reading"
    return ocr_number, None


def _differences(a: str, b: str) -> int:
    return sum(x != y for x, y in zip(a, b))
