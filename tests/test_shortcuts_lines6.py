"""The sixth round's shortcuts in the body grammar and the clean text agree with the plain
definitions they stand for."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cablegram.normalise.state import ascii_case_view
from cablegram.parse import body

SETTINGS = settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Pieces of the word in both cases and mixed, with letters that fold into ASCII under re.I or
# lie beyond Latin-1 (ſ, K, İ, é, ł), so that views of every kind (and none) are met.
pieces = st.sampled_from(["lassif", "LASSIF", "Lassif", "lASSIF", "lass", "IF", "ſ", "K", "İ", "é", "ł", " ", "\n", "x"])
texts = st.lists(pieces, max_size=16).map("".join)


@SETTINGS
@given(texts, st.lists(st.integers(min_value=0, max_value=120), max_size=8))
def test_word_seen_clears_only_ranges_without_the_word(text, cuts):
    # The text cut into consecutive ranges, asked in order as read_body asks its paragraphs.
    bounds = sorted({min(c, len(text)) for c in cuts} | {0, len(text)})
    seen = body._WordSeen(ascii_case_view(text), b"LASSIF")
    for start, end in zip(bounds, bounds[1:]):
        part = text[start:end]
        if "lassif" in part or "LASSIF" in part:
            assert seen.within(start, end)
        else:
            seen.within(start, end)  # may be True (another case, or no view): asked as before
