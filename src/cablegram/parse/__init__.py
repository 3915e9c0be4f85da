"""Read a telegram: decode, normalise, recognise the form, scan header and body, assemble the record.

``parse`` never raises on bad input: whatever the text, it returns a :class:`Telegram` whose
``defects`` say what could not be settled. The pipeline reads like its table of contents:

1. ``decode``      bytes -> text (defects for binary or truncated input)
2. ``normalise``   strip the release layer and page furniture (``cablegram.normalise``)
3. ``forms``       FRUS heading and source note, the 1960s incoming form; ``agencies``: the JFK
                   identification form, email wrappers, CIA/FBI/NSA records
4. ``header``      the cable header, line by line (``scan_header``)
5. ``body``        paragraphs, summary, classified-by, signature (``read_body``)
6. ``assemble``    settle each field from what was found, with spans, inferences and defects
"""

from __future__ import annotations

import gc
import hashlib
import re

from .. import __version__
from ..defects import defect
from ..model import Source, Telegram
from ..normalise import RULE_NAMES, normalise
from ..policy import LENIENT, Policy
from .assemble import assemble
from .body import read_body
from .agencies import (agency_kind, cable_start, is_email, read_agency, read_cia_boxes, read_cia_opening,
                       read_cia_refs_above, text_before_a_later_cite,
                       may_hold_form_title, read_jfk_form, read_page_marking, to_rows_above_headquarters)
from .draft import Draft, clean_lines
from .forms import is_frus, read_frus, read_frus_opening, read_incoming_form, read_page_heads
from .header import scan_header
from .opening import read_opening_reference
from .record_number import number_in_path, reconcile

MAX_CHARS = 5_000_000


def decode(data: str | bytes, *, utf8: bytes | None = None) -> tuple[str, list[tuple[str, str]]]:
    """Bytes -> text. Returns the text and ``(code, message)`` problems met on the way.

    ``utf8``, where ``data`` is text, may be its UTF-8 (``surrogatepass``), as ``parse`` has it
    for the digest: decode then asks it whether the text holds a NUL (see ``_holds_nul``)."""
    problems: list[tuple[str, str]] = []
    if isinstance(data, bytes):
        if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
            problems.append(("not-text", "the input contains NUL bytes: it looks binary, not text"))
            text = data.replace(b"\x00", b"").decode("utf-8", errors="replace")
        else:
            try:
                text = data.decode("utf-8-sig")
            except UnicodeDecodeError:
                try:
                    text = data.decode("utf-16") if data.startswith((b"\xff\xfe", b"\xfe\xff")) else data.decode("cp1252")
                    problems.append(("not-text", "the input is not UTF-8; it was read as Windows-1252/UTF-16"))
                except UnicodeDecodeError:
                    text = data.decode("utf-8", errors="replace")
                    problems.append(("not-text", "the input is not decodable as text; undecodable bytes were replaced"))
    else:
        text = data
    if "\r" in text:  # (a search for one character is far cheaper than two copies of the text)
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if _holds_nul(text, data, utf8):
        text = text.replace("\x00", "\ufffd")
        problems.append(("not-text", "the input contains NUL characters"))
    if len(text) > MAX_CHARS:
        problems.append(("input-truncated", f"the input has {len(text):,} characters; only the first {MAX_CHARS:,} were read"))
        text = text[:MAX_CHARS]
    return text, problems


def _holds_nul(text: str, data: str | bytes, utf8: bytes | None) -> bool:
    """Whether ``text`` (decoded from ``data``) holds a NUL character. Where ``data`` is text and
    ``utf8`` its UTF-8, the bytes are asked: they hold a NUL byte exactly where the text holds a
    NUL (every other character's UTF-8 is made of non-zero bytes, and decode's replacing of line
    ends makes and removes none), and a byte search runs at ``memchr`` speed where a search of
    text stored two bytes a character steps through it (~2 us on a 10 kB cable)."""
    if utf8 is not None and isinstance(data, str):
        return b"\x00" in utf8
    return "\x00" in text


def parse(data: str | bytes, path: str | None = None, *, skip_rules: tuple[str, ...] = (),
          policy: Policy = LENIENT) -> Telegram:
    """Parse one document into a :class:`Telegram` record. Never raises on bad input under the
    default ``LENIENT`` policy; ``STRICT`` raises :class:`~cablegram.policy.DefectError` instead of
    returning a record with defects.

    An internal error on some input is a bug in cablegram, not a property of the document; in a
    batch it must not lose the document, so it is reported as a ``parser-error`` defect on an
    otherwise empty record (the tests assert that no document of the evaluation set meets one).
    """
    if not isinstance(data, (str, bytes, bytearray)):
        raise TypeError(f"parse() takes str or bytes, not {type(data).__name__}")
    data = bytes(data) if isinstance(data, bytearray) else data
    unknown = set(skip_rules).difference(RULE_NAMES)
    if unknown:
        raise ValueError(f"unknown normalisation rule(s): {', '.join(sorted(unknown))}")
    raw_bytes = data.encode("utf-8", errors="surrogatepass") if isinstance(data, str) else data
    source = Source(sha256=hashlib.sha256(raw_bytes).hexdigest(), path=path, parser_version=__version__)
    try:
        with _gc_paused():
            record = _parse(data, raw_bytes, source, skip_rules)
    except RecursionError:
        raise
    except Exception as exc:  # noqa: BLE001 - see docstring
        record = Telegram(text="", source=source,
                          defects=(defect("parser-error", f"internal error {type(exc).__name__}: {exc}"),))
    return policy.check(record)


class _gc_paused:
    """Pause the cyclic garbage collector for one parse.

    A parse allocates many small acyclic objects (a line, a removal, a paragraph each); the
    collector, triggered by allocation counts, would otherwise walk them again and again — a
    quarter of the time on a megabyte of short lines. Nothing a parse builds is cyclic, so
    reference counting frees it all; the collector resumes as it was. (A class rather than a
    ``@contextmanager`` generator: entered once a parse, the generator machinery cost a microsecond.)
    """

    def __enter__(self) -> None:
        self.was_enabled = gc.isenabled()
        gc.disable()

    def __exit__(self, *exc) -> None:
        if self.was_enabled:
            gc.enable()


def _parse(data: str | bytes, raw_bytes: bytes, source: Source, skip_rules: tuple[str, ...]) -> Telegram:
    text, problems = decode(data, utf8=raw_bytes)
    clean, state = normalise(text, skip=skip_rules, utf8=_utf8_of(text, data, raw_bytes))
    d = Draft(clean)
    for code, message in problems:
        d.defect(code, message)
    _settle_document_number(d, state, source.path)
    lines = clean_lines(clean)
    start = 0
    if is_frus(lines):
        start = read_frus(d, lines)
        if not _transcribed(lines, start):
            body_start, remainder = read_frus_opening(d, lines, start)
            if remainder is not None:
                lines = lines[: body_start - 1] + [remainder] + lines[body_start:]
                body_start -= 1
            read_body(d, lines, body_start, clean.text if remainder is None else None)
            return assemble(d, state, text, source)
    else:
        form_end = read_jfk_form(d, lines, may_hold_form_title(state))
        if is_email(lines[form_end:]):
            d.set("email_wrapper", True)
            inner = cable_start(lines[form_end:])
            start = form_end + inner if inner is not None else form_end
        else:
            start = form_end
        d.set("record_number", state.release.doc_number or d.get("form_record_number"))
        kind = agency_kind(d, clean.text)
        if kind:
            d.set("kind", kind)
            if kind != "other":
                read_agency(d, kind, lines, start)
        elif d.get("jfk_form"):
            read_page_marking(d, lines, start)
    if _may_hold_incoming_form(clean.text):
        read_incoming_form(d, lines, start)
    if not d.get("kind"):
        read_page_heads(d, lines)
    cite = d.get("cite_line") if d.get("kind") == "cia-cable" else None
    refs_stop = cite  # (where the REF lines above the text are looked for up to: see below)
    if cite is not None and cite >= start:
        # A CIA cable's header ends with its CITE line; slug and REF lines follow it.
        scan_header(d, lines[: cite + 1], start)
        body_start = read_cia_opening(d, lines, cite + 1)
        if d.get("agency_loose_date_line", -1) >= body_start and not d.get("agency_loose_date_alone"):
            # A date in the text ('ARRIVED 9 OCT 59') is not the cable's; a date on a line of its
            # own is the form's date box, which OCR of the form's columns may set below the CITE line.
            d.values.pop("agency_loose_date")
        if (first_page := text_before_a_later_cite(d, lines, start, cite, state.removals)) is not None:
            # The CITE line read is a continuation page's: the text begins on the first page,
            # and its REF lines stand above it there.
            body_start = refs_stop = first_page
    else:
        body_start = scan_header(d, lines, start)
    if d.get("kind") == "cia-cable":
        read_cia_boxes(d, lines, start, cite if cite is not None and cite >= start else body_start)
        to_rows_above_headquarters(d, lines, start)
        read_cia_refs_above(d, lines, start, refs_stop if cite is not None and cite >= start else body_start)
    elif not d.get("kind"):
        read_opening_reference(d, lines, start, body_start)
    read_body(d, lines, body_start, clean.text)  # ``lines`` are still clean_lines(clean) here
    return assemble(d, state, text, source)


def _utf8_of(text: str, data: str | bytes, raw_bytes: bytes) -> bytes | None:
    """``text``'s UTF-8 (``surrogatepass``) where the digest's bytes are exactly that, else None.
    Text input that decode handed back as it came (``text is data``: no line ends, NULs or length
    to mend, each of which makes a new string) was encoded so for the digest. Bytes input is
    not matched against its text here (a BOM dropped or a line end mended would part them)."""
    return raw_bytes if text is data else None


def _may_hold_incoming_form(text: str) -> bool:
    """Whether 'Rec' and 'NO' both stand within the first 20,000 characters of ``text``: the
    gate in front of ``read_incoming_form``.

    Asked as ``text.find(word, 0, 20000) >= 0`` asked it (what ``in text[:20000]`` asks, without
    a copy), but each word looked for by a pattern that opens with its first letter and asks the
    rest in a look-ahead: the regex engine's scan for one letter is faster than ``find``'s for
    the word, and 'Rec' is missing from nine born-digital cables in ten, each a full scan
    (~8.1 -> ~3.8 us/doc born-digital, ~2.8 -> ~2.4 OCR'd releases). Exact: a search bounded by
    ``endpos`` reads the text as if it ended there, look-ahead included, so it finds a word only
    where the word lies wholly within the first 20,000 characters, as the bounded ``find`` does."""
    return _REC_WORD.search(text, 0, 20000) is not None and _NO_WORD.search(text, 0, 20000) is not None


_REC_WORD = re.compile(r"R(?=ec)")
_NO_WORD = re.compile(r"N(?=O)")


def _settle_document_number(d: Draft, state, path: str | None) -> None:
    """Reconcile the page's (OCR'd) document number with the one the file is named after."""
    number, note = reconcile(state.release.doc_number, number_in_path(path))
    if note and state.release.doc_number:
        d.defect("possible-ocr-error", note)
    elif note:
        d.notes.append(note)
    state.release.doc_number = number


def _transcribed(lines, start: int) -> bool:
    """A FRUS text that reproduces the cable form itself (FM/TO lines, a DTG) within its first lines."""
    window = "\n".join(ln.text for ln in lines[start: start + 25])
    return bool(_CABLE_FORM.search(window))


_CABLE_FORM = re.compile(r"^\s*(?:FM|FROM)\s+[A-Z]{3}|^\s*(?:OUTGOING\s+|INCOMING\s+)?TELEGRAM\b|^\s*VZCZC"
                         r"|^\s*ACTION\s*:?\s+Am|^\s*Department\s+of\s+State\s+\d{3,6}\s*$", re.M)


__all__ = ["parse", "decode", "MAX_CHARS"]
