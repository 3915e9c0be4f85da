"""The REF line looked for above a CIA cable's CITE line: the scan that finds the lines worth
asking (``cia_opening._first_ref_label``) finds what asking every line in turn finds."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from shortcut_support import clines

from cablegram.parse.agencies import cia_opening

SETTINGS = settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _plain_first_ref_label(lines, start: int, stop: int) -> int | None:
    """Every line asked in turn, as the reader first did."""
    for k in range(start, min(len(lines), stop + cia_opening._WINDOW)):
        text = lines[k].text.strip()
        if k >= stop and cia_opening._PARAGRAPH.match(text):
            return None
        if text and (cia_opening._REF.match(text) or cia_opening._garbled_ref_label(text)
                     or cia_opening._garbled_label_alone(lines, k)):
            return k
    return None


# Lines of every kind the two readings tell apart: REF labels in any case and garbled, items with
# known and unknown codes, specks and blanks before them, paragraph numbers, and prose.
_LINE = st.one_of(
    st.sampled_from(["REF: DIR 12345", "  REF:", "re: MEXI 5060", "| REFS: A. WAVE 4369", "REP: PARI 7522 (IN 22381)",
                     "FE DIR 85133", "TO MEXI 1234", "PETS: A. MEXI 3565", "RE MADR 9893", "REFERENCE MADE", "rEF",
                     "1. TEXT OF THE CABLE.", "  2. MORE TEXT.", "CITE DIR 1234", "", "   ", "RYBAT GPFLOOR",
                     "\u2022 REF: DIR 1", "\tRe: x", "AB\u00a0MEXI 123", "ZZ: B DIR 27924", "REES:", "ESP'S:",
                     "A.", "NOTE:", "A. ROME 9425", "B.", "ROME"]),
    st.text(alphabet="REFPSDIMXAB:.;,() \t\u00a00123456789|\u2022aer", max_size=24),
)


@SETTINGS
@given(st.lists(_LINE, min_size=1, max_size=30), st.integers(0, 35), st.integers(0, 35))
def test_the_scanned_lines_give_the_first_ref_label_every_line_asked_gives(texts, start, stop):
    lines = clines(texts)
    text = "\n".join(texts)
    start = min(start, len(lines) - 1)
    assert cia_opening._first_ref_label(text, lines, start, stop) == _plain_first_ref_label(lines, start, stop)
