"""The JFK Assassination Records identification form that heads each released record: its
fields (agency, record number, originator, date, classification …) as the form states them."""

from __future__ import annotations

import re

from .. import fields as F
from ...normalise.state import NormState
from ...vocab.markings import AGENCY_CONTROLS
from ..draft import CLine, Draft
from .window import lines_holding_any_case

JFK_FORM = re.compile(r"IDENTIFICATION\s+FORM|JFK\s+ASSASSINATION\s+SYSTEM", re.I)
_FORM_FIELD = re.compile(r"^\s*(?P<label>AGENCY\s+FILE\s+NUMBER|AGENCY\s+ORIGINATOR|AGENCY|RECORD\s+NUMBER|ORIGINATOR|FROM|TO|"
                         r"DATE(?=\s*[:•.]|\s*$)|CLASSIFICATION|CURRENT\s+STATUS|TITLE|DOCUMENT\s+TYPE)\s*[:•.]*\s*(?P<value>.*)$", re.I)

# (Compiled once: ``re.search(pattern, …)`` looks each pattern up in the re module's cache, which
# cost more than the searches themselves on the form's lines.)
_DOCUMENT_INFORMATION = re.compile(r"DOCUMENT\s+INFORMATION", re.I)
_RESTRICTED = re.compile(r"ITEM\s+IS\s+RESTRICTED", re.I)
_FORM_END = re.compile(r"ITEM\s+IS\s+RESTRICTED|^\s*---\s*$|^\s*##\s+Page\s+2", re.I)
_COMMENTS = re.compile(r"^\s*COMMENTS\b", re.I)


def may_hold_form_title(state: NormState) -> bool:
    """Whether the document may bear the form's title: its head holds IDENTIFICATION or JFK in any
    case, as every match of JFK_FORM does ('IDENTIFICATION FORM', 'JFK Assassination System').
    (ASSASSINATION alone would pass nearly every JFK release, whose legend names the Act.)

    The form is a release's first page, and its title stands in the first 200 characters of every
    release here: it is looked for in the first _TITLE_WITHIN bytes (ten times that) of the
    original's upper-cased UTF-8, which the normaliser has made already (two searches of bytes, ~1
    µs). Every line of the clean text stands in the original. (It was first asked of the clean text
    in capitals only, and the form's title, printed in a title's lower case on most releases, was
    passed over unless a legend spelt ASSASSINATION in capitals.)
    """
    if state.ascii_case_exact:
        head = state.ascii_upper
        return head.find(b"JFK", 0, _TITLE_WITHIN) >= 0 or head.find(b"IDENTIFICATION", 0, _TITLE_WITHIN) >= 0
    # A character re.I folds into an ASCII letter ('ı', the Kelvin sign): the pattern itself is asked.
    return JFK_FORM.search(state.original, 0, _TITLE_WITHIN) is not None


_TITLE_WITHIN = 2000


# A release's form stands at its head: its title is among its first lines.
_HEAD_LINES = 8


def _title_line(lines: list[CLine]) -> int | None:
    """The index of the first of ``lines`` that JFK_FORM finds the form's title in, or None."""
    head = next((k for k, ln in enumerate(lines[:_HEAD_LINES]) if JFK_FORM.search(ln.text)), None)
    if head is not None or len(lines) <= _HEAD_LINES:
        return head
    # Past the head, the case-blind pattern is tried only on lines holding one of its first words:
    # tried on every line, it cost 2 µs a line of a text that mentions the assassination without
    # bearing the form.
    rest = lines_holding_any_case([ln.text for ln in lines[_HEAD_LINES:]], ("IDENTIFICATION", "JFK"))
    return next((_HEAD_LINES + k for k in rest if JFK_FORM.search(lines[_HEAD_LINES + k].text)), None)


def read_jfk_form(d: Draft, lines: list[CLine], may_hold_title: bool) -> int:
    """The JFK identification form (first page of each record): release-layer facts and fallbacks.

    The form describes the record; its FROM/TO/DATE are read only after 'DOCUMENT INFORMATION'
    (the date at the top is the form's own printing date). Returns the index after the form.
    ``may_hold_title`` is False when the document's head holds neither IDENTIFICATION nor JFK in
    any case (see :func:`may_hold_form_title`): most documents are told so without a look at a line.
    """
    if not may_hold_title:
        return 0
    start = _title_line(lines[:150])
    if start is None:
        return 0
    stop = min(len(lines), start + 120)
    in_document = False
    end = start
    k = start
    while k < stop:
        t = lines[k].text
        if _DOCUMENT_INFORMATION.search(t):
            in_document = True
        if _FORM_END.search(t):
            end = _past_form_foot(lines, k + 1)
            break
        if _COMMENTS.match(t):
            # The comment runs to the next blank line; the record's own pages follow.
            j = k + 1
            while j < len(lines) and lines[j].text.strip() and not _RESTRICTED.search(lines[j].text):
                j += 1
            if j < len(lines) and _RESTRICTED.search(lines[j].text):
                j += 1
            end = _past_form_foot(lines, j)
            break
        m = _FORM_FIELD.match(t)
        if m:
            label = " ".join(m["label"].upper().split())
            value = m["value"].strip(" :•.—–-")  # (OCR reads the box's rule as a dash: "DATE: — 08/08/1962")
            j = k + 1
            while not value and j < min(stop, k + 3):
                nxt = lines[j].text.strip(" :•")
                if nxt and not _FORM_FIELD.match(lines[j].text):
                    value = nxt
                    break
                if nxt:
                    break
                j += 1
            _form_value(d, label, value, in_document)
            # Forms without a 'DOCUMENT INFORMATION' heading, whose boxes hold their values on the
            # same line (NARA's own records), describe the document from a filled ORIGINATOR box on:
            # FROM, TO, TITLE, DATE follow it.
            in_document = in_document or (label == "ORIGINATOR" and bool(value))
        end = k + 1
        k += 1
    d.set("jfk_form", True)
    return end


# The foot of the form's page, below its last box: the restriction note ('[R] - ITEM IS
# RESTRICTED'), which OCR that sets a blank line after every line parts from the COMMENTS box by the
# comment's own lines; the originating agency's derivation block ('DRV FM: NSA/CSS Manual 123-2',
# 'Dated: …', 'DECL ON: X1, …'); and the page's banner, the form's own marking ('TOP SECRET UMBRA',
# 'SECRET MORAY'). The record's pages follow, under their own markings, which are the record's.
_FOOT_LINES = 4
_DERIVATION = re.compile(r"^\W{0,3}(?:DRV\s+FM|DERIVED\s+FROM|DECL(?:ASSIFY)?\s+ON)\b", re.I)
_DERIVATION_DATE = re.compile(r"^\W{0,3}DATED\b", re.I)  # (only after one of the above)
_FORM_BANNER = re.compile(r"^\W{0,3}(?:[A-Z]{3,6}\s+)?[A-Z]{4,7}\s+(?P<word>[A-Z]{4,6})\W{0,3}$")


def _past_form_foot(lines: list[CLine], end: int) -> int:
    """The index after the foot of the form's page, from ``end`` (the index after its last box)."""
    limit = min(len(lines), end + 3 * _FOOT_LINES)
    foot = [k for k in range(end, limit) if lines[k].text.strip()][:_FOOT_LINES]
    end = next((k + 1 for k in foot if _RESTRICTED.search(lines[k].text)), end)
    derived = False
    for k in range(end, min(len(lines), end + 3 * _FOOT_LINES)):
        t = lines[k].text
        if not t.strip():
            continue
        if _DERIVATION.match(t) or derived and _DERIVATION_DATE.match(t):
            derived, end = True, k + 1
            continue
        m = _FORM_BANNER.match(t)
        if m and m["word"] in AGENCY_CONTROLS:
            return k + 1
        break
    return end


# What the identification form writes in a box whose value is not released or not known.
_PLACEHOLDERS = frozenset({"WITHHELD", "REDACTED", "UNKNOWN", "NONE", "N/A", "NOT GIVEN", "[RESTRICTED]", "RESTRICTED"})


def _form_value(d: Draft, label: str, value: str, in_document: bool) -> None:
    if value.upper() in _PLACEHOLDERS:
        return  # 'FROM : WITHHELD': the box states nothing; the record's own text may
    if label == "RECORD NUMBER":
        if m := re.search(r"1\d{2}-\d{5}-\d{5}", value):
            d.set("form_record_number", m[0])
    elif label.endswith("ORIGINATOR"):
        d.set("form_originator", value.upper())
    elif label == "AGENCY" and value:
        d.set("form_agency", value.upper())
    elif not in_document:
        return
    elif label == "FROM":
        d.set("form_from", value.upper().strip(" ,"))
    elif label == "TO":
        d.set("form_to", value.upper().strip(" ,"))
    elif label == "DATE" and (wd := F.written_date(value)):
        d.set("form_date", wd[0])
    elif label == "CLASSIFICATION":
        d.set("form_classification", value.upper())
    elif label == "CURRENT STATUS":
        d.set("form_status", value.upper())
    elif label == "AGENCY FILE NUMBER":
        d.set("form_file_number", value.upper())
