"""Executive orders on classification, their reason categories, and FOIA exemptions, as data.

Dates are when each order was in force (``shared/spec/telegram-format.md`` §4.2). The parser uses
them to flag anachronisms (an E.O. line naming an order not yet in force), never to rewrite a line.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Order:
    """An executive order governing classification.

    Attributes:
        number: the order's number as written in E.O. lines.
        in_force: first day in force (ISO).
        until: last day in force (ISO), None for the current order.
        reason_section: the section that lists reasons (``1.5`` or ``1.4``), None before 1995.
        instructions: declassification instruction words the order's E.O. lines use.
    """

    number: str
    in_force: str
    until: str | None
    reason_section: str | None
    instructions: tuple[str, ...]


ORDERS: dict[str, Order] = {
    o.number: o
    for o in (
        Order("10501", "1953-12-15", "1972-05-31", None, ("GDS",)),
        Order("11652", "1972-06-01", "1978-11-30", None, ("GDS", "XGDS-1", "XGDS-2", "XGDS-3", "XGDS-4", "ADS", "N/A")),
        Order("12065", "1978-12-01", "1982-07-31", None, ("GDS", "RDS-1", "RDS-2", "RDS-3", "RDS-4", "XDS", "N/A")),
        Order("12356", "1982-08-01", "1995-10-13", None, ("DECL", "OADR", "N/A")),
        Order("12958", "1995-10-14", "2010-06-26", "1.5", ("DECL", "N/A")),
        Order("13526", "2010-06-27", None, "1.4", ("DECL", "N/A")),
    )
}

# E.O. 13292 amended 12958 on this day, renumbering the reasons from §1.5 to §1.4.
REASONS_RENUMBERED = "2003-03-25"

REASON_CATEGORIES: dict[str, str] = {
    "a": "Military plans, systems, operations",
    "b": "Foreign-government information",
    "c": "Intelligence activities, sources or methods, cryptology",
    "d": "Foreign relations or foreign activities of the US, including confidential sources",
    "e": "Scientific, technological or economic matters relating to national security",
    "f": "USG programs for safeguarding nuclear materials or facilities",
    "g": "Vulnerabilities or capabilities of systems, installations or plans relating to national security",
    "h": "Weapons of mass destruction",
}

FOIA_EXEMPTIONS: dict[str, str] = {
    "B1": "Properly classified under an executive order",
    "B2": "Solely internal personnel rules and practices",
    "B3": "Exempted by another statute",
    "B4": "Trade secrets; confidential commercial information",
    "B5": "Inter- or intra-agency deliberative, attorney-client, work product",
    "B6": "Clearly unwarranted invasion of personal privacy",
    "B7(A)": "Law enforcement: interference with proceedings",
    "B7(B)": "Law enforcement: fair trial",
    "B7(C)": "Law enforcement: personal privacy",
    "B7(D)": "Law enforcement: confidential source",
    "B7(E)": "Law enforcement: techniques and procedures",
    "B7(F)": "Law enforcement: personal safety",
    "B8": "Financial-institution supervision",
    "B9": "Geological and geophysical well data",
}


def order_in_force(iso_date: str) -> Order | None:
    """The order in force on a date (ISO ``YYYY-MM-DD``), or None before 1953."""
    for order in ORDERS.values():
        if order.in_force <= iso_date and (order.until is None or iso_date <= order.until):
            return order
    return None
