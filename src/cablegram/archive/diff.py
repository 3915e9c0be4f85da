"""The difference between two releases of one cable: paragraph by paragraph, what one withheld that the
other shows, and how their release layers (status, exemptions, dates, case and document numbers) differ.

Pure functions over two ``cablegram/1`` records; :meth:`Reader.releases` gives the records (within the
viewer's scope) and ``cablegram diff`` prints the result.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from typing import Any

__all__ = ["FieldDiff", "ParagraphDiff", "ReleaseDiff", "as_json", "as_text", "diff_releases", "pick", "withheld_marks"]

# What a release prints where it withholds text: FOIA exemptions ((b)(1), (b)(7)(C), B1, B6), E.O.
# categories (1.4(b)), CIA's 25X1, words, and blocks of X, rules or solid marks left by redaction.
_MARK = re.compile(
    r"\(\s*b\s*\)\s*\(\s*\d\s*\)(?:\(\s*[A-Fa-f]\s*\))?"
    r"|\bB\s?\d(?:\s?\([A-Fa-f]\))?(?![\w])"
    r"|\b1\.4\s*\(\s*[a-h]\s*\)"
    r"|\b25X\d\b"
    r"|\b(?:TEXT\s+)?(?:NOT\s+DECLASSIFIED|REDACTED|WITHHELD|DELETED|EXCISED|SANITIZED|DENIED)\b"
    r"|[X█■\-_*]{3,}",
    re.IGNORECASE,
)
_PORTION = re.compile(r"^\s*\(\s*(?:U|C|S|TS|LOU|SBU|NF|S/NF|C/NF)\s*\)\s*", re.IGNORECASE)
MIN_SHOWN_LETTERS = 12  # fewer letters than this beside the marks: the paragraph is withheld, not shown
SAME_RATIO = 0.9  # word-sequence similarity at or above which two readings are one text (OCR differences)

RELEASE_FIELDS = ("status", "exemptions", "e_o_categories", "release_date", "case_number", "doc_number",
                  "reviewer", "review_authority")
RECORD_FIELDS = ("id", "classification", "current_classification", "date")


@dataclass(frozen=True)
class FieldDiff:
    """One field of the release layer (or the record) in both releases."""

    field: str
    a: Any
    b: Any

    @property
    def same(self) -> bool:
        return self.a == self.b


@dataclass(frozen=True)
class ParagraphDiff:
    """One paragraph in both releases.

    Attributes:
        number: the paragraph's number, or None for unnumbered text.
        state: ``same``, ``differs`` (both show it, in words that differ), ``withheld-a`` / ``withheld-b``
            (that release withholds what the other shows), ``part-withheld-a`` / ``part-withheld-b`` (it
            shows part and marks the rest withheld), ``withheld-both``, ``only-a`` / ``only-b``.
        a, b: the paragraph's text in each release (None where it has no such paragraph).
        marks_a, marks_b: the withholding marks each prints in it (``(b)(1)``, ``B6``…).
    """

    number: int | None
    state: str
    a: str | None
    b: str | None
    marks_a: tuple[str, ...] = ()
    marks_b: tuple[str, ...] = ()


@dataclass(frozen=True)
class ReleaseDiff:
    """Two releases compared: their release layers and records (``fields``) and their paragraphs."""

    fields: tuple[FieldDiff, ...]
    paragraphs: tuple[ParagraphDiff, ...]

    @property
    def withheld(self) -> dict[str, int]:
        """How many paragraphs each release withholds (wholly or in part) that the other shows."""
        out = {"a": 0, "b": 0}
        for p in self.paragraphs:
            for side in ("a", "b"):
                if p.state in (f"withheld-{side}", f"part-withheld-{side}"):
                    out[side] += 1
        return out


def withheld_marks(text: str) -> tuple[str, ...]:
    """The withholding marks printed in a paragraph, in order, each once."""
    marks = (" ".join(m.group(0).split()) for m in _MARK.finditer(text))
    return tuple(dict.fromkeys(m.upper() if m[:1].isalpha() else m for m in marks))


def _shown_letters(text: str) -> int:
    return len(re.findall(r"[A-Za-z]", _MARK.sub(" ", _PORTION.sub("", text))))


def _words(text: str) -> list[str]:
    return re.findall(r"[A-Z0-9]+", _PORTION.sub("", text).upper())


def _similar(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, _words(a), _words(b), autojunk=False).ratio()


def _paragraphs(record: dict[str, Any]) -> list[tuple[int | None, str]]:
    paragraphs = record.get("paragraphs") or []
    if paragraphs:
        return [(p.get("number"), p.get("text") or "") for p in paragraphs]
    blocks = re.split(r"\n\s*\n", record.get("text") or "")
    return [(None, " ".join(b.split())) for b in blocks if b.strip()]


def _pairs(a: list[tuple[int | None, str]], b: list[tuple[int | None, str]]):
    """Align paragraphs: by number when every paragraph of both has one, else by text (difflib over the
    paragraphs' words, unmatched runs paired in order)."""
    if a and b and all(n is not None for n, _ in a + b):
        by_b = {n: t for n, t in b}
        by_a = {n: t for n, t in a}
        for n in sorted(set(by_a) | set(by_b)):
            yield n, by_a.get(n), by_b.get(n)
        return
    keys_a = [" ".join(_words(t)[:12]) for _, t in a]
    keys_b = [" ".join(_words(t)[:12]) for _, t in b]
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, keys_a, keys_b, autojunk=False).get_opcodes():
        left, right = a[i1:i2], b[j1:j2]
        for k in range(max(len(left), len(right))):
            pa = left[k] if k < len(left) else None
            pb = right[k] if k < len(right) else None
            yield (pa or pb)[0], pa[1] if pa else None, pb[1] if pb else None  # type: ignore[index]


def _state(a: str | None, b: str | None) -> str:
    if a is None or b is None:
        return "only-a" if b is None else "only-b"
    shown_a, shown_b = _shown_letters(a) >= MIN_SHOWN_LETTERS, _shown_letters(b) >= MIN_SHOWN_LETTERS
    if not shown_a and not shown_b:
        return "withheld-both" if withheld_marks(a) or withheld_marks(b) or not (a.strip() or b.strip()) else "same"
    if not shown_a:
        return "withheld-a"
    if not shown_b:
        return "withheld-b"
    if _similar(a, b) >= SAME_RATIO:
        return "same"
    marks_a, marks_b = withheld_marks(a), withheld_marks(b)
    if marks_a and len(_words(a)) < len(_words(b)):
        return "part-withheld-a"
    if marks_b and len(_words(b)) < len(_words(a)):
        return "part-withheld-b"
    return "differs"


def diff_releases(a: dict[str, Any], b: dict[str, Any]) -> ReleaseDiff:
    """Compare two ``cablegram/1`` records of one cable."""
    ra, rb = a.get("release") or {}, b.get("release") or {}
    fields = tuple(FieldDiff(f"release.{name}", ra.get(name), rb.get(name)) for name in RELEASE_FIELDS) + tuple(
        FieldDiff(name, a.get(name), b.get(name)) for name in RECORD_FIELDS)
    paragraphs = tuple(
        ParagraphDiff(n, _state(ta, tb), ta, tb, withheld_marks(ta or ""), withheld_marks(tb or ""))
        for n, ta, tb in _pairs(_paragraphs(a), _paragraphs(b)))
    return ReleaseDiff(fields, paragraphs)


# -- choosing and showing ---------------------------------------------------------------------------
def pick(releases: tuple[dict[str, Any], ...], choice: tuple[str, str] | None) -> tuple[dict[str, Any], dict[str, Any]]:
    """The two releases to compare (as :meth:`Reader.releases` lists them): ``choice`` names each by its
    record key (``r12``) or its place in the list (``1``, ``2``…); default the first two. Raises
    ``ValueError`` with a message for the user."""
    if len(releases) < 2 and choice is None:
        raise ValueError(f"the archive holds {len(releases)} release of this cable; there is nothing to compare")
    if choice is None:
        return releases[0], releases[1]
    by_key = {r["record"].lower(): r for r in releases}
    chosen = []
    for name in choice:
        name = name.strip().lower()
        if name in by_key:
            chosen.append(by_key[name])
        elif name.isdigit() and 1 <= int(name) <= len(releases):
            chosen.append(releases[int(name) - 1])
        else:
            listed = ", ".join(r["record"] for r in releases)
            raise ValueError(f"no release {name!r} of this cable; its releases are {listed} (or 1-{len(releases)})")
    if chosen[0] is chosen[1]:
        raise ValueError("the two releases named are one and the same")
    return chosen[0], chosen[1]


def as_json(cable: str | None, a: dict[str, Any], b: dict[str, Any], diff: ReleaseDiff) -> dict[str, Any]:
    """The JSON shape of ``cablegram diff --format json`` (documented in docs/cli.md)."""
    return {
        "ok": True, "cable": cable,
        "releases": [{"record": r["record"], "source": r["source"]} for r in (a, b)],
        "fields": [{"field": f.field, "a": f.a, "b": f.b, "same": f.same} for f in diff.fields],
        "paragraphs": [{"number": p.number, "state": p.state, "a": p.a, "b": p.b, "marks_a": list(p.marks_a),
                        "marks_b": list(p.marks_b)} for p in diff.paragraphs],
        "withheld": diff.withheld,
    }


def _value(v: Any) -> str:
    if v is None or v == [] or v == ():
        return "-"
    return " ".join(map(str, v)) if isinstance(v, (list, tuple)) else str(v)


def _clip(text: str | None, width: int = 110) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= width else text[:width - 1] + "…"


def as_text(cable: str | None, a: dict[str, Any], b: dict[str, Any], diff: ReleaseDiff, others: int = 0) -> str:
    """The difference for people: release layers side by side, then each paragraph that is not the same."""
    ka, kb = a["record"], b["record"]
    lines = [f"cable {cable or '(no canonical id)'}: {ka} vs {kb}", f"  {ka}: {a['source']}", f"  {kb}: {b['source']}"]
    if others:
        lines.append(f"  ({others} more release(s); choose with --releases)")
    lines += ["", f"{'':26} {ka:<36} {kb}"]
    for f in diff.fields:
        mark = " " if f.same else "*"  # the fields that differ
        lines.append(f"{mark} {f.field:<24} {_clip(_value(f.a), 36):<36} {_clip(_value(f.b), 36)}")
    counts = diff.withheld
    lines += ["", f"paragraphs: {len(diff.paragraphs)}; {ka} withholds {counts['a']} that {kb} shows, "
                  f"{kb} withholds {counts['b']} that {ka} shows"]
    for p in diff.paragraphs:
        if p.state == "same":
            continue
        label = f"{p.number}." if p.number is not None else "¶"
        state = {"differs": "differs", "withheld-both": "withheld in both"}.get(p.state) or (
            p.state[:-2].replace("-", " ") + f" in {ka if p.state.endswith('-a') else kb}")
        lines.append(f"  {label:<4} {state}")
        for key, text, marks in ((ka, p.a, p.marks_a), (kb, p.b, p.marks_b)):
            if text is None:
                continue
            if _shown_letters(text) < MIN_SHOWN_LETTERS:
                lines.append(f"       {key}: withheld ({' '.join(marks) or 'blank'})")
            else:
                lines.append(f"       {key}: {_clip(text)}" + (f"  [marks: {' '.join(marks)}]" if marks else ""))
    if all(p.state == "same" for p in diff.paragraphs):
        lines.append("  every paragraph is the same in both")
    return "\n".join(lines)
