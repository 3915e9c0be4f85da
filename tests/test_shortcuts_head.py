"""The header scanner's shortcuts agree with the plain definitions they stand for.

Each fast path of ``parse.header``, ``header_blocks`` and ``forms`` (a line settled before its rules
are tried, a literal or pattern gate before a split or a scan) is checked here against the plain
way of asking the same question, on lines built to reach the edges: the header's own lines, routed
addresses with every kind of tail, characters that ``re.I`` folds into ASCII letters, blanks of
every kind.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cablegram.parse import header, header_blocks, opening
from cablegram.parse.header_blocks import Scan
from cablegram.vocab import tables

SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])

ODD = "ßıİſKﬁ\x85\xa0\u2003\u2028’\x1c"
HEADER_WORDS = ["RUEHC/SECSTATE", "RUEHLM/AMEMBASSY", "RR", "RUEHWEB", "REF", "REFS", "REFTEL", "REF(S)", "REFERENCE",
                "Reference:", "Rec'd:", "ROUTINE", "PRIORITY", "IMMEDIATE", "RECD", "O", "R", "Z", "131503Z", "MAR", "08",
                "16 Apr 69 2343Z", "AUG 69 0106Z", "COLOMBO", "6415", "0452", "EUR/SOV:JSMITH:LW", "S/S-O:", "SUBJECT:",
                "TAGS:", "E.O.", "12958:", "SECRET", "C O N F I D E N T I A L", "UNCLAS", "SECTION 01 OF 03", "TO", "INFO",
                "FM", "VZCZC", "DE", "ZNY", "CCCCC", "/", ":", ";", ".", "1.", "(C)", "SIPDIS", "NODIS", "ſ", "ı", "K"]
SEPARATORS = [" ", "  ", "\t", "", "/", "\xa0", "\u2003"]
# Whole header lines, the rules' own forms (those opening with R most: the routed-address shortcut
# stands before them).
HEADER_LINES = ["RR RUEHWEB", "RR RUEHC RUEHTU", "REF: STATE 1234", "REFTEL. X", "REFS; A", "REF(S): B", "ROUTINE MOSCOW",
                "RUEHTU RUEHAS", "Rec'd: May 3, 1962", "Reference: 11 STATE 12", "R 0812z feb 77", "R 131503Z MAR 08",
                "RUEHC/SECSTATE: X", "RUEHLM/AMEMBASSY COLOMBO 6415", "ROME 1234", "RABAT 0580", "RIGA: JONES",
                "O 131503Z MAR 08", "16 Apr 69 2343Z", "AUG 69 0106Z", "TEHRAN 0668", "STATE 163147 ", "EUR/SOV:JSMITH:LW",
                "S/S-O: DWILSON", "SUBJECT: TALKS", "TAGS: PGOV", "E.O. 12958: N/A", "UNCLAS KINGSTON 000382",
                "C O N F I D E N T I A L SECTION 01 OF 03 TRIPOLI 000220", "FM AMEMBASSY X", "TO SECSTATE WASHDC",
                "INFO RUEHAS/AMEMBASSY ALGIERS 0629", "VZCZCXRO4024", "DE RUEHTRO #0220/01 0731503", "ZNY CCCCC ZZH",
                "BT", "PRIORITY 4711\u2003", "MOSCOW 12\xa0", "DRAFTED BY: X", "Classified By: Y"]
words = st.one_of(st.sampled_from(HEADER_WORDS), st.text(alphabet="RUEHCabcXYZ0159 -./:;" + ODD, max_size=5))
lines = st.one_of(
    st.lists(st.tuples(words, st.sampled_from(SEPARATORS)), min_size=1, max_size=8).map(
        lambda parts: "".join(w + s for w, s in parts)),
    st.builds(lambda lead, line, tail: lead + line + tail, st.sampled_from(["", " ", "\t", "\xa0"]),
              st.sampled_from(HEADER_LINES), st.sampled_from(["", " ", "  ", ".", " X", ":", "/", " 12"])))
routed = st.builds(lambda lead, ri, tail: lead + "R" + ri + "/" + tail,
                   st.sampled_from(["", " ", "   ", "\t", "\xa0"]),
                   st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZ", min_size=3, max_size=7), lines)
scans = st.builds(lambda block, subject, envelope: Scan(block=block, seen_subject=subject, in_envelope=envelope),
                  st.sampled_from([None, "TO", "INFO", "XMT", "FM", "SUBJECT", "REF", "CLASSBY", "PASS", "TAGS"]),
                  st.booleans(), st.booleans())


def _match_rule_plainly(text: str, s: Scan):
    """The first rule that takes the line, every rule for its first character tried in turn."""
    stripped = text.lstrip()
    if not stripped:
        return None
    first = stripped[0].upper()
    for name, pattern, handler in header.LINE_RULES:
        if header._FIRST[name] is not None and first not in header._FIRST[name]:
            continue
        m = pattern.match(text)
        if not m:
            continue
        if name == "class-line" and not header._is_class_line(m):
            continue
        if name == "mrn-line" and (s.block in ("REF", "SUBJECT", "TO", "INFO", "XMT")
                                   or " ".join(m["station"].split()) not in tables.stations()):
            continue
        if name == "routing-continuation" and (s.seen_subject or s.block is not None or not s.in_envelope):
            continue
        if name in ("fm", "to", "info", "xmt", "mrn-line", "worksheet-address", "office-line") and (
                s.seen_subject or s.block in ("SUBJECT", "REF", "CLASSBY", "PASS")):
            continue
        return name, m.span()
    return None


@SETTINGS
@given(st.one_of(lines, routed), scans)
def test_match_rule_takes_the_rule_the_plain_loop_takes(line, s):
    line = line.replace("\n", " ")
    got = header._match_rule(line, s)
    assert (got and (got[0], got[1].span())) == _match_rule_plainly(line, s)


@SETTINGS
@given(routed)
def test_no_rule_pattern_matches_a_routed_address_without_a_colon(line):
    if ":" in line or not header._ROUTED_ADDRESS.match(line):
        return
    assert [name for name, pattern, _ in header.LINE_RULES if pattern.match(line)
            and (header._FIRST[name] is None or "R" in header._FIRST[name])] == []


@SETTINGS
@given(st.one_of(lines, routed, st.lists(routed, max_size=3).map(" ".join)))
def test_split_addresses_is_the_plain_split(text):
    plain = [p for p in text.split(";") if p.strip()] if ";" in text else \
        [p for p in header_blocks._BEFORE_ROUTING.split(text) if p.strip()]
    assert header_blocks.split_addresses(text) == plain


@SETTINGS
@given(st.one_of(lines, routed))
def test_gates_held_are_the_gates_asked_one_by_one(line):
    assert header._gates_held(line) == tuple(header._NEEDS[name](line) for name in header._GATED)


def _continues_plainly(s: Scan, text: str) -> bool:
    """Whether an address block goes on with the line, as ``_continues`` asked it before routed
    addresses were settled by their shape."""
    t = text.strip()
    if header.LABEL.match(text):
        return False
    return bool(header.ADDRESS_LINE.match(t)) and not header.CLASS_LINE.match(t) and not header.DTG_LINE.match(t) \
        and len(t) < 90


ROUTINGS = ["REFS", "REFTEL", "REFTELS", "REFX", "REF", "RUEHC", "REFERENC", "RO", "RUEHTRO"]
routed_any = st.builds(lambda lead, ri, tail: lead + ri + "/" + tail,
                       st.sampled_from(["", " ", "\t", "\xa0"]),
                       st.one_of(st.sampled_from(ROUTINGS), st.text(alphabet="REFSTLABCZ", min_size=1, max_size=8)),
                       st.one_of(lines, st.sampled_from(["SECSTATE WASHDC", "AMEMBASSY X 0452", "X" * 95, "131503Z MAR 08"])))


@SETTINGS
@given(st.one_of(routed_any, routed, lines), st.sampled_from(["TO", "INFO", "XMT", "FM"]))
def test_address_block_continues_as_the_plain_tests_say(line, block):
    line = line.replace("\n", " ")
    assert header._continues(Scan(block=block, block_parts=[(0, 1, "X")]), line) == _continues_plainly(Scan(), line)


OPENINGS = ["DEPTEL 45.", "DEPTELS 12", "EMBTEL 715", "CONTEL 113", "CIRTEL 9", "CIRCULAR 4", "Leopoldville telegram 411",
            "LONDON TEL 5", "Paris's tel 12", "RE: DEPTEL 3", "REF DEPTEL 3", "..DEPTEL 1", "Deptel 4", "DEPTEl 4"]


@SETTINGS
@given(st.one_of(st.sampled_from(OPENINGS), st.builds(lambda a, b: a + " " + b, st.sampled_from(OPENINGS), lines), lines))
def test_opening_reference_gate_holds_wherever_the_pattern_matches(line):
    text = line.strip()
    if opening._OPENING.match(text):
        assert "TEL" in text or "tel" in text or "CIRCULAR" in text


# Routed addresses with every kind of lead (up to and past the 400 characters the rules read) and tail.
routed_lines = st.builds(lambda lead, ri, tail: lead + ri + "/" + tail,
                         st.one_of(st.sampled_from(["", " ", "\t", "\xa0", " " * 392, " " * 396, " " * 400]),
                                   st.text(alphabet=" \t\xa0\u2003", max_size=4)),
                         st.sampled_from(["RUEHC", "RUEHLM", "REFS", "REFTEL", "REFTELS", "RABC", "RUEKJCS", "ROMEX"]),
                         st.one_of(lines, st.sampled_from(["AMEMBASSY COLOMBO 6415", "SECSTATE: X", "X" * 95,
                                                          "131503Z MAR 08", ""])))


@SETTINGS
@given(st.one_of(routed_lines, lines, routed), st.sampled_from(["TO", "INFO", "XMT", "FM"]), st.booleans())
def test_a_routed_address_in_an_address_list_is_settled_as_the_rules_and_continues_say(line, block, subject):
    line = line.replace("\n", " ")
    s = Scan(block=block, block_parts=[(0, 1, "X")], seen_subject=subject)
    routed = header._ROUTED_ADDRESS.match(line, 0, 400) if ":" not in line else None
    if routed is None:
        return
    assert header._match_rule(line[:400], s) is None
    assert header._continues(s, line, routed) == header._continues(s, line)
