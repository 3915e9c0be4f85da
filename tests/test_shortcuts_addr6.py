"""The round-6 shortcuts of the addressee and REF readers agree with the plain definitions.

``_name_and_precedence`` cuts its anchored patterns as matches, and tries them only on lines that
open with their literal (or hold a comma); the plain form is the chain of substitutions it replaced.
"""

from __future__ import annotations


from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cablegram.parse import fields as F

SETTINGS = settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])

_PARTS = ["ZEN", "ZEN/", "ZEN /", "ZEN / ", "AM", "AMEMBASSY", "AMEMDASSY", "AMEBASSY", "AMMBASSY", "AMXYZBASSY",
          "AMCONSUL", "USMISSION", "SECSTATE", "WASHDC", "KABUL", ",", ", ", " ", ".", ";", "/", "-", "IMMEDIATE",
          "PRIORITY", "niact immediate", "Flash", "ROUTINE", "PRIOITY", "AmEmbassy", "zen", "ı", "ſ", "é", "\t"]
lines = st.lists(st.one_of(st.sampled_from(_PARTS), st.text(alphabet="AZEMNBDSY ,./-", max_size=4)),
                 max_size=8).map("".join)


def _plain_name_and_precedence(s: str) -> tuple[str, str | None]:
    """``_name_and_precedence`` as it was before round 6: every pattern by substitution."""
    prec = None
    if m := F._TRAILING_PRECEDENCE.search(s):
        prec = F.precedence_word(m[1])
        s = s[: m.start()]
    s = s.strip(" ,;.").upper()
    s = F._ZEN.sub("", s)
    s = F._AMEMBASSY_MISREAD.sub("AMEMBASSY", s)
    s = F._POST_COMMA.sub(r"\1 ", s)
    if m := F._POST_FIRST.fullmatch(s):
        s = f"{m[2]} {m[1]}"
    return s, prec


@SETTINGS
@given(lines)
def test_name_and_precedence_reads_what_the_substitutions_read(s):
    assert F._name_and_precedence.__wrapped__(s) == _plain_name_and_precedence(s)


def test_name_and_precedence_on_known_forms():
    for s in ["ZEN/AMEMBASSY KABUL", "AMEMDASSY LAGOS", "AmEmbassy, LAGOS", "WASHDC, SECSTATE IMMEDIATE",
              "AMEMBASSY, KABUL PRIORITY", "ZEN / AMEBASSY, X", "SECSTATE WASHDC"]:
        assert F._name_and_precedence.__wrapped__(s) == _plain_name_and_precedence(s), s


