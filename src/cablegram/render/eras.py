"""A record back to the telegram text of its era (``shared/spec/telegram-format.md`` §1.2–1.4).

``render(record, style)`` writes what the record says in the layout of one era:

- ``aad-1970s``: the teletype record copy — page banner, ``PAGE 01 STATION SERIAL … DDHHMMZ``
  header, distribution block, relay counter, precedence + DTG, FM/TO/INFO, the letter-spaced
  classification + MRN line, captions, E.O. 11652/12065 line, TAGS, SUBJECT, REF, ``1. C - ENTIRE
  TEXT.``, signature; lines of about 65 characters; banner and ``PAGE 0n`` header on every page.
- ``dept-worksheet-1990s``: the Department clearance worksheet of the 1996 sample — boxes,
  drafter and clearers, ``IMMEDIATE MOSCOW`` address lines, captions, E.O., TAGS, SUBJECT,
  ``1. SECRET -- ENTIRE TEXT.``; banners and a bare page number on every page.
- ``acp127-2000s``: the Cablegate envelope — ``VZCZC``, FL2 prosign and routing indicators, ``DE``
  line with Julian time, ``ZNY CCCCC``, DTG, ``RI/PLAD`` addressees with sequence numbers, the
  letter-spaced classification line with ``SECTION nn OF nn`` and the 6-digit MRN, Classified-By
  paragraph, portion-marked paragraphs at 55 characters, continuation header on every page, NNNN.
- ``smart-2010s``: the SMART form — labelled header (``MRN:``, ``Date/DTG:``, ``Action:`` …),
  portion-marked text, ``Signature:`` trailer, classification banners and ``Page n of m``.

The renderer writes only what the record holds: a field that is None or empty is left out (an
address without a sequence number is written without one). It raises only on misuse (an unknown
style); any record the parser can produce renders.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta

from ..model import EO, Addressee, Classifier, Officer, Paragraph, Reference, Telegram
from ..vocab import tables
from ..vocab.markings import LEVEL_PORTION, PRECEDENCE_RANK
from .layout import letter_spaced, paginate, wrap

STYLES: tuple[str, ...] = ("aad-1970s", "dept-worksheet-1990s", "acp127-2000s", "smart-2010s")
_MONTHS = ("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC")
_MRN = re.compile(r"(?:\d{2}\s+)?(.+?)\s+0*(\d{1,6})")
_ID = re.compile(r"\d{4}([A-Z]+)(\d{6})")
_DTG = re.compile(r"(\d{2})(\d{2})(\d{2})Z ([A-Z]{3}) (\d{2,4})")
_PROSIGN = {"FLASH": "Z", "NIACT IMMEDIATE": "O", "IMMEDIATE": "O", "PRIORITY": "P", "ROUTINE": "R"}


def render(record: Telegram, style: str | None = None) -> str:
    """The telegram text of ``record`` in ``style`` (default: the record's own era)."""
    style = style or record.era
    if style not in _RENDERERS:
        raise ValueError(f"unknown style {style!r}; choose one of {', '.join(STYLES)}")
    return "\n".join(_RENDERERS[style](record)) + "\n"


# -- shared pieces -----------------------------------------------------------------------------
def _mrn_parts(r: Telegram) -> tuple[str | None, int | None]:
    """(station, serial) from the record's MRN, else from its id."""
    if r.mrn and (m := _MRN.fullmatch(r.mrn.strip())):
        return m[1], int(m[2])
    if r.id and (m := _ID.fullmatch(r.id)):
        return m[1], int(m[2])
    return None, None


def _when(r: Telegram) -> datetime | None:
    """The DTG as a datetime (UTC), from ``dtg`` and the year of ``date``."""
    if r.dtg and (m := _DTG.match(r.dtg)):
        year = int(m[5]) if len(m[5]) == 4 else (1900 + int(m[5]) if int(m[5]) > 40 else 2000 + int(m[5]))
        try:
            return datetime(year, _MONTHS.index(m[4]) + 1, int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            return None
    if r.date:
        return datetime.fromisoformat(r.date[:10]).replace(hour=12)
    return None


def _ddhhmm(t: datetime) -> str:
    return f"{t.day:02d}{t.hour:02d}{t.minute:02d}Z"


def dtg_text(t: datetime) -> str:
    """DTG = DDHHMMZ MON YY (``131503Z MAR 08``)."""
    return f"{_ddhhmm(t)} {_MONTHS[t.month - 1]} {t.year % 100:02d}"


def _banner(level: str | None) -> str:
    if level in (None, "SENSITIVE BUT UNCLASSIFIED"):
        return "UNCLASSIFIED"
    return level


def _class_word(level: str | None, spaced: bool) -> str:
    """The word of the classification line: letter-spaced for national-security levels."""
    if level in (None, "UNCLASSIFIED", "SENSITIVE BUT UNCLASSIFIED"):
        return "UNCLAS"
    if level == "LIMITED OFFICIAL USE" or not spaced:
        return level
    return letter_spaced(level)


def _action_precedence(r: Telegram) -> str:
    ranked = [a.precedence for a in r.to if a.precedence in PRECEDENCE_RANK]
    if ranked:
        return max(ranked, key=PRECEDENCE_RANK.__getitem__)
    return r.precedence if r.precedence in PRECEDENCE_RANK else "ROUTINE"


def _dtg_line(r: Telegram, t: datetime) -> str:
    action = _PROSIGN[_action_precedence(r)]
    letters = action
    if r.info and action != "R":
        info = [a.precedence for a in r.info if a.precedence in PRECEDENCE_RANK]
        letters += " " + (_PROSIGN[max(info, key=PRECEDENCE_RANK.__getitem__)] if info else "R")
    return f"{letters} {dtg_text(t)}"


def _address(a: Addressee, routed: bool, seq_width: int = 4) -> str:
    parts = []
    name = a.canonical or a.name  # a draft's bare post ('MONTEVIDEO') is addressed in full on the wire
    if routed and a.routing:
        name = f"{a.routing}/{name}"
    parts.append(name)
    if a.precedence:
        parts.append(a.precedence)
    if a.sequence is not None:
        parts.append(f"{a.sequence:0{seq_width}d}")
    return " ".join(parts)


def _address_block(label: str, items: tuple[Addressee, ...], routed: bool) -> list[str]:
    out = []
    for k, a in enumerate(items):
        out.append((f"{label} " if k == 0 else "") + _address(a, routed))
    return out


def eo_text(eo: EO | None) -> str | None:
    """The E.O. line as written, or built from its parts (``E.O. 12958: DECL: 04/11/2016``)."""
    if eo is None:
        return None
    if eo.raw:
        return eo.raw
    if eo.declassify_on:
        y, m, d = eo.declassify_on.split("-")
        return f"E.O. {eo.order}: DECL: {m}/{d}/{y}"
    return f"E.O. {eo.order}: {eo.event or 'N/A'}"


def ref_item(ref: Reference, width: int = 0) -> str:
    """``[YY ]STATION SERIAL[ (NOTAL)]``; ``width`` pads the serial with zeros."""
    year = f"{ref.year % 100:02d} " if ref.year_stated and ref.year else ""
    notal = " (NOTAL)" if ref.notal else ""
    return f"{year}{ref.station} {ref.serial:0{width}d}{notal}"


def _ref_text(refs: tuple[Reference, ...], sep: str, paren: bool = False) -> str:
    if len(refs) == 1 and refs[0].letter is None:
        return ref_item(refs[0])
    return sep.join(f"{r.letter or chr(65 + k)}{')' if paren else '.'} {ref_item(r)}" for k, r in enumerate(refs))


def _classifier_text(c: Classifier) -> str:
    return c.raw or f"Classified By: {c.name}, {c.title}. Reason: {', '.join(c.reasons)}"


def _whole_text(paras: tuple[Paragraph, ...]) -> bool:
    """Whole-text marking: only paragraph 1 is marked (the 1970s–90s habit)."""
    return bool(paras) and paras[0].number == 1 and paras[0].portion is not None and \
        all(p.portion is None for p in paras[1:])


def _whole_word(portion: str, spelled: bool) -> str:
    level = {"U": "UNCLASSIFIED", "C": "CONFIDENTIAL", "S": "SECRET", "TS": "TOP SECRET",
             "LOU": "LIMITED OFFICIAL USE", "SBU": "SBU"}.get(portion.split("/")[0], portion)
    if spelled or portion in ("TS", "LOU", "SBU"):
        return level
    return portion


def _paragraphs(paras: tuple[Paragraph, ...], width: int, whole: str | None, tight: bool = False) -> list[str]:
    """Numbered, portion-marked paragraphs wrapped at ``width``, a blank line between them.

    ``whole`` is ``"letter"`` or ``"word"`` for the whole-text marking of old copies
    (``1. C - ENTIRE TEXT.``, ``1. SECRET -- ENTIRE TEXT.``); ``tight`` writes ``1.(C)`` as SMART does.
    """
    use_whole = whole is not None and _whole_text(paras)
    out: list[str] = []
    for k, p in enumerate(paras):
        head = ""
        if p.number is not None:
            head = f"{p.number}."
        if use_whole and k == 0:
            dash = " - " if whole == "letter" else " -- "
            mark = f"{_whole_word(p.portion, whole == 'word')}{dash}ENTIRE TEXT."
            head = f"{head} {mark}"
        elif p.portion:
            head = f"{head}{'' if tight and head else ' ' if head else ''}({p.portion})"
        blocks = p.text.split("\n") if p.text else [""]
        first = True
        for block in blocks:
            text = f"{head} {block}".strip() if first else block
            first = False
            out.extend(wrap(text, width) or [head])
        out.append("")
    return out


def _station_routing(plad: str | None) -> str:
    station = tables.station_by_plad().get(plad or "")
    return station.routing if station and station.routing else "RUEHC"


# -- aad-1970s ----------------------------------------------------------------------------------
def _aad(r: Telegram) -> list[str]:
    t = _when(r) or datetime(1975, 1, 1, 12)
    station, serial = _mrn_parts(r)
    banner = _banner(r.classification)
    page_time = _ddhhmm(t + timedelta(minutes=25 + (serial or 0) % 90))
    sec = f"{r.section.n:02d} OF {r.section.of:02d}  " if r.section else ""

    def page_header(n: int) -> str:
        return f"PAGE {n:02d}        {station or 'STATE'}  {(serial or 0):05d}  {sec}{page_time}"

    head: list[str] = []
    incoming = r.from_ != "SECSTATE WASHDC"
    offices = ("EUR", "NEA", "EA", "AF", "ARA", "IO", "EB")
    office = offices[(serial or 0) % len(offices)]
    counts = [(office, 10 + (serial or 0) % 15), ("OCT", 1), ("ISO", 0), ("SS", 15), ("INR", 7)]
    head.append(f"{'ACTION' if incoming else 'ORIGIN'} {office}-{counts[0][1]:02d}")
    total = sum(c for _, c in counts)
    head.append("INFO  " + " ".join(f"{o}-{c:02d}" for o, c in counts[1:]) + f" /{total:03d} {'W' if incoming else 'R'}")
    counter = t + timedelta(minutes=(serial or 0) % 50 + 5)
    head.append(f"------------------{(serial or 0) * 7 % 1000000:06d} {_ddhhmm(counter)} /{38 + (serial or 0) % 40}")
    head.append(_dtg_line(r, t))
    if r.from_:
        head.append(f"FM {r.from_}")
    head += _address_block("TO", r.to, routed=False)
    head += _address_block("INFO", r.info, routed=False)
    for x in r.excluded:
        head.append(f"XMT {x}")
    section = f"SECTION {r.section.n} OF {r.section.of} " if r.section else ""
    mrn = f"{station} {serial:04d}" if station and serial is not None else ""
    head.append(f"{_class_word(r.classification, spaced=True)} {section}{mrn}".rstrip())
    head += list(r.captions) + list(r.attention)
    if (eo := eo_text(r.eo)):
        head.append(eo)
    if r.tags:
        head += wrap("TAGS: " + ", ".join(r.tags), 65)
    if r.subject:
        head += wrap("SUBJECT: " + r.subject, 65)
    if r.references:
        head += wrap("REF: " + _ref_text(r.references, ", "), 65)
    body = _paragraphs(r.paragraphs, 65, whole="letter")
    if r.signature:
        body.append(r.signature)
    lines = head + [""] + body
    return paginate(lines, 50, top=lambda n, _: [banner, page_header(n)], bottom=lambda n, _: ["", banner, ""],
                    first_top=[banner, page_header(1)])


# -- dept-worksheet-1990s ------------------------------------------------------------------------
def _officer_line(o: Officer) -> str:
    text = f"{o.office}:{o.name}" if o.office else o.name
    if o.typist:
        text += f":{o.typist}"
    if o.qualifier:
        text += f" ({o.qualifier})"
    return text


def _worksheet(r: Telegram) -> list[str]:
    banner = _banner(r.classification)
    marks = [banner] + (["SBU"] if r.classification == "SENSITIVE BUT UNCLASSIFIED" else [])
    clear = len(r.cleared_by) or 1
    boxes = ["APPR _____ DRAFT _____"]
    row = [f"{k} _____" for k in range(1, max(clear, 2) + 1)]
    boxes.append("CLEAR " + " ".join(row[:2]))
    for k in range(2, len(row), 3):
        boxes.append(" ".join(row[k:k + 3]))
    head = ["DEPARTMENT OF STATE", ""] + boxes + [""] + marks + [""]
    if r.drafted_by:
        head.append(_officer_line(r.drafted_by))
        if r.drafted_by.date:
            y, m, d = r.drafted_by.date.split("-")
            head.append(f"{m}/{d}/{y[2:]}" + (f" {r.drafted_by.phone}" if r.drafted_by.phone else ""))
    if r.approved_by:
        head.append(f"APPROVED BY {_officer_line(r.approved_by)}")
    head += [_officer_line(o) for o in r.cleared_by]
    head.append("")
    for a in r.to:
        head += [f"{a.precedence or 'ROUTINE'} {a.name}", ""]
    if r.captions or r.attention:
        head += list(r.captions) + list(r.attention) + [""]
    if (eo := eo_text(r.eo)):
        head += [eo, ""]
    if r.tags:
        head += ["TAGS: " + ", ".join(r.tags), ""]
    if r.subject:
        head += wrap("SUBJECT: " + r.subject, 72) + [""]
    if r.references:
        head += wrap("REF: " + _ref_text(r.references, " "), 72) + [""]
    body = _paragraphs(r.paragraphs, 72, whole="word")
    if r.signature:
        body += [r.signature, ""]
    lines = head + body
    return paginate(lines, 55, top=lambda n, _: marks + [""], bottom=lambda n, _: [""] + marks + ["", str(n), ""],
                    first_top=[""])


# -- acp127-2000s --------------------------------------------------------------------------------
def _julian(t: datetime) -> str:
    return f"{t.timetuple().tm_yday:03d}{t.hour:02d}{t.minute:02d}"


_WARNING = {"TOP SECRET": "ZNY TTTTT", "SECRET": "ZNY SSSSS", "CONFIDENTIAL": "ZNY CCCCC"}


def _acp127(r: Telegram) -> list[str]:
    t = _when(r) or datetime(2008, 1, 1, 12)
    station, serial = _mrn_parts(r)
    serial = serial or 0
    own_ri = _station_routing(r.from_)
    head = [f"VZCZCXRO{(serial * 37 + t.minute) % 10000:04d}"]
    prosign = _PROSIGN[_action_precedence(r)] * 2
    ris = [a.routing for a in r.to if a.routing][:4] or ["RUEHC"]
    head.append(f"{prosign} {' '.join(ris)}")
    section = f"/{r.section.n:02d}" if r.section else ""
    head.append(f"DE {own_ri} #{serial % 10000:04d}{section} {_julian(t)}")
    head.append(f"{_WARNING.get(r.classification, 'ZNR UUUUU')} ZZH")
    head.append(_dtg_line(r, t))
    if r.from_:
        head.append(f"FM {r.from_}")
    head += _address_block("TO", r.to, routed=True)
    head += _address_block("INFO", r.info, routed=True)
    for x in r.excluded:
        head.append(f"XMT {x}")
    sec = f"SECTION {r.section.n:02d} OF {r.section.of:02d} " if r.section else ""
    mrn = f"{station} {serial:06d}" if station else ""
    head += [f"{_class_word(r.classification, spaced=True)} {sec}{mrn}".rstrip(), ""]
    for c in list(r.captions) + list(r.attention):
        head += [c, ""]
    if (eo := eo_text(r.eo)):
        head.append(eo)
    if r.tags:
        head += wrap("TAGS: " + " ".join(r.tags), 55)
    if r.subject:
        head += wrap("SUBJECT: " + _subject_mark(r) + r.subject, 55)
    if r.references:
        head += [""] + wrap("REF: " + _ref_text(r.references, " "), 55)
    head.append("")
    if r.classified_by:
        head += wrap(_classifier_text(r.classified_by), 55) + [""]
    body = _paragraphs(r.paragraphs, 55, whole=None)
    if r.signature:
        body.append(r.signature)
    body.append("NNNN")
    lines = head + body

    def cont(n: int, pages: int) -> list[str]:
        return [f"{station or 'STATE'} {serial:08d} {n:03d} OF {pages:03d}", ""]

    return paginate(lines, 60, top=cont, bottom=lambda n, _: [], first_top=[])


def _subject_mark(r: Telegram) -> str:
    """The subject's portion mark: the overall level's, when the text is portion-marked."""
    if not any(p.portion for p in r.paragraphs) or _whole_text(r.paragraphs):
        return ""
    level = r.classification or "UNCLASSIFIED"
    mark = LEVEL_PORTION.get(level, "U")
    return f"({mark}) "


# -- smart-2010s ---------------------------------------------------------------------------------
_LABEL_WIDTH = 30


def _field(label: str, value: str) -> str:
    return f"{label + ':':<{_LABEL_WIDTH}}{value}"


_SMART_DEPARTMENT = re.compile(r"(SECSTATE|SECDEF) (.+)")
_SMART_POST = re.compile(r"(AMEMBASSY|AMCONSUL|USMISSION) (.+)")


def _smart_address(a: Addressee) -> str:
    """SMART writes ``WASHDC, SECSTATE ROUTINE`` and ``MONROVIA, AMEMBASSY ROUTINE``."""
    name = a.canonical or a.name
    if m := _SMART_DEPARTMENT.fullmatch(name):
        name = f"{m[2]}, {m[1]}"
    elif m := _SMART_POST.fullmatch(name):
        name = f"{m[2]}, {m[1]}"
    return f"{name} {a.precedence or 'ROUTINE'}"


def _smart(r: Telegram) -> list[str]:
    t = _when(r) or datetime(2012, 1, 1, 12)
    station, serial = _mrn_parts(r)
    marks = [_banner(r.classification)] + (["SBU"] if r.classification == "SENSITIVE BUT UNCLASSIFIED" else [])
    head: list[str] = []
    if r.mrn:
        head.append(_field("MRN", r.mrn))
    elif station:
        head.append(_field("MRN", f"{t.year % 100:02d} {station} {serial}"))
    head.append(_field("Date/DTG", f"{t.strftime('%b')} {t.day:02d}, {t.year} / {dtg_text(t)}"))
    if r.from_:
        head.append(_field("From", r.from_))
    if r.to:
        head.append(_field("Action", "; ".join(_smart_address(a) for a in r.to)))
    if r.info:
        head.append(_field("Info", "; ".join(_smart_address(a) for a in r.info)))
    if r.eo and r.eo.order:
        head.append(_field("E.O.", r.eo.order))
    if r.tags:
        head.append(_field("TAGS", ", ".join(r.tags)))
    if r.captions:
        head.append(_field("Captions", ", ".join(r.captions)))
    for k, ref in enumerate(r.references):
        item = f"{ref.letter or chr(65 + k)}) {ref_item(ref)}"
        head.append(_field("Reference", item) if k == 0 else " " * _LABEL_WIDTH + item)
    for k, att in enumerate(r.attention):
        head.append(_field("Pass Line", att) if k == 0 else " " * _LABEL_WIDTH + att)
    if r.subject:
        head.append(_field("Subject", _subject_mark(r) + r.subject))
    head += ["", ""]
    if r.classified_by:
        head += wrap(_classifier_text(r.classified_by), 55) + [""]
    body = _paragraphs(r.paragraphs, 55, whole=None, tight=True)
    if r.signature:
        body += [r.signature, "", "", _field("Signature", r.signature)]
    lines = head + body

    def top(n: int, pages: int) -> list[str]:
        return marks + [""]

    def bottom(n: int, pages: int) -> list[str]:
        return ["", ""] + marks + [f"Page {n} of {pages}", ""]

    return paginate(lines, 55, top=top, bottom=bottom)


_RENDERERS = {
    "aad-1970s": _aad,
    "dept-worksheet-1990s": _worksheet,
    "acp127-2000s": _acp127,
    "smart-2010s": _smart,
}
