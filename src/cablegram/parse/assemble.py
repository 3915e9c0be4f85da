"""Settle each field of the record from what the readers found, then freeze it.

Each ``_settle_*`` function decides one field (or a small group) from the draft, in the order of
evidence the spec gives (§1.1; ``shared/eval/LABELING.md``), and records an inference in ``notes``
whenever a value is not stated outright. Validation passes at the end add defects; none of them
change a value.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from ..defects import defect
from ..model import Classifier, Paragraph, Reference, Release, Tag, Telegram
from ..normalise import NormState
from ..vocab import tables
from ..vocab.markings import CAPTION_SET, RANK
from ..vocab.orders import ORDERS, REASONS_RENUMBERED
from . import fields as F
from .addresses import cite_code, settle_addresses
from .agencies.cia_opening import REF_LOOKALIKES, lookalike_of
from .body import portion_rank_check
from .draft import Draft

_PLACEHOLDER = re.compile(r"TELEGRAM\s+TEXT\s+FOR\s+THIS\s+MRN\s+IS\s+UNAVAILABLE|EXPAND\s+ERROR\s+ENCOUNTERED", re.I)


def assemble(d: Draft, state: NormState, original: str, source) -> Telegram:
    """Freeze the draft into a Telegram record."""
    _settle_classification(d, state)
    _settle_date(d)
    _year_of_the_message_form(d, state)
    _settle_staff_dtg(d)  # (after the date: the TOT's month and year date the cable)
    settle_addresses(d, state.release.present)
    _settle_precedence(d)
    _settle_identity(d)
    _settle_captions(d)
    _settle_officers(d, original)
    refs = _settle_references(d)
    classifier = _settle_classifier(d)
    tags, decoded = _settle_tags(d)
    release = _settle_release(d, state)
    d.notes.extend(state.notes)  # (what the normalisation chain noted of the input as a whole)
    kind = d.get("kind", "telegram")
    _settle_signature(d, kind)
    _infer_first_paragraph(d, state)
    era = _era(d, kind)
    _validate(d, state, era)
    portion_rank_check(d, d.get("classification"))
    defects = tuple(d.defects)
    return Telegram(
        id=d.get("id"),
        aliases=tuple(d.get("aliases", [])),
        kind=kind,
        era=era,
        classification=d.get("classification"),
        caveats=tuple(d.get("caveats", [])),
        current_classification=d.get("current_classification"),
        precedence=d.get("precedence"),
        date=d.get("date"),
        dtg=d.get("dtg"),
        from_=d.get("from"),
        to=tuple(d.get("to", [])),
        info=tuple(d.get("info", [])),
        excluded=tuple(dict.fromkeys(d.get("excluded_found", []))),
        captions=tuple(d.get("captions", [])),
        attention=tuple(d.get("attention", [])),
        mrn=d.get("mrn"),
        section=d.get("section") or d.get("page_section"),
        eo=d.get("eo"),
        classified_by=classifier,
        tags=tuple(tags),
        tags_raw=d.get("tags_raw"),
        tags_decoded=tuple(decoded),
        subject=d.get("subject"),
        references=tuple(refs),
        drafted_by=d.get("drafted_by"),
        approved_by=d.get("approved_by"),
        cleared_by=tuple(d.get("cleared_found", [])),
        paragraphs=tuple(d.get("paragraphs", [])),
        summary=d.get("summary"),
        signature=d.get("signature"),
        struck=tuple(state.struck),
        release=release,
        text=d.get("body_text", ""),
        removed=tuple(state.removals),
        defects=defects,
        notes=tuple(d.notes),
        spans=_public_spans(d.spans),
        source=source,
    )


def _settle_signature(d: Draft, kind: str) -> None:
    """A CIA cable is not signed with a surname at its end: its releasing and authenticating
    officers stand in the form's boxes. A last short line of such a page is OCR debris or a box
    value ('Nitrict' under the banner), not a signer."""
    if kind == "cia-cable" and d.get("signature"):
        d.notes.append(f"{d.get('signature')!r} at the end of a CIA cable not read as a signer")
        d.values.pop("signature")
        d.spans.pop("signature", None)


# -- classification --------------------------------------------------------------------------------
# The note the Cablegate release prints under the classification line of a cable NARA had
# declassified before it was published ('UNCLASSIFIED BUENOS AIRES 2481 / Original Telegram was
# Confidential but has since been de-classified'): the line gives the marking now, the note the original.
_ORIGINAL_LEVEL_NOTE = re.compile(r"Original\s+Telegram\s+was\s+(?P<level>Top\s+Secret|Secret|Confidential|Limited\s+Official\s+Use)"
                                  r"\s+but\s+has\s+since\s+been\s+de-?\s*classified", re.I)


_NOTE_WITHIN = 4000  # characters from the top: the note stands under the classification line


def _original_level(d: Draft) -> None:
    """Where the classification line says UNCLASSIFIED and the note above stands near the top,
    the note's level is the original marking and the line's the current one."""
    text = d.clean.text
    if d.get("classification") != "UNCLASSIFIED" or text.find("riginal", 0, _NOTE_WITHIN) < 0 \
            or not (m := _ORIGINAL_LEVEL_NOTE.search(text, 0, _NOTE_WITHIN)):
        return
    level = F.classification(" ".join(m["level"].split()).upper())
    if not level:
        return
    d.set("current_classification", "UNCLASSIFIED")
    d.spans["current_classification"] = d.spans.get("classification")
    d.set("classification", level, m.start("level"), m.end("level"), replace=True)
    d.notes.append("original classification read from the note that the telegram has since been declassified")


def _settle_classification(d: Draft, state: NormState) -> None:
    _original_level(d)
    banners = [level for level, _ in state.release.banners]
    classified = [b for b in banners if b != "UNCLASSIFIED"]
    if "classification" not in d.values:
        if d.get("security_warning"):
            d.set("classification", d.get("security_warning"))
            d.spans["classification"] = d.spans.get("security_warning")
            d.notes.append("classification read from the ACP-127 security warning (ZNY line)")
        elif classified:
            top = max(classified, key=lambda lv: RANK[lv])
            span = next(s for lv, s in state.release.banners if lv == top)
            d.values["classification"] = top
            d.spans["classification"] = span
            d.notes.append("classification read from the page banners")
        elif banners:
            d.values["classification"] = "UNCLASSIFIED"
            d.spans["classification"] = state.release.banners[0][1]
            d.notes.append("classification read from the page banners")
        elif d.get("page_marking"):
            d.values["classification"] = d.get("page_marking")
            d.spans["classification"] = d.spans["page_marking"]
            d.notes.append("classification read from a marking word on the OCR'd page (no clean banner or header)")
        elif d.get("form_classification") and d.get("jfk_form"):
            # The form's box describes the record as the agency filed it (an FBI teletype bears no
            # marking of its own), not a marking the document bears: the record's classification
            # stays unread, and what the form says is kept in a note.
            level = F.classification(d.get("form_classification").split()[0])
            if level and level != "UNCLASSIFIED":
                d.notes.append(f"the JFK identification form files the record as {level}; the copy bears no marking")
    overall = d.get("classification")
    if overall and "SBU" in {found[0] for found in d.get("captions_found", [])} and overall == "UNCLASSIFIED":
        d.values["classification"] = "SENSITIVE BUT UNCLASSIFIED"
    if classified and "UNCLASSIFIED" in banners:
        d.set("current_classification", "UNCLASSIFIED")
    elif state.release.present and overall and overall != "UNCLASSIFIED":
        d.set("current_classification", "UNCLASSIFIED")
        d.notes.append("current classification taken as UNCLASSIFIED because the copy carries a release stamp")
    sw = d.get("security_warning")
    if sw and overall and sw != overall and not (sw == "UNCLASSIFIED" and RANK.get(overall, 0) <= RANK["LIMITED OFFICIAL USE"]):
        d.defect("classification-conflict", f"the classification line says {overall} but the security warning says {sw}")
    if not d.get("classification"):
        d.defect("missing-classification", "no classification marking found")


# -- paragraphs -------------------------------------------------------------------------------------
def _infer_first_paragraph(d: Draft, state: NormState) -> None:
    """On a released copy, the text just before paragraph 2, where no paragraph 1 was read, is
    paragraph 1 whose number the copy lost (OCR drops or garbles the first number more than any:
    it stands by the form's boxes). Recorded as an inference. A born-digital text is read as it is
    written: a cable may open with an unnumbered summary and number from 2."""
    paragraphs = d.get("paragraphs")
    if not paragraphs or not state.release.present:
        return
    first = next((k for k, p in enumerate(paragraphs) if p.number is not None), None)
    if not first or paragraphs[first].number != 2 or paragraphs[first - 1].number is not None:
        return
    # Scraps of the form or of OCR between the text and the number (a line of specks, a box's
    # word) are passed over, two at most: the text above them is paragraph 1's.
    k = first - 1
    while k > 0 and first - k <= 2 and _is_scrap(paragraphs[k].text):
        k -= 1
    before = paragraphs[k]
    if _is_scrap(before.text):
        return
    paragraphs[k] = Paragraph(number=1, portion=before.portion, text=before.text, span=before.span)
    d.notes.append("paragraph 1's number inferred: the copy shows none before paragraph 2; the paragraph above it taken as 1")


_WORD_OF_THREE = re.compile(r"[A-Za-z]{3,}")


def _is_scrap(text: str) -> bool:
    """Fewer than three words of three letters or more: a box's word or OCR's specks, no text."""
    return len(_WORD_OF_THREE.findall(text)) < 3


# -- date -------------------------------------------------------------------------------------------
def _settle_staff_dtg(d: Draft) -> None:
    """A staff cable's DTG is the time group of its message line ('131953Z DIRECTOR 941533'); the
    TOT line above it ('TOT: 131946Z SEP 96') is the time the cable went out, as a TOR line is the
    time it came in, and its date still dates the cable. A DTG read with the message line's own
    time group (the TOT's, when the two agree) stands, with the month and year it was read with."""
    time = d.get("staff_time")
    if time and not (d.get("dtg") or "").startswith(time):
        d.set("dtg", time, replace=True)
        d.spans["dtg"] = d.spans["staff_time"]
        d.notes.append("DTG read from the staff cable's message line (the TOT line's time is the transmission's)")


def _settle_date(d: Draft) -> None:
    when = d.get("dtg_when")
    if when:
        d.set("date", when[:10])
        if "dtg" in d.spans:
            d.spans["date"] = d.spans["dtg"]
        return
    md, year = d.get("number_month_day"), (d.get("received_date") or d.get("form_date") or "")[:4]
    if md and year:
        got = F.written_date(f"{md}, {year}")
        if got:
            d.set("number_line_date", got[0])
            if "number_month_day" in d.spans:
                d.spans["number_line_date"] = d.spans["number_month_day"]
    for key, note in (("dateline_date", "date read from the dateline"),
                      ("agency_date", "date read from the cable's receipt time"),
                      ("extract_date", "date read from the extract's dateline (no DTG on this copy)"),
                      ("number_line_date", "date read from the telegram's number line and its year from the receipt stamp"),
                      ("drafting_date", "date read from the drafting line (no DTG on this copy)"),
                      ("form_date", "date read from the JFK identification form (the cable's own date is not readable)"),
                      ("agency_loose_date", "date read from the first date written in the cable's header area")):
        if d.get(key):
            d.set("date", d.get(key))
            if key in d.spans:
                d.spans["date"] = d.spans[key]
            if key != "dateline_date":
                d.notes.append(note)
            if key == "agency_loose_date" and d.get("agency_loose_date_misread"):
                d.defect("possible-ocr-error", f"date {d.get('agency_loose_date_misread')!r} read as {d.get(key)}")
            _year_from_form(d)
            return
    d.defect("missing-date", "no DTG, dateline or drafting date found")


def _year_from_form(d: Draft) -> None:
    """A date read from OCR'd text whose day and month agree with the JFK identification form's
    date of the document but whose year does not ('12-5-56' against the form's 12/05/66) has a
    misread year digit: the form, typed afresh, gives the year."""
    form, date = d.get("form_date"), d.get("date")
    if form and date and form[4:] == date[4:] and form[:4] != date[:4]:
        d.defect("possible-ocr-error", f"date {date} read with the year of the identification form's {form}")
        d.values["date"] = form


# The CIA's printed message forms of the 1950s to the 1970s: the head 'CLASSIFIED MESSAGE' or
# 'MESSAGE FORM', the foot 'REPRODUCTION BY OTHER THAN THE ISSUING OFFICE IS PROHIBITED' (which
# the normaliser removes as the reproduction notice). Of the studied sets' 160 dated cables on
# them, every one is of 1950-79 (three quarters of the 1960s).
_MESSAGE_FORM = re.compile(r"CLASSIFIED MESSAGE|MESSAGE FORM")


def _year_of_the_message_form(d: Draft, state: NormState) -> None:
    """A CIA cable on the 1950s-70s message form dated in the 1980s has its year's 6 read as 8, the
    digit OCR most often puts for it ('3 Feb 85', '5 DEC 83' for 1965, 1963): the form's era
    settles the year. Asked only of the rare date of the 1980s."""
    date = d.get("date")
    if date and date.startswith("198") and d.get("kind") == "cia-cable" and (
            any(r.rule == "reproduction-notice" for r in state.removals) or _MESSAGE_FORM.search(d.clean.text)):
        fixed = "196" + date[3:]
        d.defect("possible-ocr-error", f"date {date} read as {fixed}: the 1960s message form's 6 read as 8")
        d.values["date"] = fixed


def _settle_precedence(d: Draft) -> None:
    written = [a.precedence for a in d.get("to", []) if a.precedence]
    best = F.highest_precedence(written)
    if best:
        d.set("precedence", best)
        return
    for key in ("frus_precedence", "dtg_prec", "agency_precedence", "prosign", "report_precedence"):
        if d.get(key):
            d.set("precedence", d.get(key))
            if key in d.spans:
                d.spans["precedence"] = d.spans[key]
            return


# -- identity -------------------------------------------------------------------------------------
def _settle_identity(d: Draft) -> None:
    year = int(d.get("date")[:4]) if d.get("date") else None
    year = d.get("mrn_year") or year
    station = d.get("mrn_station") or d.get("page_station")
    serial = d.get("mrn_serial") or d.get("page_serial")
    if not station and d.get("number_serial") and d.get("from"):
        found = tables.station_by_plad().get(d.get("from"))
        if found:
            station, serial = found.station, d.get("number_serial")
    if not station and d.get("era_hint") == "frus-edited":
        station, serial = _frus_number(d)
    if not station and d.get("cite_station"):
        station, serial = cite_code(d, d.get("cite_station")), d.get("cite_serial")
    if station and serial is None and d.get("de_serial") is not None:
        serial = d.get("de_serial")
    if station:
        station = {"SECSTATE": "STATE", "USUN": "USUN NEW YORK"}.get(station, station)
        if any(map(str.isdigit, station)) and (fixed := tables.known_station(station)):
            d.defect("possible-ocr-error", f"station {station!r} read as {fixed} (digits for letters)")
            station = fixed
    cid = F.canonical_id(year, station, serial)
    if cid:
        d.set("id", cid)
        d.add("aliases", f"{year % 100:02d}{_NOT_CAPITAL.sub('', station)}{serial}")
    if station and not d.get("mrn") and serial is not None:
        d.set("mrn", f"{station} {serial}")


_NOT_CAPITAL = re.compile(r"[^A-Z]")
_FRUS_NUMBER = re.compile(r"(?:(?P<series>Secto|Tosec|Vipto|Topol|Tohak|Hakto)\s+)?(?P<n>\d{1,6})", re.I)
_FRUS_NUMBER_IN_TEXT = re.compile(r"(?:(?P<series>Secto|Tosec|Vipto|Topol|Tohak|Hakto)\s+)?(?P<n>\d{3,6})\.\s", re.I)
_POST_PREFIX = re.compile(r"^(?:AMEMBASSY|AMCONSUL|USMISSION)\s+")


def _frus_number(d: Draft) -> tuple[str | None, int | None]:
    number = d.get("frus_number") or d.get("frus_body_number") or ""
    m = _FRUS_NUMBER.match(number)
    if not m:
        first = d.get("paragraphs", [])
        text = first[0].text if first else ""
        m = _FRUS_NUMBER_IN_TEXT.match(text)
        if not m:
            return None, None
    if m["series"]:
        return m["series"].upper(), int(m["n"])
    frm = d.get("from") or d.get("frus_from_plad") or ""
    if frm == "SECSTATE WASHDC":
        return "STATE", int(m["n"])
    post = _POST_PREFIX.sub("", frm)
    if post == "USUN NEW YORK" or frm == "USMISSION USUN NEW YORK":
        post = "USUN NEW YORK"
    return (post or None), int(m["n"])


# -- captions and attention --------------------------------------------------------------------------
def _settle_captions(d: Draft) -> None:
    caps: list[str] = []
    for found in d.get("captions_found", []):
        c = found[0].upper().strip()
        if c == "SBU":
            continue
        if c in CAPTION_SET and c not in caps:
            caps.append(c)
    d.values["captions"] = caps
    found_lines = d.get("attention_found", [])
    if d.get("kind") == "cia-cable":
        if found_lines:
            # Attention and passing lines are the Department's convention; on a CIA cable the lines
            # that look like one are the printed routing box or sentences of the text.
            d.notes.append("lines read as attention lines dropped: a CIA cable carries none but a staff cable's FOR line")
        # (A staff cable's FOR line names the offices it is for: read as its attention line.)
        found_lines = d.get("cia_attention", [])
    att = []
    for found in found_lines:
        text = found[0]
        if "0" in text:  # (the nought the pattern rewrites: without one, nothing to substitute)
            text = _OFFICE_SYMBOL.sub(_letter_o, text)
        if text not in att:
            att.append(text)
    d.values["attention"] = att


# An office symbol's letter O read as a nought by OCR ('S/ES-0' for S/ES-O, 'SA/D0/0' for
# SA/DO/O): a symbol is letters parted by slashes or hyphens, so a nought in a word holding a slash
# or a hyphen, with letters and no other digit, is a letter O.
_OFFICE_SYMBOL = re.compile(r"(?<![\w/\-])[A-Z0][A-Z0]*(?:[/\-][A-Z0]+)+(?![\w/\-])")


def _letter_o(m: re.Match) -> str:
    word = m[0]
    return word.replace("0", "O") if any("A" <= c <= "Z" for c in word) else word


# -- drafting -----------------------------------------------------------------------------------------
def _settle_officers(d: Draft, original: str) -> None:
    clearers = d.get("cleared_found", [])
    if d.get("era_hint") == "dept-worksheet-1990s" and clearers and not d.get("approved_by"):
        d.defect("approver-unmarked", "the worksheet does not mark which officer approved the telegram; "
                 "approved_by is left empty and every officer line after the drafter is listed as a clearer")
    body = d.get("body_text", "")
    for off in clearers:
        if off.name and _stands_in_body(off.name.lower(), body):
            d.defect("possible-ocr-error", f"clearer {off.office}:{off.name} reads as an ordinary word; clearance names "
                     f"are initials fused with a surname, so this is probably a misreading (letters transposed?)")


_LOWER_WORD = re.compile(r"[a-z]{4,}")
_WORD_CHARACTER = re.compile(r"\w")


def _stands_in_body(word: str, body: str) -> bool:
    r"""``word in set(re.findall(r"\b[a-z]{4,}\b", body))``, without reading every word of the body.

    Each match of ``\b[a-z]{4,}\b`` is a whole run of word characters made of four or more
    lower-case ASCII letters (a boundary never falls between two letters, so no shorter piece of
    a longer run matches). So ``word`` is one of them exactly when it is such a run itself and
    stands somewhere in the body with no word character (``\w``, what ``\b`` looks at) on either
    side. A clearer's name is a few ``find`` calls; the set took a regex scan of the whole body,
    most of this step's time on a long OCR'd release. (No pattern is built from the name: a
    pattern a name would fill the ``re`` module's cache, shared with every other module.)
    """
    if _LOWER_WORD.fullmatch(word) is None:
        return False
    at = body.find(word)
    while at >= 0:
        after = at + len(word)
        if (at == 0 or not _WORD_CHARACTER.match(body, at - 1)) and not _WORD_CHARACTER.match(body, after):
            return True
        at = body.find(word, at + 1)
    return False


# -- references ------------------------------------------------------------------------------------
def _settle_references(d: Draft) -> list[Reference]:
    text = d.get("ref_text")
    if not text:
        return []
    year = int(d.get("date")[:4]) if d.get("date") else None
    refs = F.references(text, year)
    if d.get("kind") == "cia-cable":
        # A CIA cable cites cables by their CITE codes, typed in capitals: a short word written
        # otherwise is OCR of what stands beside an item ('Cov 62697' for its IN number).
        refs = [_known_station(d, r) for r in refs if len(r.station) > 4 or r.station in r.raw]
    own_station, own_serial = d.get("mrn_station"), d.get("mrn_serial")
    out = []
    for r in refs:
        if not r.year_stated and year and own_station == r.station and own_serial and r.serial > own_serial:
            # A serial above the citing cable's own, from the same station, belongs to an earlier year.
            r = Reference(r.letter, r.raw, r.station, r.serial, year - 1, False, F.canonical_id(year - 1, r.station, r.serial), r.notal)
        out.append(r)
    if not refs:
        d.defect("unresolved-reference", f"REF line not read as cable references: {text[:80]!r}")
    return out



def _known_station(d: Draft, r: Reference) -> Reference:
    """``r`` with its station read as the one CITE code or station name OCR misread it as
    (``BAVA`` for HAVA, ``DIRECIOR`` for DIRECTOR, ``MEXXI`` for MEXI), reported; as it is when
    it is known, or near none or several, or near one by more than a lookalike letter or a
    doubled one (an item cites a station by the code or name its routing boxes print, from the
    same short list of stations as the CITE line's; a code not on it, such as MUNI, is left)."""
    near = _near_station(r.station)
    if near is None or near == r.station:
        return r
    d.defect("possible-ocr-error", f"REF station {r.station!r} read as {near}")
    year = r.year
    return Reference(r.letter, r.raw, near, r.serial, year, r.year_stated,
                     F.canonical_id(year, near, r.serial) if year else None, r.notal)


# (Memoised, a pure function of the word over the fixed CITE table: a station recurs in a file's
# cables.)
@lru_cache(maxsize=1024)
def _near_station(station: str) -> str | None:
    """The CITE code or station name ``station`` is, or the one it is an OCR misreading of
    (_misread_as), or None when it is none's or several's. Only the known names as long as
    ``station``, or one letter shorter, can be: no other is compared."""
    by_length = _cia_stations()
    if station in by_length.get(len(station), ()):
        return station
    near = [name for n in (len(station), len(station) - 1) for name in by_length.get(n, ()) if _misread_as(station, name)]
    return near[0] if len(near) == 1 else None




def _misread_as(word: str, name: str) -> bool:
    """Whether ``word`` is ``name`` with one letter read as its lookalike, or one letter doubled."""
    if len(word) == len(name):
        return lookalike_of(word, name, REF_LOOKALIKES)
    return len(word) == len(name) + 1 and any(
        word[k] == word[k - 1] and word[:k] + word[k + 1:] == name for k in range(1, len(word)))


@cache
def _cia_stations() -> dict[int, tuple[str, ...]]:
    """The CITE codes and the station names they stand for, each once, by length."""
    cites = tables.cia_cites()
    by_length: dict[int, list[str]] = {}
    for name in dict.fromkeys([*cites, *cites.values()]):
        by_length.setdefault(len(name), []).append(name)
    return {n: tuple(names) for n, names in by_length.items()}


_DERIVED_FROM = re.compile(r"^\s*Derived\s+from", re.I)


def _settle_classifier(d: Draft) -> Classifier | None:
    text = d.get("classified_by_text")
    if not text:
        named = d.get("eo_classifier")  # the name an E.O. 12065 line gives in brackets
        return Classifier(name=named, title=None, raw=named) if named else None
    if _DERIVED_FROM.match(text):
        return Classifier(name=None, title=None, raw=text)
    return F.classified_by(text)


_TAG_SHAPE = re.compile(r"[A-Z]{2,5}")


def _settle_tags(d: Draft) -> tuple[list[str], list[Tag]]:
    codes = d.get("tags", [])
    lexicon = tables.tags()
    decoded: list[Tag] = []
    person_next = False
    for code in codes:
        entries = lexicon.get(code)
        if person_next or ("," in code and not entries):
            decoded.append(Tag(code=code, kind="person", meaning=None))
            person_next = False
            continue
        if code == "OVIP":
            person_next = True
        if entries:
            decoded.append(_lexicon_tags()[code])
        else:
            decoded.append(Tag(code=code, kind="unknown", meaning=None))
            if _TAG_SHAPE.fullmatch(code):
                d.defect("unknown-tag", f"TAGS code {code} is not in the lexicon; kept as written")
    if d.get("tags_raw"):
        d.defect("tag-typo-fixed", f"TAGS {d.get('tags_raw')!r} read as known codes (run-together codes split, "
                 f"digits read as letters); tags_raw keeps the line as written")
    return codes, decoded


# The decoded tag of every code the lexicon lists, built once a process as the lexicon itself is
# loaded once (a table of the fixed vocabulary, not a memo of what documents hold): a memo per
# code was emptied before every pass and rebuilt the same hundred-odd tags each time.
@cache
def _lexicon_tags() -> dict[str, Tag]:
    """Code -> its decoded tag, for each code the lexicon lists."""
    return {code: _lexicon_tag(code, entries) for code, entries in tables.tags().items() if entries}


def _lexicon_tag(code: str, entries) -> Tag:
    """The decoded tag of a code the lexicon lists with ``entries``."""
    entry = _pick(entries, 0)
    return Tag(code=code, kind=entry.kind, meaning=entry.meaning)


def _pick(entries, position: int):
    """A code listed twice (``AL`` Albania / Arab League): geography comes before organizations."""
    kinds = {e.kind: e for e in entries}
    return kinds.get("subject") or kinds.get("program") or kinds.get("geographic") or entries[0]


# -- release layer ----------------------------------------------------------------------------------
_FORM_OPTION = re.compile(r"^\W{0,2}[A-H]\s?[.,)]\s+Release\b", re.I)


def _settle_release(d: Draft, state: NormState) -> Release | None:
    r = state.release
    status = r.status
    if status and r.stamps and _FORM_OPTION.match(r.stamps[0]):
        # 'A. Release in full text' / 'B. Release in sanitized form' / 'C. Deny in toto': the
        # printed choices of a review form, whichever was ticked, not a review stamp.
        d.notes.append(f"release status not read from the review form's printed option {r.stamps[0]!r}")
        status = None
    doc_number = r.doc_number or d.get("form_record_number")
    if state.struck:
        d.defect("struck-text", f"{len(state.struck)} passage(s) struck through; kept in the text and listed in 'struck'")
    if r.exemptions:
        d.defect("withheld-text", f"the release withholds text under {', '.join(r.exemptions)}")
    if not (r.present or d.get("jfk_form") or doc_number):
        return None
    return Release(
        status=status,
        exemptions=tuple(r.exemptions),
        e_o_categories=tuple(r.e_o_categories),
        reviewer=r.reviewer,
        case_number=r.case_number,
        doc_number=doc_number,
        release_date=r.release_date,
        review_authority=r.review_authority,
        stamps=tuple(r.stamps),
    )


# -- era and validation ---------------------------------------------------------------------------
def _era(d: Draft, kind: str) -> str | None:
    if d.get("era_hint"):
        hint = d.get("era_hint")
        if hint == "frus-edited" and (d.get("to_found") or d.get("dtg")):
            return "frus-transcription"
        return hint
    if kind in ("cia-cable", "fbi-teletype", "nsa-intercept"):
        return kind
    if d.get("from") and (d.get("to_found") or d.get("info_found")):
        return "fm-to-header"
    if d.get("subject") or d.get("tags"):
        return "body-only"
    return None


_REASON_1_4 = re.compile(r"\b1\s?\.\s?4\s*\(")


def _says_unavailable(state: NormState) -> bool:
    """The archive's placeholder for a telegram whose text it lost, in any case and spacing.

    Every match holds UNAVAILABLE or ENCOUNTERED in some case: where the text's ASCII upper-cased
    bytes are exact for case-blind words (no ``ı``, ``İ``, ``ſ`` or Kelvin sign, which ``re.I`` reads
    as ASCII letters), their absence there settles it with two byte searches, and the state has
    usually made those bytes already for the normalisation rules.
    """
    if state.ascii_case_exact:
        upper = state.ascii_upper
        if b"UNAVAILABLE" not in upper and b"ENCOUNTERED" not in upper:
            return False
    return _PLACEHOLDER.search(state.original) is not None


def _validate(d: Draft, state: NormState, era: str | None) -> None:
    original = state.original
    if not original or original.isspace():  # (as ``not original.strip()``, without copying the text)
        d.defects.insert(0, defect("empty-input", "the input holds no text"))
        return
    if _says_unavailable(state):
        d.defect("text-unavailable", "the archive's placeholder says the telegram text is unavailable")
    if era is None and not d.get("subject") and not d.get("dtg") and not d.get("from"):
        d.defect("not-a-telegram", "no telegram header element was found")
        return
    kind = d.get("kind", "telegram")
    if kind == "telegram" and era not in ("frus-edited",) and not d.get("subject"):
        d.defect("missing-subject", "no SUBJECT line found")
    eo = d.get("eo")
    date = d.get("date")
    if eo and eo.order and date:
        order = ORDERS.get(eo.order)
        if order and date < order.in_force:
            d.defect("eo-anachronism", f"E.O. {eo.order} was not in force on {date} (from {order.in_force}); "
                     f"the line was probably written when the cable was declassified")
        elif eo.order and eo.order not in ORDERS:
            d.defect("bad-eo-line", f"E.O. {eo.order} is not an order on classification (OCR misreading?)")
        if eo.event == "OADR" and date > "1995-10-14":
            d.defect("eo-anachronism", "OADR was abolished on 14 Oct 1995")
    classifier = d.get("classified_by_text")
    if classifier and date and _REASON_1_4.search(classifier) and date < REASONS_RENUMBERED and date > "1995-10-14":
        d.defect("eo-anachronism", "reasons numbered 1.4 before E.O. 13292 (25 Mar 2003) renumbered them")
    section = d.get("section") or d.get("page_section")
    if section and section.of > 1:
        d.defect("section-incomplete", f"this is section {section.n} of {section.of}")
    if era in ("acp127-2000s", "smart-2010s", "aad-1970s", "dept-worksheet-1990s") and not d.get("tags"):
        d.defect("missing-tags", f"no TAGS line, which a telegram of the {era} form carries")
    station = d.get("mrn_station")
    if kind == "telegram" and station and station not in tables.stations() and station.replace(" ", "") not in _STATION_KEYS():
        d.defect("unknown-station", f"station {station!r} of the message number is not in the station table")


@cache
def _STATION_KEYS() -> frozenset[str]:
    return frozenset(name.replace(" ", "") for name in tables.stations())


_SPAN_KEYS = {"classified_by_text": "classified_by", "eo_classifier": "classified_by", "ref_text": "references"}
_PUBLIC = {"id", "classification", "current_classification", "precedence", "date", "dtg", "from", "mrn", "section", "eo",
           "classified_by", "tags", "subject", "references", "drafted_by", "approved_by", "summary", "signature"}


def _public_spans(spans: dict) -> dict:
    """Only fields of the contract have spans; internal evidence keys map to the field they settle."""
    out = {}
    for key, span in spans.items():
        if key == "eo_classifier" and "classified_by_text" in spans:
            continue  # a classified-by line, where there is one, names the classifier (_settle_classifier)
        key = _SPAN_KEYS.get(key, key)
        if key in _PUBLIC and span is not None:
            out.setdefault(key, span)
    return out
