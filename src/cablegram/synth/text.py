"""Paragraph text and subject lines for synthetic telegrams, from the word lists of ``words``.

A sentence is one of 13 templates whose slots are filled from lists of tens to hundreds of
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


_CAP_OFFICIALS = tuple(map(_cap, W.OFFICIALS))
_CAP_US_SIDE = tuple(map(_cap, W.US_SIDE))
_LOWER_FACT_SUBJECTS = tuple(s.lower() for s in W.FACT_SUBJECTS)

# The sentence templates: a %-format and the phrase list of each slot, filled left to right. Case
# changes (an official opening a sentence is capitalised) are made once, on the lists, not per draw.
_TEMPLATES: tuple[tuple[str, tuple[tuple[str, ...], ...]], ...] = (
    ("%s, %s %s %s about %s.", (W.TIME_PHRASES, W.US_SIDE, W.ACTIONS_PAST, W.OFFICIALS, W.TOPICS)),
    ("%s %s, %s.", (_CAP_OFFICIALS, W.ATTITUDES, W.REASONS)),
    ("%s %s %s.", (W.FACT_SUBJECTS, W.FACT_VERBS, W.FACT_CLAUSES)),
    ("%s %s, %s.", (W.COMMENTS, W.OUTCOMES, W.REASONS)),
    ("%s %s %s on %s.", (W.CONNECTIVES, W.OFFICIALS, W.ATTITUDES, W.TOPICS)),
    ("%s %s before %s %s %s.", (W.REQUESTS, W.TOPICS, W.US_SIDE, _MEETS, W.OFFICIALS)),
    ("%s said that %s %s were affected by %s.", (_CAP_OFFICIALS, W.NUMBERS_WORDS, W.UNITS, W.TOPICS)),
    ("%s noted that %s, %s.", (_CAP_OFFICIALS, W.FACT_CLAUSES, W.REASONS)),
    ("Asked about %s, %s %s.", (W.TOPICS, W.OFFICIALS, W.ATTITUDES)),
    ("%s stressed that the United States %s %s.", (_CAP_US_SIDE, _STANCES, W.TOPICS)),
    ("According to %s, %s.", (_LOWER_FACT_SUBJECTS, W.FACT_CLAUSES)),
    ("%s %s will %s %s %s.", (W.COMMENTS, W.OFFICIALS, _FUTURES, W.TOPICS, W.REASONS)),
    ("%s %s %s %s.", (W.CONNECTIVES, _LOWER_FACT_SUBJECTS, W.FACT_VERBS, W.OUTCOMES)),
)


def _compile(form: str, slots: tuple[tuple[str, ...], ...]):
    """``form`` as a function of ``random``: ``form % (P0[int(random() * len(P0))], ...)``, the
    lists and their lengths written in as constants (a sentence is the corpus's innermost loop)."""
    scope = {f"P{i}": phrases for i, phrases in enumerate(slots)}
    picks = ", ".join(f"P{i}[int(r() * {len(phrases)})]" for i, phrases in enumerate(slots))
    exec(f"def fill(r):\n    return {form!r} % ({picks},)", scope)  # noqa: S102 - built from the tables above
    return scope["fill"]


_FILLS = tuple(_compile(form, slots) for form, slots in _TEMPLATES)


def sentence(rng: Random) -> str:
    """One sentence of reporting prose: a template, then one phrase per slot, left to right."""
    r = rng.random
    return _FILLS[int(r() * len(_FILLS))](r)


def paragraph(rng: Random, upper: bool, lo: int = 1, hi: int = 6) -> str:
    """A paragraph of ``lo``..``hi`` sentences (skewed towards short ones)."""
    n = min(hi, lo + (rng.random() < 0.75) + int(rng.expovariate(0.8)))
    text = " ".join([sentence(rng) for _ in range(n)])
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
