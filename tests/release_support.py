"""Two releases of one cable, as different agencies and OCR runs give them, and a different cable that
shares their boilerplate: the cases release linking must tell apart."""

from __future__ import annotations

import random

PARAGRAPHS = [
    "(C) Summary: The Foreign Minister told the Ambassador on March 3 that the government would not renew "
    "the fishing agreement unless the quota for the northern banks was cut by a third. He said the coastal "
    "villages had suffered two poor seasons and that parliament would not accept another increase. End summary.",
    "(C) The Minister said the cabinet had met twice on the question and that the Prime Minister wanted a "
    "settlement before the summer recess. He asked whether Washington could send a negotiator with authority "
    "to agree on a lower quota, and suggested the talks be held in the capital rather than in Brussels.",
    "(S) Speaking privately, the Minister said the opposition leader had threatened to call a vote of no "
    "confidence if the agreement were renewed on the old terms. He believed the coalition would survive such "
    "a vote but would rather not test it while the budget was still before parliament.",
    "(C) The Ambassador replied that the United States valued the agreement and would consider a reduced "
    "quota if the government could show that the stocks had declined. He undertook to report the Minister's "
    "proposal and to seek instructions on the venue and the level of the delegation.",
    "(U) Comment: The Minister's tone was friendly but firm. Post believes a modest cut would be accepted "
    "and recommends that the Department authorize a negotiator to discuss a reduction of up to twenty percent. "
    "End comment.",
]

BOILERPLATE = [
    "(U) Post requests that the Department protect this reporting and share it only with agencies that have "
    "a need to know, in accordance with standing instructions on the handling of sensitive diplomatic reporting.",
    "(U) Minimize considered. Visit our classified website for further reporting on the political and "
    "economic situation, the schedule of senior visits, and the contact list for the country team.",
]

OTHER = [
    "(C) Summary: The Finance Minister told the Economic Counselor that the central bank would raise "
    "interest rates by half a point at its next meeting to slow inflation, which reached seven percent in "
    "January. He expected the currency to strengthen and imports to fall. End summary.",
    "(C) The Minister said the trade unions had accepted a wage freeze for the public sector in exchange for "
    "a promise of tax relief next year. He worried that the private sector would not follow and that strikes "
    "in the ports could return by the autumn.",
    "(S) The Minister asked whether the Treasury would support a standby arrangement with the Fund if the "
    "exchange rate came under pressure. The Counselor said he would seek guidance and noted the Fund's "
    "concern about the growing deficit of the state railway company.",
    "(U) Comment: The government's plan is credible but depends on the unions keeping their word. Post will "
    "report on the central bank's decision. End comment.",
]


HEADER = """P 031530Z MAR 88
FM AMEMBASSY REYKJAVIK
TO SECSTATE WASHDC PRIORITY 4410
BT
CONFIDENTIAL REYKJAVIK 00{serial}
E.O. 12356: DECL: OADR
TAGS: EFIS, PREL, IC
SUBJECT: {subject}
"""


def cable_body(paragraphs: list[str], *, stamp: str = "", withheld: dict[int, str] | None = None,
               serial: str = "0412", subject: str = "FISHING AGREEMENT: MINISTER ASKS FOR A LOWER QUOTA") -> str:
    """A 1980s cable with numbered paragraphs; ``withheld`` maps a paragraph's index to what the release
    shows in its place (``(b)(1)``, ``B1``, ``""``)."""
    withheld = withheld or {}
    lines = [stamp, ""] if stamp else []
    lines.append(HEADER.format(serial=serial, subject=subject))
    for n, text in enumerate(paragraphs, 1):
        if n - 1 in withheld:
            portion = text[:text.index(")") + 1]
            lines.append(f"{n}. {portion} {withheld[n - 1]}".rstrip())
        else:
            lines.append(f"{n}. {text}")
        lines.append("")
    lines.append("WILSON")
    if stamp:
        lines.append(stamp)
    return "\n".join(lines)


def ocr_noise(text: str, rate: float, seed: int) -> str:
    """Misread about ``rate`` of the letters the way OCR engines do (rn for m, l for i, 0 for O…)."""
    swaps = {"m": "rn", "i": "l", "o": "0", "e": "c", "h": "b", "n": "u", "s": "5", "a": "o", "t": "f"}
    rng = random.Random(seed)
    out = []
    for ch in text:
        low = ch.lower()
        out.append(swaps[low] if low in swaps and rng.random() < rate else ch)
    return "".join(out)


STATE_RELEASE = "UNCLASSIFIED U.S. Department of State Case No. F-2019-01234 Doc No. C06612345 Date: 03/14/2021"
CIA_RELEASE = "Approved For Release 2008/05/12 : CIA-RDP85T00875R001100010027-4"


def two_releases() -> tuple[str, str]:
    """The same cable: one release in full, stamped by State; the other stamped by another agency, read
    by a worse OCR engine, with paragraph 3 withheld under (b)(1)."""
    full = cable_body(PARAGRAPHS + BOILERPLATE, stamp=STATE_RELEASE + "\nRELEASE IN FULL")
    # the serial misread ("04I2"), so this release carries no id the other has
    part = cable_body(PARAGRAPHS + BOILERPLATE, stamp=CIA_RELEASE + "\nRELEASE IN PART B1", withheld={2: "(b)(1)"},
                      serial="04I2")
    return full, ocr_noise(part, 0.015, seed=3)


def other_cable() -> str:
    """A different cable from the same post, with the same closing boilerplate paragraphs."""
    return cable_body(OTHER + BOILERPLATE, stamp=STATE_RELEASE + "\nRELEASE IN FULL", serial="0415",
                      subject="ECONOMY: CENTRAL BANK TO RAISE RATES")
