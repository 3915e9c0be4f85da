"""The cablegram record: immutable values that serialise to the public contract ``cablegram/1``.

Everything else in the package (normalisation, parsing, the archive, the CLI) imports these
records; nothing else defines the shape of a telegram. Each record's ``to_json`` gives exactly the
keys of ``shared/spec/record.md`` (absent scalars are ``None``, absent lists ``[]``), and
``schema/cablegram-1.schema.json`` is the machine-checkable form of the same promise.

Spans are ``(start, end)`` character offsets into the *original* input text, never into the
normalised text, so that a reader can always go back to what the document actually says.
"""

from __future__ import annotations

from dataclasses import MISSING, dataclass, field, fields
from functools import lru_cache
from typing import Any

SCHEMA = "cablegram/1"

Span = tuple[int, int]


def _plain(value: Any) -> Any:
    """Turn records, tuples and spans into JSON-ready values."""
    if hasattr(value, "to_json"):
        return value.to_json()
    if isinstance(value, tuple) and len(value) == 2 and all(isinstance(v, int) for v in value):
        return [value[0], value[1]]
    if isinstance(value, (tuple, list)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


class _Record:
    """Mixin: serialise every dataclass field under its own name (``from_`` becomes ``from``)."""

    __slots__ = ()

    def to_json(self) -> dict[str, Any]:
        return {key: _plain(getattr(self, name)) for key, name in _keys(type(self))}


@lru_cache(maxsize=None)
def _keys(cls: type) -> tuple[tuple[str, str], ...]:
    """(JSON key, attribute) of each field of a record class, in order: worked out once a class,
    not once a record (serialising an archive asks it of millions of records)."""
    return tuple((f.metadata.get("key", f.name), f.name) for f in fields(cls))


def _slot_init(cls: type) -> type:
    """Give a frozen, slotted dataclass an ``__init__`` that fills each slot through its descriptor.

    The dataclass's own ``__init__`` of a frozen class sets every field with
    ``object.__setattr__``, looked up and dispatched field by field, because the class's own
    ``__setattr__`` refuses; a parse builds dozens of records (a paragraph, a removal, an
    addressee each), and that ``__init__`` was a third of their cost. The slot's descriptor
    (``cls.name.__set__``) writes the same slot without the lookup. The parameters, their order,
    defaults and default factories are the dataclass's own, so every call means what it meant;
    the record stays frozen: its ``__setattr__`` still refuses every assignment.
    """
    env: dict[str, Any] = {"_FACTORY": object()}  # stands for "not given" where a factory fills the default
    params, body = ["self"], []
    for f in fields(cls):
        name = f.name
        env[f"_set_{name}"] = getattr(cls, name).__set__
        if f.default is not MISSING:
            env[f"_default_{name}"] = f.default
            params.append(f"{name}=_default_{name}")
            body.append(f"_set_{name}(self, {name})")
        elif f.default_factory is not MISSING:
            env[f"_factory_{name}"] = f.default_factory
            params.append(f"{name}=_FACTORY")
            body.append(f"_set_{name}(self, _factory_{name}() if {name} is _FACTORY else {name})")
        else:
            params.append(name)
            body.append(f"_set_{name}(self, {name})")
    exec(f"def __init__({', '.join(params)}):\n    " + "\n    ".join(body), env)  # noqa: S102 - as dataclasses does
    init = env["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    cls.__init__ = init
    return cls


@_slot_init
@dataclass(frozen=True, slots=True)
class Addressee(_Record):
    """One addressee of a telegram.

    Attributes:
        name: the address as written, upper case, routing indicator and precedence removed
            (``AMEMBASSY MOSCOW``; on Department drafts just the post, ``MOSCOW``).
        canonical: the full plain-language address when ``name`` is a bare post
            (``AMEMBASSY MOSCOW``); None when ``name`` already is one or the post is unknown.
        precedence: the precedence written for this addressee, or None.
        routing: the routing indicator (``RUEHMO``) when written, else None.
        sequence: the per-addressee sequence number when written, else None.
    """

    name: str
    canonical: str | None = None
    precedence: str | None = None
    routing: str | None = None
    sequence: int | None = None


@_slot_init
@dataclass(frozen=True, slots=True)
class Officer(_Record):
    """A drafter, clearer or approver.

    Attributes:
        office: office symbol (``EAP/K``), or None when the line names only a person.
        name: the name as written (``JGOLDSTEIN``, ``Robert Smith``); empty for an uninitialled box.
        typist: typist's or co-drafter's initials (third field of ``EAP/K:JGOLDSTEIN:JLG``), or None.
        qualifier: ``SUBS``, ``INFO``, ``DRAFT`` when written, else None.
        date: the drafting date (ISO) when written, else None.
        phone: a phone number or extension when written, else None.
        inferred: True when the role was inferred rather than marked on the form.
        raw: the text the officer was read from.
    """

    name: str
    office: str | None = None
    typist: str | None = None
    qualifier: str | None = None
    date: str | None = None
    phone: str | None = None
    inferred: bool = False
    raw: str = ""


@_slot_init
@dataclass(frozen=True, slots=True)
class Reference(_Record):
    """One item of a REF line.

    Attributes:
        letter: the item letter (``A``) or None.
        raw: the item as written.
        station: station of the referenced cable (``STATE``, ``NEW DELHI``).
        serial: its serial number.
        year: four-digit year, from the item or resolved from the citing cable's date; None if unknown.
        year_stated: True when the item itself states the year.
        id: canonical id of the referenced cable when year, station and serial are known.
        notal: True when marked NOTAL (not sent to all addressees).
    """

    letter: str | None
    raw: str
    station: str
    serial: int
    year: int | None = None
    year_stated: bool = False
    id: str | None = None
    notal: bool = False


@_slot_init
@dataclass(frozen=True, slots=True)
class Paragraph(_Record):
    """A paragraph of the body.

    Attributes:
        number: the paragraph number, or None for an unnumbered paragraph.
        portion: the portion mark (``S``, ``C``, ``U``, ``SBU``, ``TS``, with caveats such as
            ``C/NF``), or None when unmarked.
        text: the paragraph text with page furniture removed.
        span: where the paragraph lies in the original input.
    """

    number: int | None
    portion: str | None
    text: str
    span: Span


@_slot_init
@dataclass(frozen=True, slots=True)
class EO(_Record):
    """The declassification line (``E.O. 12958: DECL: 4/11/2016``).

    Attributes:
        order: the executive order number as written (``12958``), or None if unreadable.
        declassify_on: ISO date when the line gives a date, else None.
        event: the instruction when it is not a date (``OADR``, ``GDS``, ``X1``, ``N/A``,
            ``AFTER KOREAN UNIFICATION``), else None.
        raw: the line as written.
    """

    order: str | None
    declassify_on: str | None
    event: str | None
    raw: str


@_slot_init
@dataclass(frozen=True, slots=True)
class Classifier(_Record):
    """The classified-by line.

    Attributes:
        name: the classifier's name, or None when the line gives only a title.
        title: the classifier's title, or None.
        reasons: classification reasons as written in canonical form (``1.5(d)``, ``1.4(b)``).
        exemptions: declassification exemptions (``X6``, ``25X1``).
        raw: the line as written.
    """

    name: str | None
    title: str | None
    reasons: tuple[str, ...] = ()
    exemptions: tuple[str, ...] = ()
    raw: str = ""


@_slot_init
@dataclass(frozen=True, slots=True)
class Tag(_Record):
    """A decoded TAGS code.

    Attributes:
        code: the code as normalised (``PREL``).
        kind: ``subject``, ``program``, ``geographic``, ``organization``, ``person`` or ``unknown``.
        meaning: the meaning from the TAGS lexicon, or None for unknown codes and persons.
    """

    code: str
    kind: str
    meaning: str | None


@_slot_init
@dataclass(frozen=True, slots=True)
class Section(_Record):
    """``SECTION 01 OF 03``: this is part ``n`` of ``of``."""

    n: int
    of: int


@_slot_init
@dataclass(frozen=True, slots=True)
class Release(_Record):
    """The review and release layer of a declassified copy.

    Attributes:
        status: the review stamp's wording (``RELEASED IN FULL``, ``RELEASE IN PART``,
            ``APPROVED FOR RELEASE``, ``DENIED``) or None.
        exemptions: FOIA exemptions (``B1``, ``B6``, ``B7(C)``) in order of first appearance.
        e_o_categories: E.O. categories cited by the reviewer (``1.4(D)``, ``25X1``).
        reviewer: the reviewer's code or name (``R1224``), or None.
        case_number: FOIA or collection case (``F-2014-20439``), or None.
        doc_number: the release's document number (``C05770206``, ``104-10192-10266``), or None.
        release_date: ISO date of the release, or None.
        review_authority: the reviewing authority when stated, or None.
        stamps: every release stamp or banner as written, in order.
    """

    status: str | None = None
    exemptions: tuple[str, ...] = ()
    e_o_categories: tuple[str, ...] = ()
    reviewer: str | None = None
    case_number: str | None = None
    doc_number: str | None = None
    release_date: str | None = None
    review_authority: str | None = None
    stamps: tuple[str, ...] = ()


@_slot_init
@dataclass(frozen=True, slots=True)
class Removal(_Record):
    """Something normalisation took out of the text: which rule, what, and where."""

    rule: str
    raw: str
    span: Span


@_slot_init
@dataclass(frozen=True, slots=True)
class Defect(_Record):
    """Something the parser could not settle. ``code`` is documented in ``cablegram.defects``."""

    code: str
    message: str
    span: Span | None = None


@_slot_init
@dataclass(frozen=True, slots=True)
class Source(_Record):
    """Where the record was read from: content hash, path if any, and the parser's version."""

    sha256: str
    path: str | None
    parser_version: str


@_slot_init
@dataclass(frozen=True, slots=True)
class Telegram(_Record):
    """One telegram (or other-agency record) as read from a document.

    Attributes mirror the ``cablegram/1`` contract key by key; see ``shared/spec/record.md``.
    Scalars are None and tuples empty when the document does not state them. ``spans`` maps a
    field name to where its value was read in the original input. ``notes`` records explicit
    inferences (what was inferred, from what), so that nothing in the record is a silent guess.
    """

    id: str | None = None
    aliases: tuple[str, ...] = ()
    kind: str = "telegram"
    era: str | None = None
    classification: str | None = None
    caveats: tuple[str, ...] = ()
    current_classification: str | None = None
    precedence: str | None = None
    date: str | None = None
    dtg: str | None = None
    from_: str | None = field(default=None, metadata={"key": "from"})
    to: tuple[Addressee, ...] = ()
    info: tuple[Addressee, ...] = ()
    excluded: tuple[str, ...] = ()
    captions: tuple[str, ...] = ()
    attention: tuple[str, ...] = ()
    mrn: str | None = None
    section: Section | None = None
    eo: EO | None = None
    classified_by: Classifier | None = None
    tags: tuple[str, ...] = ()
    tags_raw: str | None = None
    tags_decoded: tuple[Tag, ...] = ()
    subject: str | None = None
    references: tuple[Reference, ...] = ()
    drafted_by: Officer | None = None
    approved_by: Officer | None = None
    cleared_by: tuple[Officer, ...] = ()
    paragraphs: tuple[Paragraph, ...] = ()
    summary: str | None = None
    signature: str | None = None
    struck: tuple[Span, ...] = ()
    release: Release | None = None
    text: str = ""
    removed: tuple[Removal, ...] = ()
    defects: tuple[Defect, ...] = ()
    notes: tuple[str, ...] = ()
    spans: dict[str, Span] = field(default_factory=dict)
    source: Source | None = None

    def to_json(self) -> dict[str, Any]:
        out = {"schema": SCHEMA}
        out.update(_Record.to_json(self))
        return out
