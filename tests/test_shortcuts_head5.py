"""The header scanner's round-5 shortcuts agree with the plain definitions they stand for.

The table of rules by first character is checked against ``_rules_for`` (and ``_match_rule`` as a
whole against the plain loop in tests/test_shortcuts_head.py).
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cablegram.parse import header

SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def test_the_dispatch_table_holds_the_rules_for_each_ascii_first_character_and_gates():
    for code in range(128):
        written = chr(code)
        for mask in range(1 << len(header._GATED)):
            held = tuple(bool(mask >> k & 1) for k in range(len(header._GATED)))
            assert header._DISPATCH[written][mask] == tuple(header._rules_for(written.upper(), held)), (written, held)


@SETTINGS
@given(st.one_of(st.characters(min_codepoint=128), st.sampled_from(list("•“‘’”ТÉ°¢—¶ſıßﬁKİŉǰ"))),
       st.text(alphabet="Zz:09 \xa0٣", max_size=4))
def test_rules_outside_ascii_are_the_rules_for_the_upper_case(written, tail):
    line = written + tail
    assert tuple(header._rules_outside_ascii(written, line)) == \
        tuple(header._rules_for(written.upper(), header._gates_held(line)))
