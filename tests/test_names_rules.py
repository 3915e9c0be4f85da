"""Names of officers and classifiers: titles, ranks, initials, and the offices printed beside them.

The lines are made up in the style of the telegrams; each case has a near case that must not change.
"""

import pytest

from cablegram import parse
from cablegram.parse import fields as F
from cablegram.parse.forms import _frus_officer


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


# -- FRUS drafting phrases ----------------------------------------------------------------------------
@pytest.mark.parametrize("phrase, name, office", [
    ("J.K. Ostrander (EUR/CE)", "J.K. Ostrander", "EUR/CE"),
    ("Colonel Hatherley (DOD/ISA)", "Hatherley", "DOD/ISA"),
    ("Lt. Col. Dunmore", "Dunmore", None),
    ("Ambassador Pell (AF)", "Pell", "AF"),
    # an area of responsibility between the title and the name belongs to the title
    ("Assistant Secretary for Legislative Relations Mark T. Ebbing (info)", "Mark T. Ebbing", "info"),
    # near case: a surname that is also a rank, standing last, stays the name
    ("Harold Major", "Harold Major", None),
])
def test_frus_officer_drops_titles_and_ranks(phrase, name, office):
    off = _frus_officer(phrase)
    assert (off.name, off.office) == (name, office)


@pytest.mark.parametrize("phrase, name, office", [
    ("Harriet P. Lindqvist in EUR/NE", "Harriet P. Lindqvist", "EUR/NE"),
    ("Dorsey S/P", "Dorsey", "S/P"),
    ("Quayle ARA", "Quayle", "ARA"),
    ("Sherwin (NEA/IAI) and Tolliver", "Sherwin and Tolliver", "NEA/IAI"),
    ("in EB/ORF", "EB/ORF", None),
    # near cases: a generational suffix is not an office, nor is an office after a plain word
    ("Thaddeus Kroll III", "Thaddeus Kroll III", None),
    ("Kroll Jr", "Kroll Jr", None),
    ("substance in IO", "IO", None),
])
def test_frus_officer_separates_the_office_from_the_name(phrase, name, office):
    off = _frus_officer(phrase)
    assert (off.name, off.office) == (name, office)


@pytest.mark.parametrize("phrase, name", [
    ("Halvorsen and the Sahel Task Force", "Halvorsen"),
    ("Placido and IO/UNP staff", "Placido"),
    ("Okafor from a draft received from the Embassy", "Okafor"),
    # near case: several people stay as printed
    ("Halvorsen and Tran", "Halvorsen and Tran"),
    ("Abbott, Kessler, and Wynn", "Abbott, Kessler, and Wynn"),
])
def test_frus_officer_keeps_people_not_groups_or_sources(phrase, name):
    assert _frus_officer(phrase).name == name


def _frus(note: str):
    return parse("12. Telegram From the Department of State to the Embassy in Norway\n\n"
                 f"Source: National Archives, RG 59, Central Files. {note}\n\n"
                 "Washington, May 3, 1972, 1512Z.\n\n"
                 "71234. 1. Please convey the following to the Foreign Ministry.\n")


def test_frus_approver_ends_at_a_new_sentence_that_starts_with_a_short_word():
    rec = _frus("Secret; Exdis. Drafted by Lund; cleared by Ibsen; and approved by Grieg. In telegram 7123 "
                "the Embassy was told to wait.")
    assert (rec.drafted_by.name, rec.approved_by.name, [o.name for o in rec.cleared_by]) == ("Lund", "Grieg", ["Ibsen"])


def test_frus_approver_is_not_cut_at_an_initial():
    rec = _frus("Confidential. Drafted by Lund and approved by Arne K. Grieg. Repeated to Oslo.")
    assert rec.approved_by.name == "Arne K. Grieg"


# -- classified-by: forms met on documents labelled after the rules were written -----------------------
@pytest.mark.parametrize("line, name, title", [
    # a title, then after a comma the name, perhaps after 'a.i.'
    ("Classified By: Charge d'Affaires, a.i., Gerald P. Tolliver for reasons 1 .4 (b) and (d).",
     "Gerald P. Tolliver", "Charge d'Affaires, a.i."),
    ("Classified By: CDA, A.I. HUGH MARROWBY FOR REASON 1.5 (A/C).", "HUGH MARROWBY", "CDA, A.I."),
    ("Classified By: Ambassador, Wendell K. Oakes, reasons 1.4 (b)", "Wendell K. Oakes", "Ambassador"),
    # near cases: a post or an office after the comma is no name
    ("Classified By: DCM, Embassy Rome for reasons 1.4 b", None, "DCM, Embassy Rome"),
    ("Classified By: POL/ECON, New Delhi, reason 1.4 b", None, "POL/ECON, New Delhi"),
    # near case: the name first, then the title, as before
    ("Classified by: QUIMBY, POLOFF, reasons 1.4 (b)", "QUIMBY", "POLOFF"),
])
def test_classified_by_reads_a_name_after_the_title_and_a_comma(line, name, title):
    assert _classifier(line) == (name, title)


@pytest.mark.parametrize("line, name", [
    # the reason's number after a connective, with no 'reason' word
    ("Classified By: Charge J. Harold Pennick per 1.5 (b) and (d).", "J. Harold Pennick"),
    ("Classified By: POLITICAL COUNSELOR MARTIN R. DOWLE FOR 1.4 (D)", "MARTIN R. DOWLE"),
    ("Classified By: Ambassador Ruth W. Calder under Section 1.4b/d", "Ruth W. Calder"),
    # near case: the number straight after the name, as before
    ("Classified by: Ruth Calder 1.4 (b)", "Ruth Calder"),
])
def test_classified_by_reasons_after_a_connective(line, name):
    c = F.classified_by(line)
    assert c.name == name and c.reasons


@pytest.mark.parametrize("line, name", [
    ("Classified By: Amb. Carol van Hoorne for reasons 1.4 (b)", "Carol van Hoorne"),   # a surname's particle
    ('Classified By: Ambassador A. "Dusty" Marlowe, reasons 1.4(b)', 'A. "Dusty" Marlowe'),  # a nickname
    ("Classified By: USEU EconMinCouns Peter Hallam for reasons 1.4 (b)", "Peter Hallam"),  # mission and title
    ("Classified By: DCM la, reasons 1.4 (b)", None),   # near case: a particle alone names no one
])
def test_classified_by_particles_nicknames_and_missions(line, name):
    assert _classifier(line)[0] == name


def test_eo_12065_line_names_the_classifier_in_brackets():
    text = ("CONFIDENTIAL TEHRAN 08123\n\nE.O. 12065: GDS 8/12/85 (PELLMAN, VICTOR L.) OR-P\nTAGS: PEPR IR\n"
            "SUBJECT: TALKS\n\n1. (C - ENTIRE TEXT). TEXT OF THE CABLE.\n")
    r = parse(text)
    assert r.classified_by.name == "PELLMAN, VICTOR L." and r.classified_by.reasons == ()
    start, end = r.spans["classified_by"]
    assert text[start:end] == "PELLMAN, VICTOR L."
    # near case: a classified-by line, where there is one, names the classifier
    r2 = parse(text.replace("\n\n1.", "\n\nCLASSIFIED BY HANNA ROST. REASON 1.5 (D)\n\n1."))
    assert r2.classified_by.name == "HANNA ROST"
    # near case: an E.O. 11652 line names no one
    assert parse(text.replace("12065: GDS 8/12/85 (PELLMAN, VICTOR L.) OR-P", "11652: GDS")).classified_by is None
