"""Classification levels, portion marks, precedences and captions, as data.

Values are upper case exactly as the ``cablegram/1`` contract lists them. Sources are in
``shared/spec/telegram-format.md`` (§2 precedence, §3 captions, §4 classification).
"""

from __future__ import annotations

# Overall markings, lowest to highest. LOU and SBU are administrative controls, not levels,
# but they rank above UNCLASSIFIED for "highest marking" purposes.
LEVELS: tuple[str, ...] = (
    "UNCLASSIFIED",
    "SENSITIVE BUT UNCLASSIFIED",
    "LIMITED OFFICIAL USE",
    "CONFIDENTIAL",
    "SECRET",
    "TOP SECRET",
)
RANK = {level: i for i, level in enumerate(LEVELS)}

# Words as written in headers and banners -> overall level.
LEVEL_WORDS: dict[str, str] = {
    "TOP SECRET": "TOP SECRET",
    "SECRET": "SECRET",
    "CONFIDENTIAL": "CONFIDENTIAL",
    "LIMITED OFFICIAL USE": "LIMITED OFFICIAL USE",
    "SENSITIVE BUT UNCLASSIFIED": "SENSITIVE BUT UNCLASSIFIED",
    "UNCLASSIFIED": "UNCLASSIFIED",
    "UNCLAS": "UNCLASSIFIED",
    "UNCLASS": "UNCLASSIFIED",
    "SBU": "SENSITIVE BUT UNCLASSIFIED",
    "LOU": "LIMITED OFFICIAL USE",
}

# Portion marks (inside parentheses after a paragraph number) -> level.
PORTION_LEVELS: dict[str, str] = {
    "U": "UNCLASSIFIED",
    "SBU": "SENSITIVE BUT UNCLASSIFIED",
    "LOU": "LIMITED OFFICIAL USE",
    "C": "CONFIDENTIAL",
    "S": "SECRET",
    "TS": "TOP SECRET",
}
LEVEL_PORTION = {v: k for k, v in PORTION_LEVELS.items()}

# ACP-127 security warning letter (``ZNY SSSSS``) -> level.
SECURITY_WARNING: dict[str, str] = {
    "T": "TOP SECRET",
    "S": "SECRET",
    "C": "CONFIDENTIAL",
    "E": "UNCLASSIFIED",
    "U": "UNCLASSIFIED",
}

PRECEDENCES: tuple[str, ...] = ("ROUTINE", "PRIORITY", "IMMEDIATE", "NIACT IMMEDIATE", "FLASH")
PRECEDENCE_RANK = {p: i for i, p in enumerate(PRECEDENCES)}

# DTG-line / FL2 prosign letters -> precedence.
PROSIGNS: dict[str, str] = {"Z": "FLASH", "O": "IMMEDIATE", "P": "PRIORITY", "R": "ROUTINE"}

# Other agencies' precedence words, kept as written (contract: "other agencies' words as written").
OTHER_PRECEDENCES: tuple[str, ...] = (
    "OPERATIONAL IMMEDIATE",
    "URGENT",
    "DEFERRED",
    "PRIORITY",
    "IMMEDIATE",
    "ROUTINE",
    "FLASH",
)

# Handling captions (not attention lines). Order here is only for lookup.
CAPTIONS: tuple[str, ...] = (
    "NODIS",
    "EXDIS",
    "LIMDIS",
    "STADIS",
    "SIPDIS",
    "NOFORN",
    "SENSITIVE",
    "CHEROKEE",
    "ROGER",
    "DISSENT CHANNEL",
    "AGRMENT CHANNEL",
    "AGREMENT CHANNEL",
    "DIRGEN",
    "MED CHANNEL",
    "TM CHANNEL",
    "CODEL",
    "INFORM ALL STATE EMPLOYEES",
    "OFFICIAL INFORMAL",
    "EYES ONLY",
    "CONDIS",
    "SPECAT",
    "SPECAT EXCLUSIVE",
    "EFTO",
    "NOCONTRACT",
    "ORCON",
    "PROPIN",
    "RYBAT",
    "WNINTEL",
    "NO FOREIGN DISSEM",
    "LIMIT DISTRIBUTION",
    "TOSEC",
    "SECTO",
)

# Other agencies' dissemination controls and compartment words met in released records (CIA
# slug lines, NSA report banners). Cryptonyms (TYPIC, AMLASH …) are not captions.
AGENCY_CONTROLS: tuple[str, ...] = (
    "RYBAT",
    "WNINTEL",
    "NOFORN",
    "CONTINUED CONTROL",
    "CONTROLLED DISSEM",
    "NO FOREIGN DISSEM",
    "NO DISSEM ABROAD",
    "DESENSITIZED",
    "LIMIT DISTRIBUTION",
    "EYES ONLY",
    "ORCON",
    "DINAR",
    "TRINE",
    "UMBRA",
    "SABRE",
    "MORAY",
)
# NSA's COMINT codewords of the most sensitive category are only ever used with TOP SECRET
# ('TOP SECRET DINAR'): where the level word of such a report is illegible, its codeword still
# states the level.
TOP_SECRET_CODEWORDS = frozenset({"DINAR", "TRINE", "UMBRA"})
CAPTIONS = CAPTIONS + tuple(c for c in AGENCY_CONTROLS if c not in CAPTIONS)
CAPTION_SET = frozenset(CAPTIONS)

