"""The normalisation rules, one small function each, applied in the order of ``RULES``.

Each rule takes the :class:`NormState`, removes what it recognises (recording every removal under
its own name), and lifts release facts into ``state.release``. Rules match the *form* of a piece of
furniture as the spec describes it (``shared/spec/telegram-format.md`` §7–8), tolerating the OCR
noise catalogued there; none is tuned to one document.

The rules live by family:

- ``release``: the release layer (FOIA and CREST banners, release and review stamps, reproduction notices);
- ``jfk``: the JFK collection's legends and the broken tails of them;
- ``page``: page furniture (markdown markers, page headers, banners, page numbers, boxes, debris, margins);
- ``repair``: text repair (HTML entities, strike marks, pilcrows, dehyphenation, rejoined sentences);
- ``archive``: an archive's export format around the cable (the Cablegate database's rows);
- ``common``: what several families share.
"""

from __future__ import annotations

from .archive import archive_rows
from .jfk import jfk_case_lines, jfk_legends
from .page import (continuation_headers, markdown_page_markers, page_banners, page_margins, page_numbers, stray_glyphs,
                   teletype_page_headers, worksheet_boxes)
from .release import crest_banners, foia_banners, release_stamps, reproduction_notices, systematic_review_stamps
from .repair import dehyphenate, html_entities, pilcrows, rejoin_split_sentences, strike_marks

# The candidate scans and gates that ``tests/test_shortcuts.py`` checks against their plain
# definitions, reached there as ``rules.<name>``.
from .jfk import _CASE_TAIL_CANDIDATE, _JFK_CANDIDATE, _jfk_candidates  # noqa: F401
from .page import _BANNER_CANDIDATE, _DEBRIS_CANDIDATE, _OF, _PAGE, _PAGE_NUMBER_CANDIDATE, _UNDERSCORES  # noqa: F401
from .release import _stamp_lines  # noqa: F401
from .repair import _HYPHEN_END, _HYPHEN_EOL, _TILDES, _WORD_HYPHEN_EOL, _DocumentWords  # noqa: F401

__all__ = [
    "archive_rows", "continuation_headers", "crest_banners", "dehyphenate", "foia_banners", "html_entities", "jfk_case_lines",
    "jfk_legends", "markdown_page_markers", "page_banners", "page_margins", "page_numbers", "pilcrows", "rejoin_split_sentences",
    "release_stamps", "reproduction_notices", "stray_glyphs", "strike_marks", "systematic_review_stamps",
    "teletype_page_headers", "worksheet_boxes",
]
