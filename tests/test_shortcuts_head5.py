"""The header scanner's round-5 shortcuts agree with the plain definitions they stand for.

The table of rules by first character is checked against ``_rules_for`` (and ``_match_rule`` as a
whole against the plain loop in tests/test_shortcuts_head.py). The run of routed addresses is
checked end to end: the scanner with the run and the scanner with the run turned off (every line
through the loop) read the same headers into the same drafts.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cablegram.normalise import normalise
from cablegram.parse import header
from cablegram.parse.draft import Draft, clean_lines

SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])

ROUTED = ["RUEHLM/AMEMBASSY COLOMBO 6415", "RUEHC/SECSTATE WASHDC IMMEDIATE 6818", " RUEKJCS/JOINT STAFF WASHDC",
          "RUEHBUL/AMEMBASSY KABUL 3164 ", "REFS/X", "REFTEL/ABC", "RUEHX/A: B", "RUEHX/" + "X" * 95, "RUEHX/a b",
          "RUEHX/131503Z MAR 08", "RUEHX/AMEMBASSY X RUEHY/AMEMBASSY Y", "RUEHX/A; B", "\tRUEHQQ/SECDEF WASHDC",
          "RUEH/TOO SHORT", "RUEHABCDE/TOO LONG", "RUEHX/", "RUEHX/CONFIDENTIAL"]
OTHER = ["", " ", "  ", "DEPTEL", "X TEL", "CIRCULAR", "TO RUEHC/SECSTATE WASHDC", "INFO RUEHBJ/AMEMBASSY BEIJING 3078", "FM AMEMBASSY NEW DELHI",
         "XMT AMEMBASSY X", "AMCONSUL VLADIVOSTOK", "CONFIDENTIAL SECTION 01 OF 08 NEW DELHI 005135", "SIPDIS",
         "STATE FOR INR/B", "E.O. 12958: DECL: 07/11/2016", "TAGS: PREL PGOV", "SUBJECT: TALKS", "1. (C) TEXT.",
         "REF: STATE 1234", "O 210722Z JUL 06", "ACTION DEPARTMENT 631, INFORMATION LEOPOLDVILLE 535,", "NIACT 58 LONDON",
         "SS TO: Secretary of State", "NO: 631, October 15, 6 p.m.", "Action: SECSTATE; AMEMBASSY X;", "Info: RUEHX/Y",
         "SMART LIST ITEM;", "¶2. Text", "Rec'd: May 3, 1962", "DEPTEL 45.", "LONDON TEL 5", "CIRCULAR 4",
         "Leopoldville telegram 411", "The text goes on here in lower case with several words."]
# Routed addresses about the length where an address list stops taking them (90 characters stripped).
LONG_ROUTED = st.builds(lambda lead, n, tail: f"{lead}RUEHX/{'X' * n}{tail}", st.sampled_from(["", " ", "\t"]),
                        st.integers(78, 90), st.sampled_from(["", " ", "  ", " 1234"]))
routed = st.one_of(st.sampled_from(ROUTED), LONG_ROUTED)
# An address list: its label line, then addresses (the run's ground), now and then broken by another line.
address_lists = st.builds(lambda label, items: [label, *items],
                          st.sampled_from(["TO RUEHC/SECSTATE WASHDC", "INFO RUEHBJ/AMEMBASSY BEIJING 3078", "FM X",
                                           "XMT AMEMBASSY X", "TO", "INFO"]),
                          st.lists(st.one_of(routed, routed, routed, st.sampled_from(OTHER)), min_size=1, max_size=10))
headers = st.lists(st.one_of(address_lists, st.lists(st.one_of(routed, st.sampled_from(OTHER)), max_size=4)),
                   min_size=1, max_size=5).map(lambda groups: [line for group in groups for line in group])


def _scan(texts: list[str], incoming_form: bool):
    clean = normalise("\n".join(texts))[0]
    d = Draft(clean)
    d.set("incoming_form", incoming_form or None)  # (what read_incoming_form says before the scanner)
    lines = clean_lines(clean)
    end = header.scan_header(d, lines, 0)
    return end, d.values, d.spans, d.defects


@SETTINGS
@given(headers, st.booleans())
def test_the_routed_run_reads_what_the_loop_reads_line_by_line(texts, incoming_form):
    fast = _scan(texts, incoming_form)
    run = header._routed_run
    header._routed_run = lambda lines, i, limit, parts: i  # every line through the loop
    try:
        plain = _scan(texts, incoming_form)
    finally:
        header._routed_run = run
    assert repr(fast) == repr(plain)


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
