"""The policy: the one place that decides how strict a parse is.

``LENIENT`` (the default) returns every record with its defects. ``STRICT`` raises
:class:`DefectError` — carrying the record — when the record has defects of the codes it names (all
codes when it names none), for pipelines that must stop on a doubtful record rather than store it.
"""

from __future__ import annotations

from dataclasses import dataclass

from .model import Telegram


class DefectError(ValueError):
    """A strict parse met defects; ``record`` is the record as read, defects included."""

    def __init__(self, record: Telegram, codes: list[str]) -> None:
        super().__init__(f"defects under a strict policy: {', '.join(codes)}")
        self.record = record
        self.codes = codes


@dataclass(frozen=True, slots=True)
class Policy:
    """How strict a parse is.

    Attributes:
        strict: raise :class:`DefectError` instead of returning a record with defects.
        codes: the defect codes that count under ``strict``; empty means every code.
    """

    strict: bool = False
    codes: frozenset[str] = frozenset()

    def check(self, record: Telegram) -> Telegram:
        """Return the record, or raise when the policy does not accept its defects."""
        if not self.strict:
            return record
        hits = [d.code for d in record.defects if not self.codes or d.code in self.codes]
        if hits:
            raise DefectError(record, hits)
        return record


LENIENT = Policy()
STRICT = Policy(strict=True)
