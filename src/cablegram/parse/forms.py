"""Department document forms that wrap or replace the cable header: FRUS (heading, source note,
dateline, opening) and the 1960s incoming-telegram form. The other agencies' records, the JFK
identification form and email wrappers are read in ``parse.agencies``.

Each reader recognises its form and fills the draft with what that form states; the general
header scanner then reads whatever cable the document holds.
"""

from __future__ import annotations

import re

from ..model import Officer
from ..vocab import tables
from ..vocab.markings import CAPTION_SET
from . import fields as F
from .draft import CLine, Draft

# -- FRUS ------------------------------------------------------------------------------------------
FRUS_HEAD = re.compile(
    r"^\s*\d+\.\s+(?P<kind>Telegram|Airgram|Backchannel\s+Message|Message)\s*(?P<number>[\w/ ]*?)\s+"
    r"From\s+(?:the\s+)?(?P<from>.+?)\s+to\s+(?:the\s+)?(?P<to>.+?)\s*$",
    re.I,
)
FRUS_DATELINE = re.compile(
    r"^\s*(?:(?P<place>[A-Z][A-Za-z .'\-]+?),\s+)?(?P<date>[A-Z][a-z]+\.?\s+\d{1,2},\s+\d{4})(?:,\s+(?P<time>\d{3,4})Z\d?)?\.?\s*$"
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
        if dm := re.search(r",\s+(?P<date>[A-Z][a-z]+\.?\s+\d{1,2},\s+\d{4})(?:,\s+(?P<time>\d{3,4})Z\d?)?\.?\s*$", to):
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


# A sentence of the source note that says where the telegram went besides its heading's addressee
# ('Repeated to London, Stockholm, and USEC.', 'Sent to Madrid'), precedence words before 'to'
# dropped; and a repetition joined to such a clause ('Repeated Priority to Pretoria and repeated to
# USUN', '..., and also repeated to X'), asked only where one ends: a clause inside a sentence about
# another telegram ('Telegram 1234 was sent to Bonn, and repeated to ...') is not this one's routing.
# (What follows the verb in both: a precedence word, 'to', the posts up to the clause's end.)
_ROUTE_TO = (r"\s+(?:(?:Priority|Immediate|Niact|Flash|Routine)\s+)?to\s+(?P<to>.+?)"
             r"(?=,?\s+and\s+(?:also\s+)?repeated|\.\s|\.$|;)")
_ROUTING_CLAUSE = re.compile(
    r"(?:^|(?<=\.\s)|(?<=;\s))(?P<verb>Repeated|Also\s+sent\s+for\s+action|Also\s+sent|Sent)" + _ROUTE_TO, re.I)
_ALSO_REPEATED = re.compile(r",?\s+and\s+(?:also\s+)?(?P<verb>repeated)" + _ROUTE_TO, re.I)


def _routing_clauses(text: str):
    """The routing clauses of a source note (``_ROUTING_CLAUSE``), each followed by the repetitions
    joined to it."""
    for rm in _ROUTING_CLAUSE.finditer(text):
        yield rm
        while more := _ALSO_REPEATED.match(text, rm.end()):
            yield more
            rm = more


def _source_note(d: Draft, ln: CLine) -> None:
    text = ln.text
    # The markings sentence: 'Secret; Immediate; Nodis.' — every item a marking word or caption.
    pos = 0
    for sentence in re.split(r"(?<=\.)\s+", text):
        where = text.find(sentence, pos)
        pos = where + len(sentence)
        body = sentence.strip().rstrip(".")
        separator = ";"
        if ";" not in body and "," in body and all(map(_is_marking, body.split(","))):
            separator = ","  # ('Confidential, Priority.': commas for semicolons)
        items = [x.strip() for x in body.split(separator)]
        upper = [x.upper() for x in items]
        if not body or not re.fullmatch(r"[A-Za-z/ \-]+", body.replace(separator, "")):
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
    for rm in _routing_clauses(text):
        key = "frus_info" if rm["verb"].lower().startswith("repeated") else "frus_also_to"
        for part in re.split(r",\s*(?:and\s+)?|\s+and\s+(?:to\s+)?", rm["to"]):
            part = re.sub(r"^to\s+", "", part.strip(), flags=re.I)
            part = re.sub(r"\s+(?:for\s+.*|by\s+pouch|priority|immediate|niact)$", "", part, flags=re.I)
            if part and len(part) < 60 and not re.search(r"\b(?:repeated|which|with|was|were)\b", part, re.I):
                d.add(key, frus_post_city(part))


def _is_marking(item: str) -> bool:
    """Whether a source note's item is a marking: a level, a precedence or a caption."""
    u = item.strip().upper()
    return bool(u) and (u in _MARKING_WORDS or u.split("/")[0] in CAPTION_SET or F.classification(u) is not None)


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


# A full stop ends the phrase before a new sentence ('Johnson. In telegram ...'), but not after an
# initial ('Robert J. McCloskey').
_PHRASE_END = (r"(?=\s+on\s+[A-Z][a-z]+\s+\d|;|,\s+cleared|,?\s+and\s+approved|,?\s+and\s+sent"
               r"|(?<!\b[A-Z])\.\s+[A-Z][a-z]+\b|\.\s+[A-Z]\s+[a-z]|\.?\s*$)")

# The office is printed in brackets after the name ('Ranard (EA/K)'), or named with 'in' after it
# ('Montville in NEA/AFN'), or given as a bare symbol after it ('Gleysteen S/S', 'Moore AF').
_OFFICE_IN_BRACKETS = re.compile(r"\s*\(([^)]*)\)")
# (the word before the symbol must be a capitalised name: 'cleared in substance in IO' names no one)
_OFFICE_AFTER_NAME = re.compile(r"(?<=[A-Za-z])\s+(?:in\s+)?(?!(?:[IVX]+|JR|SR)$)([A-Z]{1,6}(?:[/–-][A-Z]{1,6})*)$")
_CAPITALISED_LAST_WORD = re.compile(r"(?:^|\s)[A-Z][\w'’\-]*[a-z]$")
# What follows the names is not a name: the source of the text ('Ewing from text received from the
# White House'), or a group beside the people ('Brubeck and the Nigeria Working Group', 'Placke and
# EB/OFP staff').
_NOT_A_NAME_TAIL = re.compile(r"\s+from\s.*$|,?\s+and\s+(?:the\s+[A-Z]|[A-Z/]+\s+staff\b).*$")


def _frus_officer(text: str) -> Officer:
    """'Deputy Assistant Secretary L. Bruce Laingen (EUR)' -> name 'L. Bruce Laingen', office 'EUR'."""
    raw = " ".join(text.split()).strip(" ,;.")
    text = raw
    office = None
    if "(" in text and (m := _OFFICE_IN_BRACKETS.search(text)):
        office = m[1].strip()
        text = _OFFICE_IN_BRACKETS.sub("", text).strip()
    text = re.sub(r"^(?:and\s+)?(?:by\s+|in\s+)?", "", text)
    text = _NOT_A_NAME_TAIL.sub("", text)
    if (m := _OFFICE_AFTER_NAME.search(text)) and _CAPITALISED_LAST_WORD.search(text, 0, m.start()):
        office, text = office or m[1], text[: m.start()]
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
# A label ends with a colon. Some openings drop it: a REF label is then known by its first item
# letter or a station and serial after it ('Ref A. State 181943, B. Seoul 5754.', 'Ref Manila
# 5211.'), the abbreviation 'Subj' by the capital after it ('Subj Ambassador Has …'; the full word
# without a colon is prose: 'Subject to revision'). 'Sub:' is a shorter form of the subject's label.
_FIRST_REF_ITEM = r"(?=\s+(?:\(?A[.)]\s|[A-Z][A-Za-z']*(?:\s+[A-Z][A-Za-z']*){0,2}\s+\d))"
_OPENER_LABEL = re.compile(r"\b(?P<label>Subject|Subj|Sub(?=\s*:)|Refs?|Reference|Reftel)"
                           rf"(?:\s*:|(?<=Ref){_FIRST_REF_ITEM}|(?<=Refs){_FIRST_REF_ITEM}|(?<=Subj)(?=\s+[A-Z]))\s*")
# A full stop ends a sentence unless it ends a single capital or an abbreviated title or rank
# ('Eyes Only For The Secretary and Dr. Kissinger From Asst. Secy Green' is one sentence).
_SENTENCE_END = re.compile(r"(?<!\bU\.S)(?<!\b(?:Mr|Dr|St|Lt|Jr|Sr))(?<!\b(?:Mrs|Gen|Adm|Sen|Gov|Col|Amb|Rep|Sgt))"
                           r"(?<!\b(?:Asst|Secy|Capt))(?<!\b[A-Z])\.(?=\s+(?:[A-Z0-9(\"“]|$))|\.$")
# A sentence that is one more REF item ('USUN 431.') after the first sentence of a REF value
# ('Ref: Cape Town 196, 203. USUN 431.'): the value goes on over it.
_MORE_REF_ITEM = re.compile(r"\s*(?:[A-Z][A-Za-z']*\s+){1,3}\d{1,6}(?:,\s*\d{1,6})*\.(?=\s|$)")
# A routing sentence between a telegram's number and its first label holds a passing word among
# its first four words ('Dept pls pass …', 'Military addressees handle as Specat Exclusive',
# 'From Ambassador') or opens with 'To'. An editor's note ('Uncleared, FYI only.'), a label without
# its colon ('Subj Ambassador Has …') or the text's first sentence does not.
_PASSING_SENTENCE = re.compile(r"^(?:[^\s,;]+[\s,;]+){0,3}(?:pass|pls|please|for|from|eyes\s+only|exclusive\w*|"
                               r"handle|treat|repeat|deliver\w*|personal)\b|^To\s", re.I)


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
    # They come first: the first sentence that is not one ('1.', an editor's note) ends them.
    for sent in _sentences(text[pos:first_label]):
        if len(sent) >= 200 or not _PASSING_SENTENCE.match(sent):
            break
        _attention(d, ln, text, sent, pos)
    end = first_label if labels else pos
    for j, lm in enumerate(labels):
        value_start = lm.end()
        limit = labels[j + 1].start() if j + 1 < len(labels) else len(text)
        chunk = text[value_start:limit]
        subject = lm["label"].lower().startswith("sub")
        stop = _value_end(chunk, last=subject or j + 1 == len(labels))
        if not subject:
            while more := _MORE_REF_ITEM.match(chunk, stop):
                stop = more.end()
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
# The form's left margin lists the offices that get a copy ('SS', 'ARA', 'Info'); OCR runs a
# margin code into the field line beside it ('SS TO: Secretary of State', 'SP NO: 315, …').
MARGIN_CODE = r"(?:Info|[A-Z]{1,4})\s+(?=(?:FROM|TO|NO)\s*:|ACTION\s+DEPARTMENT\b|Rec'?[’']?d\s*:)"
# (The month as typed or in capitals: 'October 15', 'OCTOBER 19'.)
# OCR may set a speck after the month ('250, August.: 11, 1 p.m.', "Rec'd: August: 11, 1962"), as on
# the CIA's receipt stamps: the month and day are then read apart and put together as typed.
_NO_VALUE = re.compile(r"^[\s|:;.]*(?P<serial>\d{1,6})\s*,\s*(?P<md>(?P<mon>[A-Z][a-zA-Z]+)(?:[.:,]{1,2}\s*|\s+)(?P<day>\d{1,2}))\b")
_RECD_VALUE = re.compile(r"(?P<date>(?P<mon>[A-Z][a-zA-Z]+)(?:[.:,]{1,2}\s*|\s+)(?P<rest>\d{1,2},\s*\d{4}))")
# A field label of the form, a margin code run into it or not, or a speck or a stray letter OCR read
# in the margin ('- NO: 54, July 31', "a Rec'd: July 31, 1963"). (Compiled once: built and looked up
# in the re module's cache a line, it cost more than the match.)
_FORM_LABEL = re.compile(r"^\s*(?:" + MARGIN_CODE + r"|[^\w\s]{1,3}\s*|[a-z]\s+)?(NO|Rec'?[’']?d)\s*[:.]?\s*(?P<rest>.*)$")


def read_incoming_form(d: Draft, lines: list[CLine], start: int) -> None:
    """The Department's incoming-telegram form of the 1960s, as OCR scatters it: the values of
    ``NO:`` (serial, date without year) and ``Rec'd:`` (date received) may stand lines below
    their labels."""
    window = lines[start: start + 80]
    for k, ln in enumerate(window):
        label = _FORM_LABEL.match(ln.text)
        if not label:
            continue
        d.set("incoming_form", True)
        is_no = label[1] == "NO"
        pattern = _NO_VALUE if is_no else _RECD_VALUE
        for cand in [CLine(ln.index, ln.start + label.start("rest"), ln.end, label["rest"])] + window[k + 1: k + 5]:
            m = pattern.search(cand.text) if not is_no else pattern.match(cand.text)
            if not m:
                continue
            if is_no:
                d.set("number_serial", int(m["serial"]), cand.start + m.start("serial"), cand.start + m.end("serial"))
                d.set("number_month_day", f"{m['mon']} {m['day']}", cand.start + m.start("md"), cand.start + m.end("md"))
                if got := F.written_section(cand.text):
                    d.set("section", got[0], cand.start + got[1].start(), cand.start + got[1].end())
            elif got := F.written_date(f"{m['mon']} {m['rest']}"):
                d.set("received_date", got[0], cand.start + m.start("date"), cand.start + m.end("date"))
            break


# The running head of each later page of a 1960s incoming telegram: page number between dashes,
# then serial, date without year and time, and the sender ('-2- 631, October 15, 6 p.m. from
# Elisabethville'). OCR reads the dashes as '=' or '_' and may garble a digit of one copy
# ('=2= 78, OCTOBER 19' for 748), so the reading most pages agree on is taken.
_PAGE_HEAD = re.compile(r"^[\W_]{0,2}[a-z]?\s?[-=_~]?\s?[2-9]\W?\s?[-=_~]\s+(?P<serial>\d{1,6}),\s+"
                        r"(?P<md>[A-Za-z]{3,9}\.?\s+\d{1,2})\b.*\bfrom\s+[A-Za-z][A-Za-z .]*$", re.I)


def read_page_heads(d: Draft, lines: list[CLine]) -> None:
    """Serial and date of a 1960s incoming telegram from its pages' running heads, when its
    first page's ``NO:`` line was not legible. ``lines`` must be ``clean_lines`` of ``d.clean``
    (what the parser hands it): the heads are looked for in that text (see ``_page_heads``)."""
    if d.get("number_serial") is not None:
        return
    found: dict[tuple[int, str], list[tuple[int, re.Match]]] = {}
    for start, m in _page_heads(d.clean.text):
        key = (int(m["serial"]), " ".join(m["md"].split()).upper())
        found.setdefault(key, []).append((start, m))
    if not found:
        return
    agreed = max(found.values(), key=len)
    start, m = agreed[0]
    d.set("number_serial", int(m["serial"]), start + m.start("serial"), start + m.end("serial"))
    d.set("number_month_day", m["md"], start + m.start("md"), start + m.end("md"))


def _page_heads(text: str) -> list[tuple[int, re.Match]]:
    """``_PAGE_HEAD``'s match of each line of ``text`` that holds 'rom' or 'ROM' (its 'from' in
    either case: the pattern's re.I takes more, but a line without one of these two was never
    tried), with the line's start, in order.

    Only the lines on which ``_SERIAL_COMMA`` finds the comma after a head's serial are tried.
    It used to be every line holding 'rom' or 'ROM', found by two searches of the whole text
    (~12 us/doc born-digital, and a failing match for ~7 lines); a serial's comma followed by a
    month-day is rare (a line in forty born-digital cables), and one search finds it (~5.5 us).
    Exact: a line that ``_PAGE_HEAD`` matches holds a digit, a comma, then blanks, three to nine
    letters, an optional full stop, blanks and a digit (its serial and ``md`` groups, under the
    same re.I), all within the line, so ``_SERIAL_COMMA`` matches at that comma in the whole text
    too, and ``finditer`` reports it (a match takes the comma alone: the rest is look-around). The
    lines tried are a subset of the old ones' in the same order, and no line left out matches.
    """
    heads = []
    last = -1
    for comma in _SERIAL_COMMA.finditer(text):
        start = text.rfind("\n", 0, comma.start()) + 1
        if start == last:
            continue  # (a second comma on a line already tried)
        last = start
        end = text.find("\n", start)
        line = text[start:] if end < 0 else text[start:end]
        if ("rom" in line or "ROM" in line) and (m := _PAGE_HEAD.match(line)):
            heads.append((start, m))
    return heads


# The comma after a page head's serial: a digit before it, then what ``_PAGE_HEAD`` asks of the
# month-day after it, under the same flags. It opens with the comma, so the regex engine skips
# from one comma to the next at C speed. (\s may cross a line break here, so it matches at a few
# more commas than the line-by-line pattern would: those lines are then tried in full.)
_SERIAL_COMMA = re.compile(r",(?<=\d,)(?=\s+[A-Za-z]{3,9}\.?\s+\d)", re.I)

