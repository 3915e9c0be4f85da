"""The body grammar's third-round shortcuts agree with the plain definitions they stand for.

read_body takes the body's lines joined as a slice of the clean text they were split from, where
the plain way joins them; the test compares the two for every start, in and out of range.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cablegram.parse import body
from cablegram.parse.draft import clean_lines

SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])

texts = st.text(alphabet="ab \n\t\xa0\u2028\x85\r", max_size=40)


class _Clean:
    """What clean_lines reads of a CleanText: its text and the text's lines."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.lines = text.split("\n")


@SETTINGS
@given(texts, st.integers(-3, 45))
def test_lines_joined_from_a_start_are_the_clean_text_sliced(text, start):
    lines = clean_lines(_Clean(text))
    plain = "\n" + "\n".join(ln.text for ln in lines[start:])
    assert body._joined_from(lines, start, text) == plain
    assert body._joined_from(lines, start, None) == plain
