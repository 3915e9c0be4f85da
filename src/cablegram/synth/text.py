"""Paragraph text and subject lines for synthetic telegrams, from the word lists of ``words``.

A sentence is one of a dozen templates whose slots are filled from lists of tens to hundreds of
phrases, so two paragraphs of a large corpus are almost never the same. Case follows the era:
teletype copies (1970s, Department worksheets before 1995) are upper case, later text is mixed.
"""

from __future__ import annotations

from random import Random

from . import words as W

_STANCES = ("remains committed to", "has serious concerns about", "strongly supports", "cannot accept further delay in",
            "is prepared to help with", "is watching closely", "wants early progress on", "has no position yet on")
_QUALIFIERS = ("", "", "", "NEW ", "RENEWED ", "FURTHER ", "STALLED ", "REVISED ", "PROPOSED ", "DELAYED ",
               "CONTINUING ", "POSSIBLE ", "RECENT ", "FINAL ")
_MEETS = ("meets", "calls on", "briefs", "sees", "writes to", "visits")
_FUTURES = ("raise", "revisit", "settle", "postpone", "reconsider", "announce a decision on", "seek help with")


def _cap(s: str) -> str:
    return s[0].upper() + s[1:]


def sentence(rng: Random) -> str:
    """One sentence of reporting prose."""
    r = rng.random

    def c(seq):
        return seq[int(r() * len(seq))]

    k = int(r() * 13)
    if k == 0:
        s = f"{c(W.TIME_PHRASES)}, {c(W.US_SIDE)} {c(W.ACTIONS_PAST)} {c(W.OFFICIALS)} about {c(W.TOPICS)}."
    elif k == 1:
        s = f"{_cap(c(W.OFFICIALS))} {c(W.ATTITUDES)}, {c(W.REASONS)}."
    elif k == 2:
        s = f"{c(W.FACT_SUBJECTS)} {c(W.FACT_VERBS)} {c(W.FACT_CLAUSES)}."
    elif k == 3:
        s = f"{c(W.COMMENTS)} {c(W.OUTCOMES)}, {c(W.REASONS)}."
    elif k == 4:
        s = f"{c(W.CONNECTIVES)} {c(W.OFFICIALS)} {c(W.ATTITUDES)} on {c(W.TOPICS)}."
    elif k == 5:
        s = f"{c(W.REQUESTS)} {c(W.TOPICS)} before {c(W.US_SIDE)} {c(_MEETS)} {c(W.OFFICIALS)}."
    elif k == 6:
        s = f"{_cap(c(W.OFFICIALS))} said that {c(W.NUMBERS_WORDS)} {c(W.UNITS)} were affected by {c(W.TOPICS)}."
    elif k == 7:
        s = f"{_cap(c(W.OFFICIALS))} noted that {c(W.FACT_CLAUSES)}, {c(W.REASONS)}."
    elif k == 8:
        s = f"Asked about {c(W.TOPICS)}, {c(W.OFFICIALS)} {c(W.ATTITUDES)}."
    elif k == 9:
        s = f"{_cap(c(W.US_SIDE))} stressed that the United States {c(_STANCES)} {c(W.TOPICS)}."
    elif k == 10:
        s = f"According to {c(W.FACT_SUBJECTS).lower()}, {c(W.FACT_CLAUSES)}."
    elif k == 11:
        s = f"{c(W.COMMENTS)} {c(W.OFFICIALS)} will {c(_FUTURES)} {c(W.TOPICS)} {c(W.REASONS)}."
    else:
        s = f"{c(W.CONNECTIVES)} {c(W.FACT_SUBJECTS).lower()} {c(W.FACT_VERBS)} {c(W.OUTCOMES)}."
    return s


def paragraph(rng: Random, upper: bool, lo: int = 1, hi: int = 6) -> str:
    """A paragraph of ``lo``..``hi`` sentences (skewed towards short ones)."""
    n = min(hi, lo + (rng.random() < 0.75) + int(rng.expovariate(0.8)))
    text = " ".join(sentence(rng) for _ in range(n))
    return text.upper() if upper else text


def comment(rng: Random, upper: bool) -> str:
    text = f"Comment: {sentence(rng)} {sentence(rng)} End comment."
    return text.upper() if upper else text


def subject(rng: Random, place: str | None, upper: bool) -> str:
    """A subject line: ``[PLACE: ]HEAD NOUN`` (``HUNGARY: VIEWS OF THE FOREIGN MINISTER ON …``)."""
    c = rng.choice
    k = rng.randrange(4)
    if k == 0:
        s = f"{c(W.SUBJECT_HEADS)} {c(_QUALIFIERS)}{c(W.SUBJECT_NOUNS)}"
    elif k == 1:
        s = f"{c(W.SUBJECT_HEADS)} {c(W.OFFICIALS).upper().removeprefix('THE ')} ON {c(W.SUBJECT_NOUNS)}"
    elif k == 2:
        s = f"{c(W.SUBJECT_NOUNS)}: {c(W.SUBJECT_HEADS)} {c(W.SUBJECT_NOUNS)}"
    else:
        s = f"{c(W.SUBJECT_NOUNS)} AND {c(W.SUBJECT_NOUNS)}"
    if place and rng.random() < 0.6:
        s = f"{place.upper()}: {s}"
    return s if upper else _mixed(s)


_SMALL = {"OF", "ON", "AND", "FOR", "TO", "THE", "IN", "WITH", "ABOUT", "A"}


def _mixed(s: str) -> str:
    out = []
    for i, w in enumerate(s.split(" ")):
        if i and w in _SMALL:
            out.append(w.lower())
        elif len(w) <= 3 and w.isalpha() and w not in _SMALL:
            out.append(w)  # acronyms (IMF, MFA) stay upper case
        else:
            out.append(w[:1] + w[1:].lower())
    return " ".join(out)
