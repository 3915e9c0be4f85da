"""The round-6 shortcuts of the addressee and REF readers agree with the plain definitions.

``_name_and_precedence`` cuts its anchored patterns as matches, and tries them only on lines that
open with their literal (or hold a comma); the plain form is the chain of substitutions it replaced.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from shortcut_support import plain_name_and_precedence

from cablegram.parse import fields as F

SETTINGS = settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])

_PARTS = ["ZEN", "ZEN/", "ZEN /", "ZEN / ", "AM", "AMEMBASSY", "AMEMDASSY", "AMEBASSY", "AMMBASSY", "AMXYZBASSY",
          "AMCONSUL", "USMISSION", "SECSTATE", "WASHDC", "KABUL", ",", ", ", " ", ".", ";", "/", "-", "IMMEDIATE",
          "PRIORITY", "niact immediate", "Flash", "ROUTINE", "PRIOITY", "AmEmbassy", "zen", "ı", "ſ", "é", "\t"]
lines = st.lists(st.one_of(st.sampled_from(_PARTS), st.text(alphabet="AZEMNBDSY ,./-", max_size=4)),
                 max_size=8).map("".join)


@SETTINGS
@given(lines)
def test_name_and_precedence_reads_what_the_substitutions_read(s):
    assert F._name_and_precedence.__wrapped__(s) == plain_name_and_precedence(s)


def test_name_and_precedence_on_known_forms():
    for s in ["ZEN/AMEMBASSY KABUL", "AMEMDASSY LAGOS", "AmEmbassy, LAGOS", "WASHDC, SECSTATE IMMEDIATE",
              "AMEMBASSY, KABUL PRIORITY", "ZEN / AMEBASSY, X", "SECSTATE WASHDC"]:
        assert F._name_and_precedence.__wrapped__(s) == plain_name_and_precedence(s), s


# The records that the readers build by position (a call by keyword costs twice
# as much): the calls assume these field orders, which a reordering of model.py must not break.
POSITIONAL_ORDERS = {
    "Addressee": ["name", "canonical", "precedence", "routing", "sequence"],
    "EO": ["order", "declassify_on", "event", "raw"],
    "Classifier": ["name", "title", "reasons", "exemptions", "raw"],
    "Reference": ["letter", "raw", "station", "serial", "year", "year_stated", "id", "notal"],
}


def test_records_built_by_position_keep_their_field_order():
    from dataclasses import fields

    from cablegram import model

    for name, order in POSITIONAL_ORDERS.items():
        assert [f.name for f in fields(getattr(model, name)) if f.init] == order, name


def test_positional_addressee_is_the_keyword_one():
    a = F.addressee("RUEHKT/AMEMBASSY KATHMANDU PRIORITY 7186")
    assert a == F.Addressee(name="AMEMBASSY KATHMANDU", precedence="PRIORITY", routing="RUEHKT", sequence=7186)


@SETTINGS
@given(st.lists(st.one_of(st.sampled_from(["RUEHC/SECSTATE WASHDC", "IMMEDIATE", "6818", "BY POUCH", "UNN", "ZEN/",
                                           "AMEMBASSY, KABUL", " ", "  ", "\t", "\u00a0", ",", "."]),
                          st.text(max_size=5)), max_size=6).map(" ".join))
def test_addressee_reads_an_item_as_its_single_spaced_copy(item):
    # close_block hands an address item over as it stands, no longer single-spaced first.
    assert F.addressee.__wrapped__(item) == F.addressee.__wrapped__(" ".join(item.split()))
