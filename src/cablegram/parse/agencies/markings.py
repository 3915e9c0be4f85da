"""Markings on OCR'd agency pages: the classification word that survives in debris, and the
dissemination controls on slug lines and report banners."""

from __future__ import annotations

import re

from ...vocab.markings import AGENCY_CONTROLS
from ..draft import CLine, Draft

_MARKING_WORD = re.compile(r"\b(TOP\s+SECRET|SECRET|CONFIDENTIAL|S-E-C-R-E-T|C-O-N-F-I-D-E-N-T-I-A-L)\b"
                           r"(?!\s*(?:SERVICE|AGENT|POLICE|INFORMANT))")


def read_page_marking(d: Draft, lines: list[CLine], start: int) -> None:
    """On OCR'd pages of released records the marking often survives only inside a line of debris
    (``wip SECRET A Pn``): the first marking word in the first lines, as a last resort."""
    found = None
    for ln in nonblank(lines[start: start + 600], 60):
        if "SECRET" not in ln.text and "CONFIDENTIAL" not in ln.text and "-" not in ln.text:
            continue  # no marking word, spelt or letter-spaced: spare the scan
        for m in _MARKING_WORD.finditer(ln.text):
            word = " ".join(m[1].replace("-", "").split())
            if found is None or word == "TOP SECRET":
                found = (word, ln.start + m.start(1), ln.start + m.end(1))
        if found and found[0] == "TOP SECRET":
            break
    if found:
        d.set("page_marking", found[0], found[1], found[2])


_CONTROLS = re.compile(r"\b(" + "|".join(re.escape(c).replace(r"\ ", r"\s+") for c in AGENCY_CONTROLS) + r")\b")


_CS_COMMENT = re.compile(r"[C¢]\s?/\s?S\s+COMMENT", re.I)


def read_agency_controls(d: Draft, lines: list[CLine], start: int) -> None:
    """Dissemination controls on an agency cable's slug line and report banners, in order."""
    for ln in nonblank(lines[start: start + 600], 120):
        if "/" in ln.text and _CS_COMMENT.search(ln.text):
            continue  # the cable secretariat's note about other cables ('… APPLICABLE TO RYBAT …')
        for m in _CONTROLS.finditer(ln.text):
            d.add("captions_found", (" ".join(m[1].split()), ln.start + m.start(1), ln.start + m.end(1)))


def nonblank(lines: list[CLine], count: int) -> list[CLine]:
    """The first ``count`` non-blank lines: OCR'd pages often put a blank line after every line,
    so a window of lines must count text, not line breaks."""
    out: list[CLine] = []
    for ln in lines:
        if ln.text.strip():
            out.append(ln)
            if len(out) == count:
                break
    return out
