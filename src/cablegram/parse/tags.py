"""TAGS lines: the codes in order as written, person tags in brackets, run-together codes split
against the lexicon, digits OCR read for letters, and a subject written in words kept whole."""

from __future__ import annotations

import re

from ..vocab import tables

# Items of a TAGS line written with commas or semicolons.
_COMMA_OR_SEMICOLON = re.compile(r"[,;]")
_PERSON_TAG = re.compile(r"\(([^()]*)\)")


def tags(text: str) -> tuple[list[str], bool]:
    """TAGS = code {[,] code} with person tags ``OVIP (SURNAME, NAME)``; returns (codes, corrected),
    corrected when run-together codes were split or digits read as letters."""
    s = " ".join(text.split()).strip(" ,;.")
    if not s:
        return [], False
    out: list[str] = []
    segmented = False
    # Person tags in parentheses: OVIP (VANCE, CYRUS)
    if "(" in s:  # (no parenthesis, nothing to rewrite: the common line skips the substitution)
        s = _PERSON_TAG.sub(lambda m: "," + m[1].replace(",", "\u0001") + ",", s)
    split_on_blanks = not ("," in s or ";" in s)
    lexicon = tables.tags()
    items = _phrases_kept(s.split(), lexicon) if split_on_blanks else [i.strip() for i in _COMMA_OR_SEMICOLON.split(s)]
    for item in items:
        item = item.replace("\u0001", ",").strip(" .")
        if not item:
            continue
        if split_on_blanks and (code := item.upper()) in lexicon:
            # The common item, a known code. Items split on blanks are one word each (a phrase
            # kept whole is no code), and for one known word every branch below comes to
            # appending it as it stands.
            out.append(code)
            continue
        words = item.split()
        if len(words) > 1 and all(w.upper() in lexicon for w in words):
            out.extend(w.upper() for w in words)
            continue
        code = item.upper()
        if len(words) == 1 and code not in lexicon and (fixed := _ocr_tag(code)):
            out.append(fixed)
            segmented = True
            continue
        if len(words) == 1 and code not in lexicon and len(code) > 4 and code.isalpha():
            parts = segment_tags(code)
            if parts:
                out.extend(parts)
                segmented = True
                continue
        out.append(code if len(words) == 1 else item.upper())
    return out, segmented


def _phrases_kept(words: list[str], lexicon) -> list[str]:
    """The items of a TAGS line written without commas, a subject written in words kept whole:
    a run of two or more words that are no codes, one of which no split into codes reads
    ('POLITICAL PARTIES', 'COUNTER TERRORISM': COUNTER alone would split into CO and UNTER)."""
    if all(w.upper() in lexicon for w in words):
        return words  # (the common line: nothing to join)
    items: list[str] = []
    run: list[str] = []
    for word in words + [""]:
        if word and word.upper().strip(" .") not in lexicon:
            run.append(word)
            continue
        if len(run) > 1 and any(len(w) > 4 and w.isalpha() and not segment_tags(w.upper()) for w in run):
            items.append(" ".join(run))
        else:
            items.extend(run)
        run = []
        if word:
            items.append(word)
    return items


_TAG_LETTERS = {"0": "O", "1": "I", "5": "S", "8": "B", "2": "Z"}


def _ocr_tag(code: str) -> str | None:
    """A code with digits read for letters (``01IP`` -> ``OIIP``), when exactly one reading is known."""
    if not 2 <= len(code) <= 5 or code.isalpha() or not any(c.isalpha() for c in code):
        return None
    readings = {"".join(_TAG_LETTERS.get(c, c) for c in code)}
    readings |= {r.replace("I", "L") for r in readings}
    known = [r for r in readings if r.isalpha() and r in tables.tags()]
    return known[0] if len(known) == 1 else None


def segment_tags(run: str) -> list[str] | None:
    """Split run-together codes (``MASSMNUC``) into known codes, or None when no full split exists."""
    lexicon = tables.tags()
    best: dict[int, list[str]] = {0: []}
    for i in range(len(run)):
        if i not in best:
            continue
        for size in (4, 2, 3, 5):
            piece = run[i: i + size]
            if len(piece) == size and piece in lexicon and (i + size) not in best:
                best[i + size] = best[i] + [piece]
    parts = best.get(len(run))
    # A run of two-letter country codes alone is as likely a word ('POLITICS': PO LI TI CS): a run
    # of codes glued together holds a subject code of three letters or more ('MASSMNUC', 'PRELUS').
    return parts if parts and any(len(p) > 2 for p in parts) else None
