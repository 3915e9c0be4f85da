"""Document forms that wrap or replace the cable header: FRUS, the JFK identification form,
email wrappers, and other agencies' records (CIA cables, FBI teletypes, NSA intercepts).

Each reader recognises its form and fills the draft with what that form states; the general
header scanner then reads whatever cable the document holds.
"""

from __future__ import annotations

import re

from ..model import Officer
from ..vocab import tables
from ..vocab.markings import AGENCY_CONTROLS, CAPTION_SET
from . import fields as F
from .cia import closest
from .draft import CLine, Draft

# -- FRUS ------------------------------------------------------------------------------------------
FRUS_HEAD = re.compile(
    r"^\s*\d+\.\s+(?P<kind>Telegram|Airgram|Backchannel\s+Message|Message)\s*(?P<number>[\w/ ]*?)\s+"
    r"From\s+(?:the\s+)?(?P<from>.+?)\s+to\s+(?:the\s+)?(?P<to>.+?)\s*$",
    re.I,
)
FRUS_DATELINE = re.compile(
    r"^\s*(?:(?P<place>[A-Z][A-Za-z .'\-]+?),\s+)?(?P<date>[A-Z][a-z]+\.?\s+\d{1,2},\s+\d{4})(?:,\s+(?P<time>\d{3,4})Z)?\.?\s*$"
)
_MARKING_WORDS = {
    "TOP SECRET", "SECRET", "CONFIDENTIAL", "LIMITED OFFICIAL USE", "UNCLASSIFIED", "FLASH", "NIACT IMMEDIATE",
    "NIACT", "IMMEDIATE", "PRIORITY", "ROUTINE", "OPERATIONAL IMMEDIATE",
}


def is_frus(lines: list[CLine]) -> bool:
    head = [ln.text for ln in lines[:6] if ln.text.strip()]
    return bool(head and FRUS_HEAD.match(head[0])) and any(t.lstrip().startswith("Source:") for t in head[1:4])


def read_frus(d: Draft, lines: list[CLine]) -> int:
    """Heading, source note markings and drafting, dateline. Returns the index of the text's first line."""
    d.set("era_hint", "frus-edited")
    i = 0
    while i < len(lines) and not lines[i].text.strip():
        i += 1
    head = lines[i]
    m = FRUS_HEAD.match(head.text)
    if m:
        kind = m["kind"].lower()
        if kind == "airgram":
            d.set("kind", "airgram")
        number = m["number"].strip()
        if number:
            d.set("frus_number", number, head.start + m.start("number"), head.start + m.end("number"))
        d.set("frus_from", m["from"], head.start + m.start("from"), head.start + m.end("from"))
        to = m["to"]
        # Some volumes print the date in the heading: '… to the Department of State, February 24, 1970, 140Z'
        if dm := re.search(r",\s+(?P<date>[A-Z][a-z]+\.?\s+\d{1,2},\s+\d{4})(?:,\s+(?P<time>\d{3,4})Z)?\.?\s*$", to):
            got = F.written_date(dm["date"])
            if got:
                d.set("dateline_date", got[0], head.start + m.start("to") + dm.start("date"),
                      head.start + m.start("to") + dm.end("date"))
            to = to[: dm.start()]
        d.set("frus_to", to, head.start + m.start("to"), head.start + m.start("to") + len(to))
    i += 1
    body_start = i
    for k in range(i, min(i + 8, len(lines))):
        ln = lines[k]
        if ln.text.lstrip().startswith("Source:"):
            _source_note(d, ln)
            body_start = k + 1
        elif dm := FRUS_DATELINE.match(ln.text):
            _dateline(d, ln, dm)
            body_start = k + 1
            break
    _frus_addresses(d)
    return body_start


def _source_note(d: Draft, ln: CLine) -> None:
    text = ln.text
    # The markings sentence: 'Secret; Immediate; Nodis.' — every item a marking word or caption.
    pos = 0
    for sentence in re.split(r"(?<=\.)\s+", text):
        where = text.find(sentence, pos)
        pos = where + len(sentence)
        body = sentence.strip().rstrip(".")
        items = [x.strip() for x in body.split(";")]
        upper = [x.upper() for x in items]
        if not body or not re.fullmatch(r"[A-Za-z/ \-]+", body.replace(";", "")):
            continue
        if not (F.classification(upper[0]) or len(items) > 1 and any(
                u in _MARKING_WORDS or u.split("/")[0] in CAPTION_SET for u in upper)):
            continue
        _markings(d, items, upper, ln.start + where, sentence)
        break
    # Drafting: 'Drafted by X; cleared by Y and Z; and approved by W.' Names carry initials
    # ('Joseph V. Montville'), so a full stop ends a phrase only before a new sentence.
    dm = re.search(r"Drafted\s+(?:in\s+[A-Z][\w/]*(?:\s+[A-Z][\w/]*)?\s+)?(?:by\s+)?(?P<who>.+?)" + _PHRASE_END, text)
    if dm:
        d.set("drafted_by", _frus_officer(dm["who"]), ln.start + dm.start("who"), ln.start + dm.end("who"))
    am = re.search(r"approved\s+(?:in\s+[A-Z][\w/]*\s+(?=by\b))?(?:by\s+|in\s+)?(?P<who>.+?)" + _PHRASE_END, text)
    if am:
        d.set("approved_by", _frus_officer(am["who"]), ln.start + am.start("who"), ln.start + am.end("who"))
    cm = re.search(r"cleared\s+(?:in\s+draft\s+)?(?:by\s+|in\s+)?(?P<who>.+?)" + _PHRASE_END, text)
    if cm:
        for who in re.split(r",\s*(?:and\s+)?(?![^()]*\))|\s+and\s+(?![^()]*\))", cm["who"]):
            off = _frus_officer(who)
            if off.name or off.office:
                d.add("cleared_found", off)
    # 'Repeated to London, Stockholm, and USEC.' -> info; 'Also sent for action to X.' / 'Sent to X' -> action.
    for rm in re.finditer(r"(?:^|(?<=\.\s)|(?<=;\s))(?P<verb>Repeated|Also\s+sent\s+for\s+action|Also\s+sent|Sent)\s+(?:(?:Priority|Immediate|Niact|Flash|Routine)\s+)?"
                          r"to\s+(?P<to>.+?)(?=,?\s+and\s+repeated|\.\s|\.$|;)", text, re.I):
        key = "frus_info" if rm["verb"].lower().startswith("repeated") else "frus_also_to"
        for part in re.split(r",\s*(?:and\s+)?|\s+and\s+(?:to\s+)?", rm["to"]):
            part = re.sub(r"^to\s+", "", part.strip(), flags=re.I)
            part = re.sub(r"\s+(?:for\s+.*|by\s+pouch|priority|immediate|niact)$", "", part, flags=re.I)
            if part and len(part) < 60 and not re.search(r"\b(?:repeated|which|with|was|were)\b", part, re.I):
                d.add(key, frus_post_city(part))


def _markings(d: Draft, items: list[str], upper: list[str], base: int, sentence: str) -> None:
    pos = 0
    for item, u in zip(items, upper):
        where = sentence.find(item, pos)
        pos = where + len(item)
        s0, s1 = base + where, base + where + len(item)
        level = F.classification(u)
        if level:
            d.set("classification", level, s0, s1)
        elif u in ("FLASH", "NIACT IMMEDIATE", "NIACT", "IMMEDIATE", "PRIORITY", "ROUTINE"):
            prec = F.precedence_word(u)
            if prec and (not d.get("frus_precedence") or
                         F.highest_precedence([prec, d.get("frus_precedence")]) == prec):
                d.set("frus_precedence", prec, s0, s1, replace=True)
        else:
            for part in u.split("/"):
                part = part.strip()
                if part in CAPTION_SET:
                    d.add("captions_found", (part, s0, s1))


_PHRASE_END = (r"(?=\s+on\s+[A-Z][a-z]+\s+\d|;|,\s+cleared|,?\s+and\s+approved|,?\s+and\s+sent"
               r"|(?<!\b[A-Z])\.\s+[A-Z][a-z]{2,}|\.\s+[A-Z]\s+[a-z]|\.?\s*$)")


def _frus_officer(text: str) -> Officer:
    """'Deputy Assistant Secretary L. Bruce Laingen (EUR)' -> name 'L. Bruce Laingen', office 'EUR'."""
    raw = " ".join(text.split()).strip(" ,;.")
    text = raw
    office = None
    if m := re.search(r"\(([^)]*)\)\s*$", text):
        office, text = m[1].strip(), text[: m.start()].strip()
    text = re.sub(r"^(?:and\s+)?(?:by\s+)?", "", text)
    if " " in text and not re.search(r",|\band\b", text):  # several names stay as printed
        name, _title = F._name_and_title(text)
        text = name or text
    return Officer(name=text, office=office, raw=raw)


def _dateline(d: Draft, ln: CLine, m: re.Match) -> None:
    got = F.written_date(m["date"])
    if got:
        d.set("dateline_date", got[0], ln.start + m.start("date"), ln.start + m.end("date"))
    if m["place"]:
        d.set("dateline_place", m["place"].strip())
    if m["time"]:
        d.set("dateline_time", m["time"])


def _frus_addresses(d: Draft) -> None:
    """FRUS names posts by country ('Embassy in Italy'); a telegram names them by city."""
    place = (d.get("dateline_place") or "").upper()
    frm = d.get("frus_from")
    if frm:
        d.set("frus_from_plad", frus_post(frm, place))
    to = d.get("frus_to")
    if to:
        parts = re.split(r"\s+and\s+(?=(?:the\s+)?(?:Embassy|Consulate|Mission|Department|Delegation|Interests)\b)", to)
        d.set("frus_to_plad", [frus_post(part, None) for part in parts])


def frus_post_city(name: str) -> str:
    """A post named by its city in a source note ('London', 'USEC', 'The Hague') -> its address."""
    if re.match(r"(?:the\s+)?(?:Department|Embassy|Consulate|Mission|Interests)\b", name, re.I):
        return frus_post(name, None)
    key = " ".join(name.split()).upper()
    station = tables.stations().get(key)
    if station and station.plad:
        return station.plad
    if re.fullmatch(r"[A-Z][a-z]+(?:\s+[A-Z][a-z]+)*", name.strip()):
        return f"AMEMBASSY {key}"
    return key


def frus_post(phrase: str, place: str | None) -> str:
    """``Department of State`` -> SECSTATE WASHDC; ``Embassy in Italy`` (+ Rome) -> AMEMBASSY ROME."""
    p = " ".join(phrase.split()).strip(" .")
    low = p.lower()
    if low in ("department of state", "the department of state", "department"):
        return "SECSTATE WASHDC"
    if m := re.match(r"(?:the\s+)?(embassy|consulate(?:\s+general)?|mission|interests section)\s+(?:in|at|to)\s+(?:the\s+)?(.+)$", p, re.I):
        what, where = m[1].lower(), m[2].strip()
        if what.startswith("consulate"):
            return f"AMCONSUL {where.upper()}"
        if what == "mission" and re.search(r"united nations|\bUN\b", where, re.I):
            return "USMISSION USUN NEW YORK"
        if what == "mission":
            if place:
                return f"USMISSION {place}"
            return f"USMISSION {where.upper()}"
        station = tables.embassy_by_country().get(where.lower().removeprefix("the ").strip())
        if place and place not in ("WASHINGTON",) and (station is None or station.station != place):
            # The sender's own dateline names its city (e.g. an embassy working from a second city).
            return f"AMEMBASSY {place}"
        if station:
            return station.plad or f"AMEMBASSY {station.station}"
        return f"AMEMBASSY {where.upper()}"
    return p.upper()


_OPENER_NUMBER = re.compile(
    r"^\s*(?:(?P<series>Secto|Tosec|Vipto|Topol|Tohak|Hakto|Secdel|Delsec)\s+)?(?P<num>\d{1,6})(?:/(?P<alt>\d{1,6}))?\.\s+")
_OPENER_LABEL = re.compile(r"\b(?P<label>Subject|Subj|Refs?|Reference|Reftel)\s*:\s*")
_SENTENCE_END = re.compile(r"(?<!\bU\.S)(?<!\bMr)(?<!\bMrs)(?<!\bSt)(?<!\b[A-Z])\.(?=\s+(?:[A-Z0-9(\"“]|$))|\.$")


def read_frus_opening(d: Draft, lines: list[CLine], start: int) -> tuple[int, CLine | None]:
    """The first line of a FRUS-edited text: ``1803. Pass Treasury for … Subject: … Ref: State 123.``

    Returns the index of the first body line and, when the opening line goes on with the text
    (``513. 1. This morning …``), that remainder as a line of its own.
    """
    k = start
    while k < len(lines) and not lines[k].text.strip():
        k += 1
    if k >= len(lines):
        return k, None
    ln = lines[k]
    text = ln.text
    pos = 0
    m = _OPENER_NUMBER.match(text)
    if m and not re.match(r"\s*\d{1,2}\.\s+\S", text[: m.end()] if int(m["num"]) > 60 else "x"):
        number = f"{m['series'] + ' ' if m['series'] else ''}{m['num']}"
        d.set("frus_body_number", number, ln.start + m.start("num"), ln.start + m.end("num"))
        pos = m.end()
    elif not _OPENER_LABEL.search(text[:300]):
        # No number, no label: a short attention line alone ('To the Ambassador.') still opens the text.
        if len(text.strip()) < 120 and _ATTENTION.match(text.strip()):
            d.add("attention_found", (" ".join(text.split()).rstrip("."), ln.start, ln.end))
            return k + 1, None
        return k, None
    labels = list(_OPENER_LABEL.finditer(text, pos))
    first_label = labels[0].start() if labels else len(text)
    # Sentences between the number and the first label are passing and attention lines by position
    # ('Pass Treasury for Secretary Kennedy.', 'For the Secretary from Rush.').
    for sent in _sentences(text[pos:first_label]):
        if len(sent) < 200:
            _attention(d, ln, text, sent, pos)
    end = first_label if labels else pos
    for j, lm in enumerate(labels):
        value_start = lm.end()
        limit = labels[j + 1].start() if j + 1 < len(labels) else len(text)
        chunk = text[value_start:limit]
        subject = lm["label"].lower().startswith("subj")
        stop = _value_end(chunk, last=subject or j + 1 == len(labels))
        value = chunk[:stop].strip().rstrip(".")
        if subject:
            d.set("subject", " ".join(value.split()), ln.start + value_start, ln.start + value_start + len(chunk[:stop].rstrip(" .")))
        else:
            d.set("ref_text", value, ln.start + value_start, ln.start + value_start + stop)
        end = value_start + stop
        # After a value, attention sentences ('From: Treasury Under Secretary Volcker.') may follow.
        for sent in _sentences(text[end:limit]):
            if not _ATTENTION.match(sent):
                break
            _attention(d, ln, text, sent, end)
            end = text.find(sent, end) + len(sent)
    rest = text[end:].lstrip(" .")
    if rest.strip():
        off = len(text) - len(rest)
        return k + 1, CLine(ln.index, ln.start + off, ln.end, rest)
    return k + 1, None


_ATTENTION = re.compile(r"^(?:For|Pass|Eyes\s+only|Exclusively|Deliver|Literally\s+eyes|Personal|Please\s+pass|From:|"
                        r"To\s+the\b|Dept\s+pass|[A-Z][A-Za-z]+\s+for\s+[A-Z])", re.I)


def _attention(d: Draft, ln: CLine, text: str, sent: str, pos: int) -> None:
    where = text.find(sent, pos)
    d.add("attention_found", (" ".join(sent.split()).rstrip("."), ln.start + where, ln.start + where + len(sent)))


def _sentences(text: str) -> list[str]:
    out, pos = [], 0
    for m in _SENTENCE_END.finditer(text):
        out.append(text[pos: m.end()].strip())
        pos = m.end()
    if text[pos:].strip():
        out.append(text[pos:].strip())
    return [s for s in out if s]


def _value_end(chunk: str, last: bool) -> int:
    """Where a Subject/Ref value ends: before the next label, else at the first sentence end."""
    if not last:
        return len(chunk)
    m = _SENTENCE_END.search(chunk)
    return m.end() if m else len(chunk)


# -- 1960s incoming telegrams -------------------------------------------------------------------
_NO_VALUE = re.compile(r"^\s*(?P<serial>\d{1,6})\s*,\s*(?P<md>[A-Z][a-z]+\.?\s+\d{1,2})\b")
_RECD_VALUE = re.compile(r"(?P<date>[A-Z][a-zA-Z]+\.?\s+\d{1,2},\s*\d{4})")


def read_incoming_form(d: Draft, lines: list[CLine], start: int) -> None:
    """The Department's incoming-telegram form of the 1960s, as OCR scatters it: the values of
    ``NO:`` (serial, date without year) and ``Rec'd:`` (date received) may stand lines below
    their labels."""
    window = lines[start: start + 80]
    for k, ln in enumerate(window):
        label = re.match(r"^\s*(NO|Rec'?[’']?d)\s*[:.]?\s*(?P<rest>.*)$", ln.text)
        if not label:
            continue
        is_no = label[1] == "NO"
        pattern = _NO_VALUE if is_no else _RECD_VALUE
        for cand in [CLine(ln.index, ln.start + label.start("rest"), ln.end, label["rest"])] + window[k + 1: k + 5]:
            m = pattern.search(cand.text) if not is_no else pattern.match(cand.text)
            if not m:
                continue
            if is_no:
                d.set("number_serial", int(m["serial"]), cand.start + m.start("serial"), cand.start + m.end("serial"))
                d.set("number_month_day", m["md"], cand.start + m.start("md"), cand.start + m.end("md"))
            elif got := F.written_date(m["date"]):
                d.set("received_date", got[0], cand.start + m.start("date"), cand.start + m.end("date"))
            break


# -- JFK identification form ------------------------------------------------------------------------
JFK_FORM = re.compile(r"IDENTIFICATION\s+FORM|JFK\s+ASSASSINATION\s+SYSTEM", re.I)
_FORM_FIELD = re.compile(r"^\s*(?P<label>AGENCY\s+FILE\s+NUMBER|AGENCY\s+ORIGINATOR|AGENCY|RECORD\s+NUMBER|ORIGINATOR|FROM|TO|"
                         r"DATE(?=\s*[:•.]|\s*$)|CLASSIFICATION|CURRENT\s+STATUS|TITLE|DOCUMENT\s+TYPE)\s*[:•.]*\s*(?P<value>.*)$", re.I)


def read_jfk_form(d: Draft, lines: list[CLine]) -> int:
    """The JFK identification form (first page of each record): release-layer facts and fallbacks.

    The form describes the record; its FROM/TO/DATE are read only after 'DOCUMENT INFORMATION'
    (the date at the top is the form's own printing date). Returns the index after the form.
    """
    head = "\n".join(ln.text for ln in lines[:150])
    if "IDENTIFICATION" not in head and "ASSASSINATION" not in head:
        return 0
    start = next((k for k, ln in enumerate(lines[:150]) if JFK_FORM.search(ln.text)), None)
    if start is None:
        return 0
    stop = min(len(lines), start + 120)
    in_document = False
    end = start
    k = start
    while k < stop:
        t = lines[k].text
        if re.search(r"DOCUMENT\s+INFORMATION", t, re.I):
            in_document = True
        if re.search(r"ITEM\s+IS\s+RESTRICTED|^\s*---\s*$|^\s*##\s+Page\s+2", t, re.I):
            end = k + 1
            break
        if re.match(r"^\s*COMMENTS\b", t, re.I):
            # The comment runs to the next blank line; the record's own pages follow.
            j = k + 1
            while j < len(lines) and lines[j].text.strip() and not re.search(r"ITEM\s+IS\s+RESTRICTED", lines[j].text, re.I):
                j += 1
            if j < len(lines) and re.search(r"ITEM\s+IS\s+RESTRICTED", lines[j].text, re.I):
                j += 1
            end = j
            break
        m = _FORM_FIELD.match(t)
        if m:
            label = " ".join(m["label"].upper().split())
            value = m["value"].strip(" :•.")
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
        end = k + 1
        k += 1
    d.set("jfk_form", True)
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


# -- email wrappers -------------------------------------------------------------------------------
EMAIL_HEADER = re.compile(r"^\s*(?:From|Sent|To|Cc|Subject|Attachments|rom)\s*[:;]", re.I)
CABLE_START = re.compile(
    r"^\s*(?:MRN\s*:|VZCZC|FM\s+[A-Z]|(?:[ZOPR]\s+){1,2}\d{6}Z\s+[A-Z]{3}\s+\d{2}|"
    r"(?:S\s?E\s?C\s?R\s?E\s?T|C\s?O\s?N\s?F\s?I\s?D\s?E\s?N\s?T\s?I\s?A\s?L|UNCLAS)\s+(?:SECTION\s+\d+\s+OF\s+\d+\s+)?[A-Z ]+\s\d{3,6}\s*$)"
)


def is_email(lines: list[CLine]) -> bool:
    heads = [ln for ln in lines[:40] if EMAIL_HEADER.match(ln.text)]
    return len(heads) >= 3


def cable_start(lines: list[CLine]) -> int | None:
    """Index of the first line of a cable held inside a wrapper, or None."""
    for k, ln in enumerate(lines):
        if CABLE_START.match(ln.text):
            return k
    return None


# -- other agencies -----------------------------------------------------------------------------------
CIA_CITE = re.compile(r"\bCITE\s+(?P<station>[A-Z]{3,12})\s+(?P<serial>\d{2,6})\b")
# The CITE line as OCR and outgoing forms leave it: 'CITE(MONT 8397)', and headquarters' 'CITE DIR'
# whose number stands apart (only a known station is taken without its number).
_CITE_LOOSE = re.compile(r"\bCITE\s*[(“\"‘']?\s*(?P<station>[A-Z]{3,12})(?:\s+(?P<serial>\d{2,6}))?\b")
CIA_MARKERS = re.compile(r"CLASSIFIED\s+MESSAGE|\bCITE\s+[A-Z]{3,}|\bDIRECTOR\b|ROUTING", re.I)
FBI_MARKERS = re.compile(r"\bFBI\b|FEDERAL\s+BUREAU|TELETYPE|\bSAC\b|\bNITEL\b|AIRTEL", re.I)
NSA_MARKERS = re.compile(r"\bAGENCY\s*:\s*NSA\b|ORIGINATOR\s*:\s*NSA\b|\bMsg\s+N[ro]\b|\bFR\s+[A-Z][a-z]+:", re.I)
_AGENCY_PREC = re.compile(r"\b(FLASH|OPERATIONAL\s+IMMEDIATE|IMMEDIATE|PRIORITY|ROUTINE|DEFERRED|URGENT|NIACT)\b")


# The JFK collection's record numbers begin with the agency that holds the record.
_RECORD_AGENCY = {"104": "CIA", "124": "FBI", "144": "NSA"}
_STATE_HEADER = re.compile(r"^\s*(?:VZCZC|MRN\s*:|FM\s+(?:AMEMBASSY|AMCONSUL|SECSTATE|USMISSION|USDEL|USLO|USINT)\b|"
                           r"(?:S\s?E\s?C\s?R\s?E\s?T|C\s?O\s?N\s?F\s?I\s?D\s?E\s?N\s?T\s?I\s?A\s?L|UNCLAS)\s+SECTION\b)", re.M)


def agency_kind(d: Draft, text: str) -> str | None:
    """``cia-cable``, ``fbi-teletype``, ``nsa-intercept`` or None (a State record)."""
    originator = (d.get("form_originator") or "").upper() or _RECORD_AGENCY.get((d.get("record_number") or "")[:3], "")
    head = text[:6000]
    if not originator and "CITE" not in text and "FBI" not in head and "NSA" not in head \
            and "TELETYPE" not in head.upper():
        return None  # none of the other agencies' markers: a State record
    if not originator and _STATE_HEADER.search(head):
        return None  # a State cable that mentions the FBI or quotes a CITE is still a State cable
    if originator.startswith("NSA") or NSA_MARKERS.search(head) and "NSA" in head:
        return "nsa-intercept"
    if originator.startswith("FBI") or (originator == "" and len(FBI_MARKERS.findall(head)) >= 2):
        return "fbi-teletype"
    if originator.startswith("CIA") or CIA_CITE.search(text) or (originator == "" and len(CIA_MARKERS.findall(head)) >= 2 and "CITE" in text):
        return "cia-cable"
    if originator and originator not in ("STATE", "DOS", "DEPARTMENT OF STATE"):
        return "other"
    return None


# '19 FEB 62' (also after a speck: '_19 FEB 62', or with one after the day: '24) OCTOBER 1961'),
# '17 DEC 63' with the time run on ('17 DEc 631882675').
_LOOSE_DATE = re.compile(
    r"(?i)(?<![A-Za-z0-9])(?P<d>\d{1,2})[).]?\s+(?P<m>JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)[A-Z]*\.?\s+(?P<y>19\d{2}|\d{2})(?:\b|(?=\d{4}))"
    r"|\b(?P<m2>JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)[A-Z]*\s+(?P<d2>\d{1,2})\s+\d{3,5}Z?\s+(?P<y2>\d{2})\b")


_MARKING_WORD = re.compile(r"\b(TOP\s+SECRET|SECRET|CONFIDENTIAL|S-E-C-R-E-T|C-O-N-F-I-D-E-N-T-I-A-L)\b"
                           r"(?!\s*(?:SERVICE|AGENT|POLICE|INFORMANT))")


def read_page_marking(d: Draft, lines: list[CLine], start: int) -> None:
    """On OCR'd pages of released records the marking often survives only inside a line of debris
    (``wip SECRET A Pn``): the first marking word in the first lines, as a last resort."""
    found = None
    for ln in _nonblank(lines[start: start + 600], 60):
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
    for ln in _nonblank(lines[start: start + 600], 120):
        if _CS_COMMENT.search(ln.text):
            continue  # the cable secretariat's note about other cables ('… APPLICABLE TO RYBAT …')
        for m in _CONTROLS.finditer(ln.text):
            d.add("captions_found", (" ".join(m[1].split()), ln.start + m.start(1), ln.start + m.end(1)))


def _nonblank(lines: list[CLine], count: int) -> list[CLine]:
    """The first ``count`` non-blank lines: OCR'd pages often put a blank line after every line,
    so a window of lines must count text, not line breaks."""
    out: list[CLine] = []
    for ln in lines:
        if ln.text.strip():
            out.append(ln)
            if len(out) == count:
                break
    return out


def read_agency(d: Draft, kind: str, lines: list[CLine], start: int) -> None:
    """Other agencies' cables: CITE station and number, precedence words, IN/OUT numbers."""
    read_page_marking(d, lines, start)
    read_agency_controls(d, lines, start)
    text_lines = lines[start:]
    for ln in _nonblank(text_lines, 60):
        # The first date written in the header area (date stamps, 'DATE: 6 JAN 64'): a fallback.
        if m := _LOOSE_DATE.search(ln.text):
            day, mon, yy = (m["d"], m["m"], m["y"]) if m["d"] else (m["d2"], m["m2"], m["y2"])
            iso = F.iso_date(F.full_year(int(yy)), F.MONTHS[mon.upper()], int(day))
            if iso and "1940" < iso < "2030":
                d.set("agency_loose_date", iso, ln.start + m.start(), ln.start + m.end())
                d.set("agency_loose_date_line", ln.index)
                break
    lone: list[tuple[str, int, int]] = []
    for ln in _nonblank(text_lines, 80):
        t = ln.text.upper()
        if kind == "cia-cable":
            if (m := _CITE_LOOSE.search(t)) and (m["serial"] or _is_cia_addressee(m["station"])
                                                  or closest(m["station"], tuple(tables.cia_cites()))):
                d.set("cite_station", m["station"], ln.start + m.start("station"), ln.start + m.end("station"))
                d.set("cite_line", ln.index)
                if m["serial"]:
                    d.set("cite_serial", int(m["serial"]))
                head = t[: m.start()]
                if pm := _AGENCY_PREC_ABBR.search(head):
                    # The precedence typed on the address line is the cable's own; printed form
                    # boxes elsewhere list every precedence whether ticked or not.
                    word = _PREC_ABBR.get(pm[1], " ".join(pm[1].split()))
                    d.set("agency_precedence", word, ln.start + pm.start(1), ln.start + pm.end(1), replace=True)
                    d.set("typed_precedence", True)
                elif word := _misread_precedence(head):
                    d.set("agency_precedence", word, ln.start, ln.start + len(head), replace=True)
                    d.set("typed_precedence", True)
                    d.defect("possible-ocr-error", f"precedence on the CITE line read as {word}: {head.strip()!r}")
                addr = _AGENCY_PREC_ABBR.sub("", head)
                info = _INFO_WORD.search(addr)
                addr = addr[: info.start()] if info else addr
                if addr.strip(" ,"):
                    d.set("cia_to", [a for a in re.split(r"[,\s]+", addr.strip(" ,")) if a])
                if info and info[1].strip(" ,"):
                    d.set("cia_info", [a for a in re.split(r"[,\s]+", _AGENCY_PREC_ABBR.sub("", info[1]).strip(" ,")) if a])
            elif (am := _TYPED_ADDRESS.match(t)) and _is_cia_addressee(am["to"]) and not d.get("typed_precedence"):
                # An outgoing cable's typed address line 'PRITY MEXI' (no CITE on it).
                word = _PREC_ABBR.get(am["prec"], " ".join(am["prec"].split()))
                d.set("agency_precedence", word, ln.start + am.start("prec"), ln.start + am.end("prec"), replace=True)
                d.set("typed_precedence", True)
            elif (pm := _AGENCY_PREC.search(t)) and len(t.strip()) < 30:
                lone.append((" ".join(pm[1].split()), ln.start + pm.start(1), ln.start + pm.end(1)))
            if m := re.match(r"^\s*(IN|OUT)\s+(\d{4,6})\s*$", t):
                d.set("in_number", f"{m[1]} {m[2]}")
            if m := CIA_TIME.search(t):
                _cia_time(d, ln, m)
            if _CLASS_WORD.match(t) and (got := F.dtg(t)):
                # 'SECRET 080853Z APR 76 STAFF': a whole DTG on the classification line.
                written, when, dm = got
                if d.set("dtg", written, ln.start + dm.start(), ln.start + dm.end(), replace=not d.get("cia_dtg")):
                    d.set("dtg_when", when, replace=True)
                d.set("cia_dtg", True)
            elif m := CIA_DTG.match(t):
                # The cable's own DTG, on its classification line: the Z is often read as 2 or 7.
                d.set("dtg", f"{m['dtg'].replace('O', '0')}Z", ln.start + m.start("dtg"), ln.end, replace=not d.get("cia_dtg"))
                d.set("cia_dtg", True)
        elif kind == "fbi-teletype":
            if m := _FBI_PRECEDENCE.match(t):
                d.set("agency_precedence", m[1], ln.start + m.start(1), ln.start + m.end(1))
                if m["date"] and (day := F.written_date(m["date"].replace("-", "/"))):
                    d.set("agency_date", day[0], ln.start + m.start("date"), ln.start + m.end("date"))
            if m := re.match(r"^\s*TO\s+(?P<to>.+?)(?:\s+(?:\d|/|\(|NO\.?\s).*)?$", t):  # file numbers follow
                d.set("agency_to", m["to"].strip(" ,"))
            # 'FROM SAC, MIAMI /92-236//92-228/', 'FROM LEGAT MEXICO CITY NO. 1(4': file and
            # message numbers follow the sender.
            if m := re.match(r"^\s*FROM\s+(?P<from>.+?)(?:\s+(?:\d|/|\(|NO\.?\s).*)?$", t):
                d.set("agency_from", m["from"].strip(" ,"))
        elif kind == "nsa-intercept":
            for label, key in (("FR", "agency_from"), ("TO", "agency_to")):
                if m := re.match(rf"^\s*{label}\s+(?P<place>[A-Za-z .]+?):\s*(?P<who>.*)$", ln.text):
                    _intercept_party(d, ln, m, key)
                    if label == "FR" and d.set("intercept_fr_read", True):
                        _intercept_title(d, text_lines, ln)  # the first FR line: the title stands above it
            if (wd := re.match(r"^\s*(\d{1,2}\s+[A-Z][a-z]{2}\s+\d{2})\s*$", ln.text)) and (got := F.written_date(wd[1])):
                d.set("agency_date", got[0], ln.start + wd.start(1), ln.start + wd.end(1))
    if lone and len({w for w, *_ in lone}) == 1:
        # A precedence printed alone, unambiguously (several distinct ones are the form's boxes).
        d.set("agency_precedence", *lone[0])


# The teletype's precedence line, often with the date and time sent: 'URGENT 3-16-65',
# 'URGENT 8/16/61 12-54 PM EST MH', 'TELETYPE URGENT'.
_FBI_PRECEDENCE = re.compile(r"^\s*(?:TELETYPE\s+)?(URGENT|NITEL|PRIORITY|ROUTINE|IMMEDIATE|DEFERRED)\w?"
                             r"(?:\s*$|\s+(?P<date>\d{1,2}[-/]\d{1,2}[-/]\d{2,4})\b)")
# A typed address line of an outgoing CIA cable: precedence, then the addressee ('PRITY MEXI',
# 'TO: PRIORITY DIRECTOR INFO …').
_TYPED_ADDRESS = re.compile(r"^\W{0,3}(?:TO\s*:?\s+)?(?P<prec>OPERATIONAL\s+IMMEDIATE|OPIM|IMMEDIATE|PRIORITY|PRITY|ROUTINE|RTNE|FLASH)"
                            r"\s+(?P<to>[A-Z]{3,}(?:\s+[A-Z]{3,})?)\b")
_PRECEDENCE_READINGS = ("OPIM", "PRITY", "PRIORITY", "IMMEDIATE", "ROUTINE", "RTNE", "FLASH", "NIACT")


def _is_cia_addressee(text: str) -> bool:
    words = text.split()
    return any(w in tables.cia_cites() or w in tables.stations() or w in tables.cia_cites().values()
               for w in (text, words[0]))


def _misread_precedence(head: str) -> str | None:
    """The precedence an OCR-garbled first word of the CITE line stands for ('FRITY', 'OPIN')."""
    words = head.split()
    if not words:
        return None
    word = closest(words[0].strip(".,:;'\"“”‘’_|"), _PRECEDENCE_READINGS)
    return _PREC_ABBR.get(word, word) if word else None


# The INFO keyword of a CITE line, also as OCR misreads it ('INTO', 'IMFO', 'INPO').
_INFO_WORD = re.compile(r"\bI[NM][FTP]O\b(.*)$")
_INTERCEPT_DATE = re.compile(r"\s*:?\s*(?P<date>\d{1,2}\s+[A-Z][a-z]{2}\s+\d{2})\b.*$")
_INTERCEPT_PREC = re.compile(r"\s+(?P<prec>Priority|Immediate|Routine|Flash|PRIORITY|IMMEDIATE|ROUTINE|FLASH)\s*$")


def _intercept_party(d: Draft, ln: CLine, m: re.Match, key: str) -> None:
    """An intercept's ``FR Phnom Penh: MINAFERES 12 Dec 63 1825`` / ``TO New York: MISSIONCAM Priority``:
    the party, the intercepted message's own date (the record's date) and its precedence."""
    who = m["who"]
    if dm := _INTERCEPT_DATE.search(who):
        if key == "agency_from" and (got := F.written_date(dm["date"])):
            start = ln.start + m.start("who") + dm.start("date")
            d.set("agency_date", got[0], start, start + len(dm["date"]), replace=True)
        who = who[: dm.start()]
    if pm := _INTERCEPT_PREC.search(who):
        d.set("agency_precedence", pm["prec"].upper())
        who = who[: pm.start()]
    who = who.strip(" ,:-–—")
    d.set(key, f"{m['place'].strip()}: {who}".upper() if who else m["place"].strip().upper())


def _intercept_title(d: Draft, lines: list[CLine], fr: CLine) -> None:
    """The report's title: the capitalised lines just above the intercept's FR line (below the
    serial and distribution lines), wrapped over at most three lines."""
    k = next((i for i, ln in enumerate(lines) if ln.index == fr.index), None)
    title: list[CLine] = []
    while k:
        k -= 1
        t = lines[k].text.strip()
        if not t:
            continue
        if len(title) == 3 or ":" in t or not t.isupper() or len(t.split()) < 2 or re.search(r"\d+/|/\d", t) \
                or (len(t.split()) == 2 and re.search(r"\d", t)):
            break  # a label, a serial ('0/27343-63', 'ST 300') or running text ends the title
        title.insert(0, lines[k])
    if title:
        d.set("subject", " ".join(" ".join(ln.text.split()) for ln in title), title[0].start, title[-1].end)


_AGENCY_PREC_ABBR = re.compile(r"\b(FLASH|OPERATIONAL\s+IMMEDIATE|OPIM|IMMEDIATE|PRIORITY|PRITY|ROUTINE|RTNE|DEFERRED|URGENT|NIACT)\b")
_PREC_ABBR = {"OPIM": "OPERATIONAL IMMEDIATE", "PRITY": "PRIORITY", "RTNE": "ROUTINE"}
# The receipt stamp 'AUG 17 1942Z 62'; OCR adds specks after the month or day ('AUG: 17', 'NOV 8:'),
# reads the Z as 7 or 2 and may run the year on ('NOV 8: 2343762').
CIA_TIME = re.compile(
    r"\b(?P<mon>JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)[A-Z]*[:.,]?\s+(?P<dd>[0-3O]?[\dO])[:.,]?\s+"
    r"(?P<hhmm>[0-2O][\dO]\s?[0-5O][\dO])\s?[Z72]?\s*(?P<yy>[4-9O][\dO])\b")


_CLASS_WORD = re.compile(r"^\W{0,3}(?:TOP\s+)?(?:SECRET|CONFIDENTIAL|UNCLASSIFIED)\b")
# 'SECRET 231228Z' (also 'SECRET 2312282', the Z read as 2): day, hour and minute must be valid.
CIA_DTG = re.compile(r"^\W{0,3}(?:TOP\s+)?(?:SECRET|CONFIDENTIAL|UNCLASSIFIED)\W{1,3}"
                     r"(?P<dtg>(?:[0-2O][\dO]|3[01O])(?:[01O][\dO]|2[0-3])[0-5O][\dO])\s?[Z27]\b")


def _cia_time(d: Draft, ln: CLine, m: re.Match) -> None:
    """CIA receipt time ``AUG 17 1942Z 62`` (month, day, time, year). It gives the date; it is kept
    as the DTG only when printed whole (a repaired reading is not the DTG as written)."""
    fix = lambda x: x.replace("O", "0").replace(" ", "")  # noqa: E731
    day = F.iso_date(F.full_year(int(fix(m["yy"]))), F.MONTHS[m["mon"][:3]], int(fix(m["dd"])))
    if day:
        d.set("agency_date", day, ln.start + m.start(), ln.start + m.end())
        if _CLEAN_TIME.fullmatch(m[0]):
            d.set("dtg", f"{m['mon'][:3]} {int(fix(m['dd']))} {fix(m['hhmm'])}Z {fix(m['yy'])}", ln.start + m.start(), ln.start + m.end())


_CLEAN_TIME = re.compile(r"[A-Z]{3,9}\s+\d{1,2}\s+\d{4}Z?\s+\d{2}")


