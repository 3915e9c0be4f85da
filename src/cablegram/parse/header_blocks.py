"""The header scanner's state and its blocks: a labelled line (TO, INFO, SUBJECT, REF …) opens a
block, the unlabelled lines after it continue it, and ``close_block`` hands the collected text to
the field grammar."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from ..model import Addressee
from ..vocab import tables
from . import fields as F
from .draft import CLine, Draft
from .tags import tags as read_tags


@dataclass
class Scan:
    """The scanner's position and open block."""

    block: str | None = None
    block_start: int = 0
    block_parts: list[tuple[int, int, str]] = field(default_factory=list)
    # A worksheet office line without typist initials: the drafter if the drafting-date line
    # follows it, else a clearer (officer, start, end).
    pending_drafter: tuple | None = None
    # A drafter's line was read (the worksheet's 'EAP/K:JGOLDSTEIN:JLG', the telegram's 'DRAFTED
    # BY'): the office lines after it are the clearers.
    drafter_read: bool = False
    seen_subject: bool = False
    in_envelope: bool = False  # between VZCZC and the DE line
    # After a post's message-centre line (``CXABU:``): the post's own distribution lines follow.
    post_distribution: bool = False
    seen_class_line: bool = False
    # A form's label standing alone, its value on the line below (text taken from a PDF's table):
    # (rule name, handler) of the label, until that line comes.
    pending_label: tuple | None = None
    ended: bool = False
    body_start: int | None = None


LineRule = Callable[[Draft, Scan, CLine, re.Match], None]


# A post of up to four words ('SAO PAULO'), bounded so that a run of words without numbers costs
# a constant per word.
_ACTINFO_ITEM = re.compile(r"(?P<name>[A-Z][A-Z.']*(?:\s+[A-Z][A-Z.']*){0,3}?)\s*(?:(?P<prec>NIACT|PRIORITY|IMMEDIATE|ROUTINE|FLASH)\s*)?"
                           r"(?:\d\w{0,4}|UNNUMB\w*|(?=[,;•.]|$))")
PRECEDENCE_WORDS = frozenset({"NIACT", "PRIORITY", "IMMEDIATE", "ROUTINE", "FLASH"})
# The statement's full stop, after a number or UNNUMBERED (OCR may read it as '!').
_STATEMENT_STOP = re.compile(r"(?:(?<=\d)|(?<=UNNUMBERED))\s?[.!](?=[\s,]|$)")
_FIRST_WORDS = re.compile(r"[\s,]*([A-Z][A-Z.']*(?:\s+[A-Z][A-Z.']*){0,2})")


def _statement(text: str) -> str:
    """The ACTION/INFORMATION statement up to its full stop: what OCR ran on after it (the page's
    margin, a name: 'LONDON 77. —PARROTT') is no addressee. A stop read for a comma is passed over
    where a known post follows it ('LEOPOLDVILLE 535. USUN 387')."""
    for stop in _STATEMENT_STOP.finditer(text):
        after = _FIRST_WORDS.match(text, stop.end())
        words = after[1].split() if after else []
        if not any(" ".join(words[:n]) in tables.stations() or " ".join(words[:n]) in ("DEPARTMENT", "USUN")
                   for n in range(1, len(words) + 1)):
            return text[: stop.start()]
    return text


ACTINFO_LINE = re.compile(r"^\s*[A-Z][A-Za-z0-9 ,;.•!'\-]*$")


def read_action_information(d: Draft, parts: list[tuple[int, int, str]]) -> None:
    text = " ".join([p[2].strip() for p in parts]).upper()
    text = _statement(text)
    start, end = parts[0][0], parts[-1][1]
    action, _, info = text.partition("INFORMATION")
    # The line is the telegram's own statement of action and information addressees: it
    # replaces what a 'TO:' line of the form said.
    d.values.pop("to_found", None)
    for group, key in ((action, "to_found"), (info, "info_found")):
        for m in _ACTINFO_ITEM.finditer(group):
            name = m["name"].strip(" .")
            if not name or name in PRECEDENCE_WORDS:
                continue
            a = F.addressee(name)
            if a:
                if m["prec"]:
                    a = Addressee(name=a.name, canonical=a.canonical, precedence=F.precedence_word(m["prec"]),
                                  routing=a.routing, sequence=a.sequence)
                d.add(key, (a, start, end))


# A portion mark before the subject ('(C) TALKS') or, in some hands, after it ('… EQUIPMENT (C)'),
# dropped; in the case the cable is typed in ('(s) further scheming …'). (Compiled once: the re
# module's cache look-up costs a call.)
_SUBJECT_MARK = re.compile(r"^\((?:U|C|S|TS|SBU|LOU)(?:[/\-][A-Z]+)?\)\s*|\s*\((?:U|C|S|TS|SBU|LOU)(?:[/\-][A-Z]+)?\)$",
                           re.IGNORECASE)


_FOR_WORD = re.compile(r"\bFOR\b|^(?:PLEASE\s+)?PASS\b")  # ('PASS TO NSC FROMAN' is an instruction of its own)

# The blocks read as one text, their parts joined (the others are read part by part).
_JOINED = frozenset({"FM", "TAGS", "SUBJECT", "REF", "CLASSBY"})


def agency_record(d: Draft) -> bool:
    """Whether the record is an agency's (its kind read: CIA, FBI, NSA) or a JFK release's form."""
    return d.get("kind") is not None or bool(d.get("jfk_form"))


def close_block(d: Draft, s: Scan) -> None:
    """Finish the open block: hand its collected text to the field grammar."""
    if s.block is None and s.pending_drafter is None and not s.block_parts:
        # Nothing open (every blank line and most labelled lines ask): the steps below would only
        # put one empty list of parts in place of another.
        return
    block, parts = s.block, s.block_parts
    s.block, s.block_parts = None, []
    if s.pending_drafter:
        # No drafting-date line followed the pending office line: a clearer, save on an agency's
        # record, where it is a form's label ('CONF: LA', 'PAGE :'; see department.office_line).
        if not agency_record(d):
            d.add("cleared_found", s.pending_drafter[0])
        s.pending_drafter = None
    if not block or not parts:
        if block == "SUBJECT":
            s.seen_subject = True
        return
    start, end = parts[0][0], parts[-1][1]
    if block in _JOINED:
        text = " ".join([p[2].strip() for p in parts])
    if block == "FM":
        d.set("from", F.plad(_station_before_specks(text)), start, end)
    elif block in ("TO", "INFO"):
        _read_addressees(d, "to_found" if block == "TO" else "info_found", parts, start, end)
    elif block == "XMT":
        for p_start, p_end, p_text in parts:
            for item in split_addresses(p_text):
                a = F.addressee(item)
                if a:
                    d.add("excluded_found", a.name)
    elif block == "TAGS":
        codes, segmented = read_tags(text)
        if d.set("tags", codes, start, end):
            d.set("tags_line", text)
            if segmented:
                d.set("tags_raw", text)
    elif block == "SUBJECT":
        subject = _SUBJECT_MARK.sub("", " ".join(text.split()))
        sub_start = start + (len(parts[0][2]) - len(parts[0][2].lstrip()))
        d.set("subject", subject.strip() or None, sub_start, end)
        s.seen_subject = True
    elif block == "REF":
        d.set("ref_text", text, start, end)
    elif block == "ACTINFO":
        read_action_information(d, parts)
    elif block == "CLASSBY":
        d.set("classified_by_text", text, start, end)
    elif block == "PASS":
        # Each passing instruction names whom it is for ('GENEVA FOR U.S. MISSION …') or opens with
        # PASS; a line with neither is the one above wrapped ('DEPT FOR AF/C' / 'S/WCI' / 'AND DRL').
        items: list[list] = []
        for p_start, p_end, p_text in parts:
            text = " ".join(p_text.split())
            if not text:
                continue
            if items and not _FOR_WORD.search(text):
                items[-1][0] += " " + text
                items[-1][2] = p_end
            else:
                items.append([text, p_start, p_end])
        for text, p_start, p_end in items:
            d.add("attention_found", (text, p_start, p_end))


# A sender typed in capitals and OCR's lower-case debris after it (the form's margin, a time stamp
# beside the line: 'SAIGON a ei 6256 AM').
_CAPITALS_THEN_LOWER = re.compile(r"^\s*(?P<name>[A-Z][A-Z.]*(?:\s+[A-Z][A-Z.]*)*)\s+(?=[a-z])")


def _station_before_specks(text: str) -> str:
    """A FROM value as written, or the known station it opens with when lower-case debris
    follows the station's capitals: a post is typed in capitals, not followed by small letters."""
    m = _CAPITALS_THEN_LOWER.match(text)
    if m and m["name"] in tables.stations():
        return m["name"]
    return text


def _read_addressees(d: Draft, key: str, parts: list[tuple[int, int, str]], start: int, end: int) -> None:
    """The addressees of a TO or INFO block, each with the span of its line, added to ``key``."""
    if any(";" in p[2] for p in parts):
        # A SMART list: items separated by semicolons, wrapping freely across lines.
        parts = [(start, end, " ".join([p[2].strip() for p in parts]))]
    found = []
    for p_start, p_end, p_text in parts:
        for item in split_addresses(p_text):
            if " FOR " in item and _names_an_office(item):
                d.add("attention_found", (" ".join(item.split()), p_start, p_end))
                continue
            # (``addressee`` reads its text single-spaced first: the item goes as it stands,
            # without a single-spaced copy made here for it to make again)
            if a := F.addressee(item):
                found.append((a, p_start, p_end))
                if a.precedence and (word := a.precedence.split()[0]) not in item and word not in item.upper():
                    d.defect("possible-ocr-error", f"the precedence of {' '.join(item.split())!r} read as {a.precedence} (a word misread or misspelt)",
                             p_start, p_end)
    if found:  # (what ``d.add`` of each in turn leaves: no list where there is nothing to add)
        d.values.setdefault(key, []).extend(found)


def _names_an_office(item: str) -> bool:
    """An address line that names an office of the Department before FOR ('NEA FOR AMBASSADOR X',
    'S/S FOR THE SECRETARY') is a passing line set as an address: offices inside the Department are
    reached through it, never addressed. A post or a command with an office after FOR ('CINCPAC FOR
    POLAD') stays an addressee."""
    head = item.split(" FOR ", 1)[0].strip().upper()
    offices = tables.department_offices()
    return head in offices or head.split("/", 1)[0] in offices and " " not in head  # (or one of its offices: 'NEA/ARP')


_BEFORE_ROUTING = re.compile(r"\s+(?=R[A-Z]{4,6}/[A-Z])")
# Where ``_BEFORE_ROUTING`` splits: a blank just before a routing indicator. (The split's blank run
# either ends before one or holds no split at all, so a line splits exactly where some blank is
# followed by one; this search opens with a character class, which the regex engine skips to at C
# speed, and builds no list.)
_ROUTING_AFTER_BLANK = re.compile(r"\sR[A-Z]{4,6}/[A-Z]")


# Where one item of a SMART list ends: at a semicolon, or at the comma OCR reads for one after the
# precedence that closes every item ('Alvarado, Rebecca B IMMEDIATE, Baker, Holli C IMMEDIATE;').
_SMART_ITEM_END = re.compile(r";|(?:(?<=\bROUTINE)|(?<=\bPRIORITY)|(?<=\bIMMEDIATE))\s*,")


def split_addresses(text: str) -> list[str]:
    """One addressee per line, except SMART lists separated by semicolons and OCR lines that run
    two routed addressees together (``… IMMEDIATE 10 RJDTLK/USOFFICE LIMERICK``)."""
    if ";" in text:
        return [p for p in _SMART_ITEM_END.split(text) if p.strip()]
    if not _ROUTING_AFTER_BLANK.search(text):
        return [text] if text.strip() else []  # one addressee: what the split would give
    return [p for p in _BEFORE_ROUTING.split(text) if p.strip()]
