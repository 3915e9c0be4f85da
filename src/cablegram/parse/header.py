"""The header scanner: reads the header lines of every cable form into the draft.

The header is read line by line. Each line is offered to the label registry ``LINE_RULES`` in
order; the first rule whose pattern matches handles it. A rule may open a *block* (TO, INFO, XMT,
SUBJECT, REF, TAGS, classified-by) that takes the following unlabelled lines as continuations.
The scanner stops at the first line of the body: a numbered paragraph, or running text after the
SUBJECT/REF part of the header.

The same scanner reads the ACP-127 envelope, the 1970s record copy, the Department worksheet, the
plain FM/TO header and the SMART form, because they share the elements of the spec's §1.1 skeleton;
era-specific forms are single entries in the registry. The block state lives in ``header_blocks``;
the Department worksheet and 1960s lines in ``department``; the SMART labels in ``smart``.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from functools import lru_cache

from ..model import Officer, Section
from ..vocab import tables
from ..vocab.markings import SECURITY_WARNING
from . import fields as F
from .department import (action_information, confirm_drafter, department, department_number, draft_date, number_line,
                         office_line, officer_with, received, worksheet_address)
from .draft import CLine, Draft
from .forms import MARGIN_CODE
from .header_blocks import ACTINFO_LINE, PRECEDENCE_WORDS, LineRule, Scan, close_block
from .header_ends import _may_open_paragraph, _number_alone, _list_open, _resumes, _is_prose
from .captions import caption_or_attention
from .smart import smart

_LEVEL = (
    r"(?P<level>T\s?O\s?P\s+S\s?E\s?C\s?R\s?E\s?T|S\s?E\s?C\s?R\s?E\s?T|C\s?O\s?N\s?F\s?I\s?D\s?E\s?N\s?T\s?I\s?A\s?L|"
    r"L\s?I\s?M\s?I\s?T\s?E\s?D\s+O\s?F\s?F\s?I\s?C\s?I\s?A\s?L\s+U\s?S\s?E|U?UNCLAS(?:SIFIED|SIFED)?)"
)
CLASS_LINE = re.compile(
    rf"^\s*{_LEVEL}\b\s*(?P<efto>EFTO\b)?\s*(?P<rest>.*)$", re.I
)
SECTION = re.compile(r"\bSECTION\s+0*(?P<n>\d{1,2})\s+OF\s+0*(?P<of>\d{1,2})\b", re.I)
MRN_TAIL = re.compile(r"(?P<station>[A-Z][A-Z0158 .']*?[A-Z])\s+0*(?P<serial>\d{1,6})\s*$")
DTG_LINE = re.compile(
    r"^\s*(?:(?P<p1>[ZOPR0])\s?(?P<p2>[ZOPR])?\s+)?(?=[0-3OoIl][\dOoIl]{4,5}\s?Z"
    r"|\d{1,2}\s+[A-Za-z]{3}\s+\d{2}\s+\d{4}Z|[A-Za-z]{3}\s+\d{2}\s+\d{4}Z)", re.I
)
# Date-time groups some printed copies give in other orders: '16 Apr 69 2343Z', 'AUG 69 0106Z'.
_DTG_OTHER = re.compile(r"(?P<dd>\d{1,2})?\s*(?P<mon>[A-Za-z]{3})\s+(?P<yy>\d{2})\s+(?P<hh>[0-2]\d)(?P<mi>[0-5]\d)Z")
_DTG_RAW = re.compile(r"[0-3OoIl][\dOoIl]{4,5}\s?Z(?:\s+[A-Z]{3}\s*,?\s*\d{2,4})?", re.I)
ADDRESS_LINE = re.compile(r"^[A-Z0-9][A-Z0-9 /.,;'&()\-]*$")  # ';' separates SMART list items
# 'IMMEDIATE MOSCOW'; a trailing '+' ('IMMEDIATE ASUNCION, +') marks more addressees listed elsewhere.
PREC_POST = re.compile(r"^\s*(?P<prec>FLASH|NIACT\s+IMMEDIATE|IMMEDIATE|PRIORITY|ROUTINE)\s+(?P<post>[A-Z][A-Z .']+?)(?:\s*,?\s*\+)?\s*$")
DISTRIBUTION_ITEM = re.compile(r"^[A-Z][A-Z/]*-\d{2}$")
# OCR reads a paragraph number's full stop as a bullet or a middle dot ('1• ACCORDING').
# (Paragraph 1 also with OCR's comma for its stop, before a bracket or a word in capitals: '1, (BASE)
# HAS JUST RECEIVED'. Only 1: the text has not begun, so no list or date can be running on.)
PARA_START = re.compile(r"^\s*(?:¶\s*)?(?P<n>\d{1,2})\s*[.•·]\s*(?:\(|[A-Z\"'‘’“])|^\s*(?P<n2>\d{1,2})\s+\([A-Z/\- ]{1,12}\)"
                        r"|^\s*(?P<n3>1),\s+(?:\(|[A-Z]{2})")
LABEL = re.compile(
    r"^\s*(?:E\.?\s?O\.?|TAGS?|TAGE|TABS|SUBJ(?:ECT)?|REF(?:S|TELS?|\(S\))?|CLASSIFIED\s+BY|FM|TO|INFO|XMT|"
    r"DRAFTED|APPROVED|CLEARED|MRN|DATE/DTG|FROM|ACTION|CAPTIONS|REFERENCE|PASS\s+LINE)\b",
    re.I,
)


_AFTER_SUBJECT = re.compile(r"^\s*(?:E\.?\s?O\.?\s*\d|TAGS?\b|REF(?:S|TELS?|\(S\))?\s*[:.]|REFERENCES?\s*:|"
                            r"Classifi?e?d\s+By|Derived\s+from|SUMMARY|BEGIN\s+SUMMARY)", re.I)


def _rx(p: str) -> re.Pattern:
    return re.compile(p, re.I)


# -- rule handlers -------------------------------------------------------------------------------
def _envelope(d: Draft, s: Scan, ln: CLine, m: re.Match) -> None:
    d.set("era_hint", "acp127-2000s")
    s.in_envelope = True


def _fl2(d: Draft, s: Scan, ln: CLine, m: re.Match) -> None:
    d.set("prosign", F.prosign(m[1][0]), ln.start + m.start(1), ln.start + m.end(1))


def _de(d: Draft, s: Scan, ln: CLine, m: re.Match) -> None:
    s.in_envelope = False
    d.set("de_station_ri", m["ri"])
    d.set("de_serial", int(m["serial"]))
    if m["section"]:
        d.set("de_section", int(m["section"]))


def _zny(d: Draft, s: Scan, ln: CLine, m: re.Match) -> None:
    level = SECURITY_WARNING.get(m["letter"].upper())
    d.set("security_warning", level, ln.start + m.start("letter"), ln.start + m.end())


def _dtg(d: Draft, s: Scan, ln: CLine, m: re.Match) -> None:
    if m["p1"]:
        p1 = "O" if m["p1"] == "0" else m["p1"].upper()
        d.set("dtg_prec", F.prosign(p1), ln.start + m.start("p1"), ln.start + m.end("p1"))
    got = F.dtg(ln.text)
    if got:
        written, when, dm = got
        if d.set("dtg", written, ln.start + dm.start(), ln.start + dm.end()):
            d.set("dtg_when", when)
        return
    if (om := _DTG_OTHER.search(ln.text, m.end())) and om["mon"][:3].upper() in F.MONTHS:
        # Kept as written; a date only when the day is there too.
        d.set("dtg", " ".join(om[0].split()), ln.start + om.start(), ln.start + om.end())
        if om["dd"]:
            day = F.iso_date(F.full_year(int(om["yy"])), F.MONTHS[om["mon"][:3].upper()], int(om["dd"]))
            if day:
                d.set("dtg_when", f"{day}T{om['hh']}:{om['mi']}:00Z")
        return
    raw = _DTG_RAW.search(ln.text, m.end())
    if raw:
        d.set("dtg", " ".join(raw[0].split()), ln.start + raw.start(), ln.start + raw.end())
    d.defect("bad-dtg", f"date-time group not readable as a date: {ln.text.strip()!r}", ln.start, ln.end)


def _open(block: str) -> LineRule:
    def handler(d: Draft, s: Scan, ln: CLine, m: re.Match) -> None:
        close_block(d, s)
        s.block = block
        s.block_start = ln.start
        # The classified-by grammar reads its own label ('Classified By', 'Derived from').
        cut = m.start() if block == "CLASSBY" else m.end()
        rest = ln.text[cut:]
        s.block_parts = [(ln.start + cut, ln.end, rest)] if rest.strip() else []
    return handler


_open_ref = _open("REF")


def _ref(d: Draft, s: Scan, ln: CLine, m: re.Match) -> None:
    """A REF line, and the classified-by line printed on it ('REF: ASUNCION 396 Classified By: …')."""
    head, rest = _split_at_label(ln, m) if "lassif" in ln.text or "LASSIF" in ln.text else (ln, None)
    _open_ref(d, s, head, m)
    if rest is not None:
        _labels_on_line(d, s, rest)  # after the REF block: the classified-by block, opened last, takes its wrap


def _eo(d: Draft, s: Scan, ln: CLine, m: re.Match) -> None:
    close_block(d, s)
    # The TAGS (and SUBJECT) printed on the E.O. line: 'E.O. 12958: DECL: 2035/01/07 TAGS: ECON …'.
    ln, rest = _split_at_label(ln, m)
    if rest is not None:
        _labels_on_line(d, s, rest)
    eo = F.eo_line(ln.text)
    if eo and d.set("eo", eo, ln.start, ln.end):
        if eo.order == "12065" and (cm := _EO_CLASSIFIER.search(ln.text)):
            # E.O. 12065 lines name the classifier in brackets: 'GDS 11/15/85 (VEST, GEORGE S.) OR-M'.
            d.set("eo_classifier", cm[1], ln.start + cm.start(1), ln.start + cm.end(1))
        return
    d.defect("bad-eo-line", f"E.O. line not readable: {ln.text.strip()!r}", ln.start, ln.end)


# The classifier's name in an E.O. 12065 line: surname, comma, given names, in brackets.
_EO_CLASSIFIER = re.compile(r"\(([A-Z][A-Za-z'\-]+(?:\s[A-Z][A-Za-z'\-]+)?,\s*[A-Z][A-Za-z.'\- ]*?)\s*\)")


# A TAGS, SUBJECT or classified-by label further on in a header line, after a blank.
_NEXT_LABEL = re.compile(r"\s+(?=(?:TAGS?|SUBJ(?:ECT)?)\s*:|Classifi?e?d\s+By\b)", re.I)


def _split_at_label(ln: CLine, m: re.Match) -> tuple[CLine, CLine | None]:
    """A header line cut where the next label printed on it begins: the part its own label
    (matched by ``m``) heads, and the labelled rest (None where no other label stands on it)."""
    label = _NEXT_LABEL.search(ln.text, m.end())
    if label is None:
        return ln, None
    return (CLine(ln.index, ln.start, ln.start + label.start(), ln.text[: label.start()]),
            CLine(ln.index, ln.start + label.end(), ln.end, ln.text[label.end():]))


def _labels_on_line(d: Draft, s: Scan, ln: CLine) -> None:
    """Read ``ln``, which opens with a header label, as the header lines it runs together: each
    piece up to the next label is handled by its rule, as the line it would stand on."""
    while ln.text:
        nxt = _NEXT_LABEL.search(ln.text, 1)
        cut = nxt.start() if nxt else len(ln.text)
        piece = CLine(ln.index, ln.start, ln.start + cut, ln.text[:cut])
        if rule := _match_rule(piece.text, s):
            name, m, handler = rule
            handler(d, s, piece, m)
            if name == "subject":
                s.seen_subject = True
        if nxt is None:
            return
        ln = CLine(ln.index, ln.start + nxt.end(), ln.end, ln.text[nxt.end():])


# The level of a classification line as written ('SECRET', 'C O N F I D E N T I A L', 'UNCLAS'): a
# handful of spellings, each read once (the grammar costs microseconds a call; it is pure and its
# answer a string, so nothing of one document reaches another through the memo).
_level = lru_cache(maxsize=256)(F.classification)


def _class_line(d: Draft, s: Scan, ln: CLine, m: re.Match) -> None:
    close_block(d, s)
    level = _level(m["level"])
    if level is None:
        return
    rest = m["rest"] or ""
    d.set("classification", level, ln.start + m.start("level"), ln.start + m.end("level"))
    if m["efto"]:
        d.add("captions_found", ("EFTO", ln.start, ln.end))
    if sec := SECTION.search(rest):
        d.set("section", Section(int(sec["n"]), int(sec["of"])), ln.start + m.start("rest") + sec.start(),
              ln.start + m.start("rest") + sec.end())
        rest_after = rest[sec.end():]
        offset = m.start("rest") + sec.end()
    else:
        rest_after, offset = rest, m.start("rest")
    if mt := MRN_TAIL.search(rest_after[-80:].upper()):
        station = " ".join(mt["station"].split())
        # (A CIA cable's classification line may run on into its CITE line, 'SECRET 0714502 JUN 68
        # CITE STOCKHOLM 9024': station and serial are then the CITE reader's, CITE no part of a name.)
        # (Nor is a month a station: 'SECRET 0220472 DEC 93', an agency's DTG with its Z read as 2,
        # ends in the DTG's month and year, which the agency reader takes as the DTG.)
        if station not in ("SECTION", "PAGE", "OF") and not station.startswith("CITE ") and station not in F.MONTHS:
            tail_start = len(rest_after) - len(rest_after[-80:])
            raw = rest_after[tail_start + mt.start(): tail_start + mt.end()]
            d.set("mrn", " ".join(raw.split()), ln.start + offset + tail_start + mt.start(),
                  ln.start + offset + tail_start + mt.end())
            d.set("mrn_station", station)
            d.set("mrn_serial", int(mt["serial"]))
    # 'SECRET 080853Z APR 76 STAFF': other agencies put the DTG on the classification line.
    if "dtg" not in d.values and (got := F.dtg(rest)):
        written, when, dm = got
        off = ln.start + m.start("rest")
        d.set("dtg", written, off + dm.start(), off + dm.end())
        d.set("dtg_when", when)
    s.seen_class_line = True


def _mrn_line(d: Draft, s: Scan, ln: CLine, m: re.Match) -> None:
    """A bare message number line of a known station (``TEHRAN 0668``, ``STATE 163147``)."""
    close_block(d, s)
    station = " ".join(m["station"].split())
    if station in tables.stations() and "mrn" not in d.values:
        raw = ln.text[m.start("station"): m.end("serial")]
        d.set("mrn", " ".join(raw.split()), ln.start + m.start("station"), ln.start + m.end("serial"))
        d.set("mrn_station", station)
        d.set("mrn_serial", int(m["serial"]))


# Patterns of the scanner's own tests, compiled once (the re module's cache lookup costs a call each).
_TAGS_BREAK = re.compile(r"[,\s]+")
_REF_END = re.compile(r"^\s*(?:Classified|Summary|BEGIN SUMMARY)", re.I)
_DEEP_INDENT = re.compile(r"^\s{8,}\S")
_ACTINFO_BREAK = re.compile(r"[\s,;.]+")


def _drafted(d: Draft, s: Scan, ln: CLine, m: re.Match) -> None:
    close_block(d, s)
    s.drafter_read = True
    rest = ln.text[m.end():].strip()
    off = _officer(rest)
    if off:
        date = F.written_date(rest)
        if date:
            off = officer_with(off, date=date[0])
        d.set("drafted_by", off, ln.start + m.end(), ln.end)


def _approved(d: Draft, s: Scan, ln: CLine, m: re.Match) -> None:
    close_block(d, s)
    off = _officer(ln.text[m.end():].strip())
    if off:
        d.set("approved_by", off, ln.start + m.end(), ln.end)


def _cleared(d: Draft, s: Scan, ln: CLine, m: re.Match) -> None:
    close_block(d, s)
    for part in re.split(r"[;]", ln.text[m.end():]):
        off = _officer(part.strip())
        if off:
            d.add("cleared_found", off)
    s.block = "CLEARED"


def _officer(text: str) -> Officer | None:
    text = re.sub(r"\s+--\s+.*$", "", text).strip()
    if not text:
        return None
    off = F.office_name(text.split()[0] if ":" in text.split()[0] else text)
    if off:
        return officer_with(off, raw=text)
    return Officer(name=text, raw=text)


def _page_one(d: Draft, s: Scan, ln: CLine, m: re.Match) -> None:
    d.set("era_hint", "aad-1970s")
    station = " ".join(m["station"].split())
    d.set("page_station", station)
    d.set("page_serial", int(m["serial"]), ln.start + m.start("station"), ln.start + m.end("serial"))
    if m["sec"]:
        d.set("page_section", Section(int(m["sec"]), int(m["of"])))


def _distribution(d: Draft, s: Scan, ln: CLine, m: re.Match) -> None:
    close_block(d, s)
    d.set("era_hint", "aad-1970s")
    s.block = "DISTRIBUTION"


def _skip(d: Draft, s: Scan, ln: CLine, m: re.Match) -> None:
    close_block(d, s)


def _extract_dateline(d: Draft, s: Scan, ln: CLine, m: re.Match) -> None:
    """The dateline a published extract of a cable opens with ('Friday, 27 August 2004, 08:08'):
    the cable's date, where the extract kept no DTG."""
    close_block(d, s)
    if got := F.written_date(m["date"]):
        d.set("extract_date", got[0], ln.start + m.start("date"), ln.start + m.end("date"))


def _post_distribution(d: Draft, s: Scan, ln: CLine, m: re.Match) -> None:
    """A post's message-centre line (``CXABU:``, in copies printed from a post's inbox): the lines
    under it (``ACTION: POL``, ``INFO: AMB DCM``, then ``DISSEMINATION:`` and ``CHARGE:``) route
    the copy to the post's own sections. They are not the telegram's addressees or clearers."""
    close_block(d, s)
    s.post_distribution = True


# A line of a post's own distribution (see ``_post_distribution``), asked only after its CX line.
_POST_DISTRIBUTION_LINE = re.compile(r"^\s*(?:ACTION|INFO|DISSEMINATION|CHARGE)\s*:")


LINE_RULES: tuple[tuple[str, re.Pattern, LineRule], ...] = (
    ("envelope", _rx(r"^\s*VZCZC\w*"), _envelope),
    ("post-distribution", re.compile(r"^\s*CX[A-Z]{2,6}\s*:\s*$"), _post_distribution),
    ("fl2", _rx(r"^\s*(ZZ|OO|PP|RR)\s+(?:R[A-Z]{3,7}\b\s*)+$"), _fl2),
    ("de", _rx(r"^\s*DE\s+(?P<ri>R[A-Z]{3,7})\s+#\s?(?P<serial>\d{1,5})(?:/(?P<section>\d{2}))?\s+(?P<jul>\d{7})"), _de),
    ("zny", _rx(r"^\s*ZN[YR]\s+(?P<letter>[A-Z])(?P=letter){3,4}\b"), _zny),
    ("routing-continuation", re.compile(r"^\s*(?:R[A-Z]{4,7}\s*){1,12}$"), _skip),
    ("relay-counter", _rx(r"^\s*-{5,}\s*[0-9A-F]{5,6}\s+(?:\d{6}Z\s*)?(?:/\d+)?\s*$"), _skip),
    ("page-one", re.compile(r"^\s*PAGE\s+01\s+(?P<station>[A-Z][A-Z .]+?)\s+(?P<serial>\d{3,6})\s+(?:(?P<sec>\d{2})\s+OF\s+(?P<of>\d{2})\s+)?\d{6}Z"), _page_one),
    ("action-information", re.compile(r"^\s*ACTION\s+(?P<rest>(?!INFORMATION)[A-Z][A-Z ]*?\s+"
                                      r"(?:(?:NIACT|PRIORITY|IMMEDIATE|ROUTINE|FLASH)\s+)?\d{1,5}\b.*)$"), action_information),
    ("department-number", re.compile(r"^\s*(?:OUTGOING\s+TELEGRAM\s+)?Department\s+of\s+State\s+0*(?P<serial>\d{3,6})\s*$", re.I),
     department_number),
    # (An outgoing telegram's action line: 'ACTION: Amembassy ABIDJAN', 'ACTION: USMission GENEVA', or
    # a post of up to four words as the list goes on: 'ACTION: ADDIS ABABA', 'ACTION: USUN New York'.)
    ("outgoing-action", re.compile(r"^\s*ACTION\s*:?\s+(?=(?:Am|US)[A-Za-z]+\b|(?:[A-Z]{3,}|[A-Z]{2,}(?=\s))(?:\s+[A-Z][A-Za-z]*){0,3}\s*(?:$|IMMEDIATE|PRIORITY|NIACT|ROUTINE|,))"),
     _open("TO")),
    ("distribution-action", re.compile(r"^\s*ACTION\s+[A-Z][A-Z/]*-\d{2}\b"), _distribution),
    ("distribution-info", re.compile(r"^\s*INFO\s+(?:[A-Z][A-Z/]*-\d{2}\s*)+"), _distribution),
    ("smart-mrn", _rx(r"^\s*MRN\s*:\s*"), smart("MRN")),
    # ('Date/DIG', 'Date!DTG': OCR reads the T of DTG as an I, the slash as a stroke.)
    ("smart-date", _rx(r"^\s*Date\s*[/!|]\s*D\s?[TI]\s?G\s*:\s*"), smart("DATE")),
    ("smart-from", re.compile(r"^\s*From\s*:\s*(?=[A-Z]{2,}\s+[A-Z])"), smart("FROM")),
    ("smart-action", re.compile(r"^\s*Action\s*:\s*"), smart("ACTION")),
    ("smart-info", re.compile(r"^\s*Info\s*:\s*"), smart("INFO")),
    ("smart-eo", re.compile(r"^\s*E\.O\.\s*:\s*(?=\d)"), smart("EO")),
    ("smart-captions", _rx(r"^\s*Captions\s*:\s*"), smart("CAPTIONS")),
    ("smart-pass", _rx(r"^\s*Pass\s+Line\s*:\s*"), smart("PASS")),
    ("smart-reference", _rx(r"^\s*Reference\s*:\s*"), _open("REF")),
    ("dtg", DTG_LINE, _dtg),
    ("fm", _rx(r"^\s*(?:FM|FROM)\b\s*:?\s*"), _open("FM")),
    ("to", _rx(r"^\s*TO\b\s*:?\s*"), _open("TO")),
    ("info", _rx(r"^\s*INFO\b\s*:?\s*"), _open("INFO")),
    ("xmt", _rx(r"^\s*XMT\b\s*:?\s*"), _open("XMT")),
    ("class-line", CLASS_LINE, _class_line),
    ("mrn-line", re.compile(r"^\s*(?P<station>[A-Z][A-Z .]{1,22}?)\s+0*(?P<serial>\d{2,6})\s*$"), _mrn_line),
    ("eo", _rx(r"^\s*E\s?\.?\s?O\s?\.?\s*[:.]?\s*\d{4,5}\b"), _eo),
    ("tags", _rx(r"^\s*(?:TAGS?|TAGE|TABS|TGS|TAS|AGS)\s*:?\s+(?=\S)"), _open("TAGS")),
    # (Without its colon, SUBJ before REF is a word of the text: 'SUBJ REF HAD …', the subject of the
    # cable referred to, as CIA cables open a paragraph.)
    ("subject", _rx(r"^\s*SUBJ(?:ECT)?S?\s*[:.]\s*(?:SUBJ(?:ECT)?\s*:\s*)?|^\s*SUBJ(?:ECT)?\s+(?=[A-Z])(?!(?:OF\s+)?REFS?\b)"),
     _open("SUBJECT")),
    ("ref", _rx(r"^\s*(?:REF(?:S|TELS?|\(S\))?|REFERENCES?)\s*[:.;]\s*"), _ref),
    ("classified-by", _rx(r"^\s*(?:\d\.\s*\([A-Z]{1,3}\)\s*)?Classifi?e?d\s+By\b"), _open("CLASSBY")),
    ("derived-from", _rx(r"^\s*Derived\s+from\s*:"), _open("CLASSBY")),
    ("drafted", _rx(r"^\s*DRAFTED(?:\s+BY)?\s*:?\s*"), _drafted),
    ("approved", _rx(r"^\s*APPROVED(?:\s+BY)?\s*:?\s*(?=\S)"), _approved),
    ("cleared", _rx(r"^\s*(?:CLEARED(?:\s+BY)?|CLEARANCES?)\s*:?\s*"), _cleared),
    ("worksheet-address", PREC_POST, worksheet_address),
    ("department", re.compile(r"^\s*DEPARTMENT\s+OF\s+STATE\s*$"), department),
    ("office-line", re.compile(r"^\s*[A-Z][A-Z0-9]*(?:[/\-][A-Z0-9]+)*\s*:\s*(?:[A-Z][A-Z'\-.]*)?(?:\s*:\s*[A-Z]{1,4})?\s*(?:\((?:SUBS|INFO|DRAFT)\))?\s*$"), office_line),
    ("number-line", _rx(r"^\s*NO\s*[:.]\s*(?P<serial>\d{1,6})\s*,\s*(?P<md>[A-Z][a-z]+\.?\s+\d{1,2})\b"), number_line),
    ("received", _rx(r"^\s*Rec'?d\s*:\s*(?P<date>[A-Z][a-z]+\.?\s+\d{1,2},\s*\d{4})"), received),
    ("bt", re.compile(r"^\s*BT\s*$"), _skip),
    ("dateline", re.compile(r"^\s*(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),\s+(?P<date>\d{1,2}\s+[A-Z][a-z]+\s+\d{4}),\s+\d{1,2}:\d{2}\s*$"), _extract_dateline),
)

# The longest real headers (collective address lists) run to a few hundred lines.
MAX_HEADER_LINES = 600
_MARGIN = re.compile(r"^\s*" + MARGIN_CODE)

_DRAFT_DATE = re.compile(r"^\s*(?P<date>\d{1,2}/\d{1,2}/\d{2,4})\b(?P<rest>.*)$")


def scan_header(d: Draft, lines: list[CLine], start: int = 0) -> int:
    """Read header lines from ``start``; return the index of the first body line."""
    s = Scan()
    last_header: int | None = None
    # (Asked once: only the incoming-form reader, which runs before the scanner, sets it.)
    incoming_form = d.get("incoming_form")
    i = start
    n = len(lines)
    limit = min(n, start + MAX_HEADER_LINES)
    while i < limit:
        ln = lines[i]
        text = ln.text
        stripped = text.lstrip()
        if not stripped:
            if s.block is None and not s.block_parts and s.pending_drafter is None:
                # Nothing open (most blank lines): no list to go on, nothing for close_block to
                # finish (its own first test), so the two calls below would do nothing.
                i += 1
                continue
            if _list_open(s):
                # A list broken by blank lines (a page break whose banners were removed, OCR's
                # double spacing, lettered REF items set apart) goes on where its next line takes
                # it up.
                j = i + 1
                while j < limit and not lines[j].text.strip():
                    j += 1
                if j < limit and _resumes(s, lines[j].text) and _continues(s, lines[j].text):
                    i = j
                    continue
            close_block(d, s)
            i += 1
            continue
        if s.block == "DRAFT_DATE":
            m = _DRAFT_DATE.match(text)
            if m:
                if s.pending_drafter:
                    confirm_drafter(d, s)
                draft_date(d, s, ln, m)
                i += 1
                continue
            close_block(d, s)
        pm = None
        if _may_open_paragraph(stripped[0]):
            pm = PARA_START.match(text) or _number_alone(lines, i, limit)
        if s.pending_label is not None:
            name, handler = s.pending_label
            s.pending_label = None
            if not pm and not _LABEL_ALONE.match(text):
                handler(d, s, ln, _AT_START)  # the value of the label above, read as if it followed it
                last_header = i
                s.seen_subject = s.seen_subject or name == "subject"
                i += 1
                continue
        if stripped[-1] == ":" and (alone := _LABEL_ALONE.match(text)) and (
                (key := _label_key(alone["label"])) not in _ANY_FORM_LABELS or d.get("era_hint") == "smart-2010s"):
            close_block(d, s)
            s.pending_label = _ALONE_RULES[key]
            last_header = i
            i += 1
            continue
        if s.seen_subject and s.block is None and (pm or not LABEL.match(text)):
            # After the subject come REF and classified-by lines, then the text: an upper-case
            # line with FOR in it there is a sentence of the text, not an attention line.
            return i
        if incoming_form and (mc := _MARGIN.match(text)):
            ln = CLine(ln.index, ln.start + mc.end(), ln.end, text[mc.end():])
            text = ln.text
            pm = PARA_START.match(text)  # (the line without its margin code asked again)
        if pm and (s.seen_subject or d.get("tags") or d.get("eo")
                   or ((last_header is not None or d.get("kind") == "cia-cable")
                       and int(pm["n"] or pm["n2"] or pm["n3"]) == 1)):
            # Paragraph 1 after any header element begins the text, SUBJECT or not
            # (other agencies' cables and many OCR'd copies have none). In a CIA cable it does so
            # with no header element read before it: the agency reader has read the routing form
            # above, and OCR garbled its CITE line ('CHIZ GUME 93A'); read past, the text's lines
            # are taken for header lines ('FROM HOME 15 MARCH …' for a FROM line).
            close_block(d, s)
            return i
        # A routed address in an open address list (most lines of a long one) is settled by its
        # shape alone: ``_match_rule`` would find no rule for it (a routed address without a colon,
        # asked of the same first 400 characters), and ``_continues`` is given the match.
        routed = _ROUTED_ADDRESS.match(text, 0, 400) if s.block in _ADDRESS_BLOCKS and ":" not in text else None
        # Header elements are short lines; reading at most the first 400 characters keeps a
        # pathological line (a megabyte of capitals) from costing more than its length.
        rule = None if routed else _match_rule(text[:400], s)
        if rule:
            name, m, handler = rule
            last_header = i
            handler(d, s, ln, m)
            if name == "subject":
                s.seen_subject = True
            i += 1
            continue
        if s.block:
            if _continues(s, text, routed):
                s.block_parts.append((ln.start, ln.end, text))
                last_header = i  # a header element's continuation is header too
                i += 1
                continue
            close_block(d, s)
        if caption_or_attention(d, s, ln):
            i += 1
            continue
        if s.seen_subject or (d.get("eo") and d.get("tags")):
            return i
        if last_header is not None and i - last_header > 6 and _is_prose(text):
            # Running text long after the last header element: the header has ended.
            return last_header + 1
        i += 1
    close_block(d, s)
    if last_header is not None and not s.seen_subject:
        return last_header + 1
    return i


# A form's label alone on its line, the value on the next line that is not blank (forms whose text
# was taken from a PDF's table: 'MRN:' / '10 KINSHASA 956'), and the rule that reads each label.
_LABEL_ALONE = re.compile(r"^\s*(?P<label>MRN|Date\s*[/!|]\s*D\s?[TI]\s?G|From|Action|Info|E\.\s?O\.|TAGS|Captions|Reference|"
                          r"Pass\s+Line|Subject)\s*:\s*$", re.I)
_ALONE_RULE_NAMES = {"MRN": "smart-mrn", "DATE/DTG": "smart-date", "FROM": "smart-from", "ACTION": "smart-action",
                     "INFO": "smart-info", "E.O.": "smart-eo", "TAGS": "tags", "CAPTIONS": "smart-captions",
                     "REFERENCE": "smart-reference", "PASS LINE": "smart-pass", "SUBJECT": "subject"}
_ALONE_RULES = {label: (name, next(h for n, _, h in LINE_RULES if n == name)) for label, name in _ALONE_RULE_NAMES.items()}
# Labels other forms use too ('FROM:' in a CIA routing box): read as a SMART label alone only in a
# SMART form (its MRN or Date/DTG line already read).
_ANY_FORM_LABELS = frozenset({"FROM", "ACTION", "INFO"})
_AT_START = re.compile("").match("")  # a match that ends where the value's line begins


def _label_key(label: str) -> str:
    """``_ALONE_RULE_NAMES``'s key for a label as written ('Date / DTG' -> 'DATE/DTG', 'E. O.' -> 'E.O.')."""
    key = " ".join(label.upper().replace(" /", "/").replace("/ ", "/").replace(". ", ".").split())
    return "DATE/DTG" if key.startswith("DATE/") else key


_FIRST = {
    "envelope": "V", "post-distribution": "C", "fl2": "ZOPR", "de": "D", "zny": "Z", "routing-continuation": "R", "relay-counter": "-",
    "page-one": "P", "action-information": "A", "department-number": "DO", "outgoing-action": "A", "distribution-action": "A", "distribution-info": "I",
    "smart-mrn": "M", "smart-date": "D", "smart-from": "F", "smart-action": "A", "smart-info": "I", "smart-eo": "E",
    "smart-captions": "C", "smart-pass": "P", "smart-reference": "R", "dtg": None, "fm": "F", "to": "T", "info": "I",
    "xmt": "X", "class-line": "TSCLU", "mrn-line": None, "eo": "E", "tags": "TA", "subject": "S", "ref": "R",
    "classified-by": "C0123456789", "derived-from": "D", "drafted": "D", "approved": "A", "cleared": "C",
    "worksheet-address": "FNIPR", "department": "D", "office-line": None, "number-line": "N", "received": "R",
    "bt": "B", "dateline": "MTWFS",
}
# What every match of these rules' patterns holds, tested in C before the regex runs: they are
# tried on nearly every header line, whatever its first letter, and match few.
_NEEDS = {
    "dtg": lambda text: "Z" in text or "z" in text,  # the time group ends with Z (re.I folds nothing else into it)
    "office-line": lambda text: ":" in text,
    "mrn-line": lambda text: text.rstrip()[-1:].isdigit(),  # the serial ends the line (isdigit takes every \d)
}
_GATED = tuple(_NEEDS)


def _gates_held(text: str) -> tuple[bool, ...]:
    """Which of the ``_NEEDS`` tests ``text`` passes, in the order of ``_GATED``: asked once a line,
    written out (three tests in C where the gates as functions cost six Python calls)."""
    return "Z" in text or "z" in text, ":" in text, text.rstrip()[-1:].isdigit()


# (Memoised: a pure function of the first character and three flags.)
@lru_cache(maxsize=1024)
def _rules_for(first: str, held: tuple[bool, ...]) -> list:
    """(name, match function, handler) of the rules a line opening with ``first`` may meet, given
    which gates it passes: a rule whose gate the line fails cannot match it and is left out."""
    passed = dict(zip(_GATED, held))
    return [(name, pattern.match, handler) for name, pattern, handler in LINE_RULES
            if (_FIRST[name] is None or first in _FIRST[name]) and passed.get(name, True)]


def _matcher(name: str, pattern: re.Pattern):
    """A rule's match function behind its gate (what ``_rules_for`` with ``_gates_held`` amounts to)."""
    match, needs = pattern.match, _NEEDS.get(name)
    if needs is None:
        return match
    return lambda text: match(text) if needs(text) else None


# An address line of a collective list ('RUEHLM/AMEMBASSY COLOMBO 6415'): routing indicator and
# slash. With no colon on the line no rule can take it (the rules for lines opening with R need a
# colon (office-line, received, smart-reference), a blank before the first slash (fl2, mrn-line,
# worksheet-address), a full stop, colon or semicolon after their word (ref), no slash at all
# (routing-continuation), or a time group (dtg: a blank within the first four characters, or a
# digit, O, I or l first)), so the nine patterns are not tried. Checked against the rules
# themselves in tests/test_shortcuts_head.py.
_ROUTED_ADDRESS = re.compile(r"\s*(R[A-Z]{3,7})/")
# The routing indicators that LABEL takes for a label ('REFS/…'): of its words only the REF forms
# open with R, and a routing indicator of four to eight letters is one of them only as these.
_LABEL_ROUTINGS = frozenset({"REFS", "REFTEL", "REFTELS"})


def _dispatch_table() -> dict[str, tuple[tuple, ...]]:
    """``_rules_for`` of every ASCII character a line may open with (as written: an ASCII character
    upper-cases to one ASCII character), for each combination of gates, indexed by the number whose
    bit k says whether the line passes the gate of ``_GATED[k]``. Characters that the rules' first
    letters treat alike share their lists."""
    combos = [tuple(bool(mask >> k & 1) for k in range(len(_GATED))) for mask in range(1 << len(_GATED))]
    shared: dict[tuple[bool, ...], tuple[tuple, ...]] = {}
    table = {}
    for written in map(chr, range(128)):
        first = written.upper()
        allowed = tuple(_FIRST[name] is None or first in _FIRST[name] for name, _, _ in LINE_RULES)
        if allowed not in shared:
            shared[allowed] = tuple(tuple(_rules_for.__wrapped__(first, held)) for held in combos)
        table[written] = shared[allowed]
    return table


# The rules a line may meet, looked up by its first character as written and its gates as a
# number: a table of the code's own rules, built once at import, where ``_rules_for`` is a memo
# (emptied with the others before each benchmark pass, it was rebuilt ~90 times a pass of the
# born-digital cables and ~270 of the OCR'd releases, ~13 us each) asked with a tuple key a line.
_DISPATCH = _dispatch_table()
# The letters the rules' first characters name, and the rules of a line opening with any other
# character (those open to every first character, as for '~', which is none of them).
_FIRST_LETTERS = frozenset("".join(letters for letters in _FIRST.values() if letters))
_ANY_FIRST = {held: tuple(_rules_for.__wrapped__("~", held)) for held in itertools.product((False, True), repeat=len(_GATED))}


def _rules_outside_ascii(written: str, text: str) -> Sequence:
    """``_rules_for`` a line ``text`` opening with ``written``, a character outside ASCII: most
    (the bullets, quotes and Cyrillic of OCR'd pages) upper-case to one character none of the rules
    names, and meet the rules open to every first character; the few others ('ſ' for S, 'ß' for
    SS) are asked of ``_rules_for``."""
    first = written.upper()
    if len(first) == 1 and first not in _FIRST_LETTERS:
        return _ANY_FIRST[_gates_held(text)]
    return _rules_for(first, _gates_held(text))


def _match_rule(text: str, s: Scan):
    stripped = text.lstrip()
    if not stripped:
        return None
    if s.post_distribution and (m := _POST_DISTRIBUTION_LINE.match(text)):
        return "post-distribution-line", m, _skip
    written = stripped[0]
    # (``_ROUTED_ADDRESS`` takes only a capital R first: what asking the upper case for R let through.)
    if written == "R" and ":" not in text and _ROUTED_ADDRESS.match(text):
        return None
    by_gates = _DISPATCH.get(written)
    if by_gates is None:
        rules = _rules_outside_ascii(written, text)
    else:
        # ``_gates_held``'s three tests, in its order, as bits 1, 2 and 4.
        rules = by_gates[("Z" in text or "z" in text) + 2 * (":" in text) + 4 * text.rstrip()[-1:].isdigit()]
    for name, match, handler in rules:
        m = match(text)
        if not m:
            continue
        if name == "class-line" and not _is_class_line(m):
            continue
        if name == "mrn-line" and (s.block in ("REF", "SUBJECT", "TO", "INFO", "XMT")
                                   or " ".join(m["station"].split()) not in tables.stations()):
            continue  # a REF item or an address on its own line, not the message number
        if name == "routing-continuation" and (s.seen_subject or s.block is not None or not s.in_envelope):
            continue  # routing indicators continue the envelope's FL2 line, nowhere else
        if name in ("fm", "to", "info", "xmt", "mrn-line", "worksheet-address", "office-line") and (
                s.seen_subject or s.block in ("SUBJECT", "REF", "CLASSBY", "PASS")):
            continue  # a wrapped subject or REF line that begins 'TO …' is not an address
        return name, m, handler
    return None


_CLASS_LINE_REST = re.compile(r"[A-Z0-9 ,/]{0,40}")  # captions and office codes after the level


def _is_class_line(m: re.Match) -> bool:
    """A classification line holds the level plus at most section/MRN/captions, not running text."""
    rest = (m["rest"] or "").strip()
    if not rest:
        return True
    if len(rest) > 120:
        return False
    if SECTION.search(rest) or MRN_TAIL.search(rest.upper()):
        return len(rest) < 60
    return bool(_CLASS_LINE_REST.fullmatch(rest))


_ADDRESS_BLOCKS = ("TO", "INFO", "XMT", "FM")


def _continues(s: Scan, text: str, routed: re.Match | None = None) -> bool:
    """Whether the open block goes on with ``text``; ``routed`` is ``_ROUTED_ADDRESS``'s match of
    it when the scanner has it at hand (the same match: see ``scan_header``)."""
    t = text.strip()
    if s.block == "SUBJECT":
        # A wrapped subject may begin with any word ('TO KOSOVO, MAY 21'); only the header's own
        # later labels end it.
        return not PARA_START.match(text) and not _AFTER_SUBJECT.match(text)
    if s.block in _ADDRESS_BLOCKS and (routed := routed or _ROUTED_ADDRESS.match(text)):
        # A routed address ('RUEHLM/AMEMBASSY COLOMBO 6415', most lines of a long address list):
        # no classification level opens with R, and no time group with a routing indicator (see
        # _ROUTED_ADDRESS), so of the tests below only the label and the address shape can fail.
        return routed[1] not in _LABEL_ROUTINGS and bool(ADDRESS_LINE.match(t)) and len(t) < 90
    if LABEL.match(text) and s.block not in ("PASS",):
        return False
    if s.block in ("TO", "INFO", "XMT", "FM"):
        return bool(ADDRESS_LINE.match(t)) and not CLASS_LINE.match(t) and not DTG_LINE.match(t) and len(t) < 90
    if s.block == "TAGS":
        words = _TAGS_BREAK.split(t.upper())
        known = tables.tags()
        return all(w in known or not w for w in words) and len(t) < 60
    if s.block == "DISTRIBUTION":
        return all(DISTRIBUTION_ITEM.match(w) or re.fullmatch(r"/\d{3}\s?[RW]?", w) for w in t.split())
    if s.block == "SUBJECT":
        return not PARA_START.match(text)
    if s.block == "REF":
        return not PARA_START.match(text) and not _REF_END.match(text)
    if s.block == "CLASSBY":
        return not PARA_START.match(text) and len(t) < 100
    if s.block == "PASS":
        return bool(_DEEP_INDENT.match(text)) or (t.isupper() and not LABEL.match(text))
    if s.block == "CLEARED":
        return bool(F.office_name(t))
    if s.block == "ACTINFO":
        # Wrapped until the statement ends with a full stop.
        # Wrapped lines go on with an addressee or a precedence ('USUN 371.', 'NIACT 58 LONDON …').
        first = _ACTINFO_BREAK.split(t.upper(), maxsplit=1)[0]
        return not s.block_parts[-1][2].rstrip().endswith(".") and bool(ACTINFO_LINE.match(t)) and len(t) < 90 \
            and (first in PRECEDENCE_WORDS or first in ("DEPARTMENT", "INFORMATION") or first in tables.stations())
    return False
