"""Names of officers and classifiers: titles, ranks, initials, and the offices printed beside them.

The lines are made up in the style of the telegrams; each case has a near case that must not change.
"""

import pytest

from cablegram.parse import fields as F


def _classifier(line: str) -> tuple[str | None, str | None]:
    c = F.classified_by(line)
    return c.name, c.title


# -- classified-by ------------------------------------------------------------------------------------
@pytest.mark.parametrize("line, name, title", [
    # initials run together without a space are part of the name
    ("Classified By: Economic Counselor Harold T.R. Quimby for reasons 1.4 (b) and (d).",
     "Harold T.R. Quimby", "Economic Counselor"),
    ("Classified By: P.J. Arkwright, Consul General; Reason: 1.4(d)", "P.J. Arkwright", "Consul General"),
    # near case: 'a.i.' (ad interim) is part of the title, not an initial of the name
    ("Classified By: CDA a.i. Mary Q. Fenwick, reasons 1.4 (b)", "Mary Q. Fenwick", "CDA a.i."),
])
def test_classified_by_keeps_run_together_initials(line, name, title):
    assert _classifier(line) == (name, title)


@pytest.mark.parametrize("line, name, title", [
    ("Classified By: CHARGE D'AFFAIRS JANE ROE; REASON 1.4 (B) AND (D).", "JANE ROE", "CHARGE D'AFFAIRS"),
    ("Classified By: Charge d’Affaires Oliver Penhallow for reasons 1.4 (d)",
     "Oliver Penhallow", "Charge d’Affaires"),
    # near case: the title alone names no one
    ("Classified By: Charge D'Affairs, reasons 1.4 (b)", None, "Charge D'Affairs"),
])
def test_classified_by_reads_the_charge_title_however_spelt(line, name, title):
    assert _classifier(line) == (name, title)


@pytest.mark.parametrize("line, name", [
    ("Classified By: Defense Attache Colonel Ruth Okonkwo for reasons 1.4 (a)", "Ruth Okonkwo"),
    ("Classified By: DATT Lt. Col. Amos Ferrier, reason 1.4 (a)", "Amos Ferrier"),
    ("Classified By: Capt. Nadia Voss, USN, Naval Attache; Reason 1.4 (a)", "Nadia Voss"),
    # near cases: a rank that is also a surname stands last, and a rank alone names no one
    ("Classified By: Political Counselor John Major for reasons 1.4 (b)", "John Major"),
    ("Classified By: Defense Attache Colonel for reasons 1.4 (a)", None),
])
def test_classified_by_reads_a_service_rank_as_a_title_before_a_name(line, name):
    assert _classifier(line)[0] == name


@pytest.mark.parametrize("line, name, reasons", [
    # the cable was wrapped at a fixed width, and the wrap may split the label's words
    ("Classified By: POLITICAL COUNSELOR ANN BLY, FOR REAS \nONS 1.4 B/D", "ANN BLY", ("1.4(b)", "1.4(d)")),
    ("Classified By: MINISTER-COUNSELOR FOR ECONOMIC AFFAIRS LEON PRATT FO \nR REASONS 1.4 (B)", "LEON PRATT",
     ("1.4(b)",)),
    ("Classified By: Acting Economic Counselor Iris M. Dunne. Rea sons 1.4 (d).", "Iris M. Dunne", ("1.4(d)",)),
    # near case: a surname that starts with the label's letters is not the label
    ("Classified By: Ambassador Tom Reasoner for reasons 1.4 (d)", "Tom Reasoner", ("1.4(d)",)),
])
def test_classified_by_finds_the_reasons_label_split_by_a_line_wrap(line, name, reasons):
    c = F.classified_by(line)
    assert (c.name, c.reasons) == (name, reasons)
