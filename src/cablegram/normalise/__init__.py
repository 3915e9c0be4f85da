"""Normalisation: strip the release layer and page furniture, recording every removal.

``RULES`` is the chain, in order. Each entry is ``(name, rule)``; ``normalise(text, skip=...)``
switches rules off by name, which is how the tests isolate one rule and how a user can see what a
rule does (``cablegram parse --no-rule page-number``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from . import rules
from .state import CleanText, NormState, ReleaseFacts

Rule = Callable[[NormState], None]

RULES: tuple[tuple[str, Rule], ...] = (
    ("archive-row", rules.archive_rows),
    ("html-entity", rules.html_entities),
    ("markdown-page-marker", rules.markdown_page_markers),
    ("foia-banner", rules.foia_banners),
    ("crest-banner", rules.crest_banners),
    ("jfk-legend", rules.jfk_legends),
    ("jfk-case-line", rules.jfk_case_lines),
    ("systematic-review-stamp", rules.systematic_review_stamps),
    ("release-stamp", rules.release_stamps),
    ("reproduction-notice", rules.reproduction_notices),
    ("continuation-header", rules.continuation_headers),
    ("page-header", rules.teletype_page_headers),
    ("worksheet-box", rules.worksheet_boxes),
    ("page-banner", rules.page_banners),
    ("page-number", rules.page_numbers),
    ("stray-glyphs", rules.stray_glyphs),
    ("strike-mark", rules.strike_marks),
    ("pilcrow", rules.pilcrows),
    ("dehyphenate", rules.dehyphenate),
    ("rejoin", rules.rejoin_split_sentences),
    ("page-margin", rules.page_margins),
)

RULE_NAMES = tuple(name for name, _ in RULES)
_KNOWN_NAMES = frozenset(RULE_NAMES)  # (made once, not for every text normalised)


def normalise(text: str, skip: Iterable[str] = (), *, utf8: bytes | None = None) -> tuple[CleanText, NormState]:
    """Run the rule chain over ``text``; return the clean text (with its offset map) and the state.
    ``utf8``, where the caller has it, is the text's UTF-8 (``surrogatepass``), handed to the state."""
    skipped = set(skip)
    unknown = skipped - _KNOWN_NAMES
    if unknown:
        raise ValueError(f"unknown normalisation rule(s): {', '.join(sorted(unknown))}")
    state = NormState(text, utf8=utf8)
    for name, rule in RULES:
        if name not in skipped:
            rule(state)
    return state.build(), state


__all__ = ["RULES", "RULE_NAMES", "CleanText", "NormState", "ReleaseFacts", "normalise"]
