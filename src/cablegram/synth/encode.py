"""Records as JSON on the generator's hot path: the ``to_json()`` dict, or its JSON text directly.

``record_json(r)`` equals ``r.to_json()``; ``record_text(r)`` equals ``json.dumps(r.to_json())``
character for character, without building the dict first. Both walk a record with code generated
once per record class from its dataclass fields (keys and separators written in as constants), so
a cable costs one call per nested record rather than a generic walk over every field.
"""

from __future__ import annotations

import json
from dataclasses import fields, is_dataclass
from json.encoder import encode_basestring_ascii

from ..model import SCHEMA, Telegram

_NONE = type(None)
_SCALARS = frozenset((str, int, float, bool, _NONE))


# -- the to_json() dict ----------------------------------------------------------------------------
_DICT_CONVERTERS: dict[type, object] = {}


def _dict_converter(cls: type):
    """A function ``record -> dict`` for one record class, scalars inlined (generated once per class)."""
    items = []
    for f in fields(cls):
        key = f.metadata.get("key", f.name)
        items.append(f"{key!r}: (x if type(x := v.{f.name}) in S else [] if x == () else P(x))")
    src = "def convert(v):\n    return {" + ", ".join(items) + "}"
    scope = {"S": _SCALARS, "P": _plain}
    exec(src, scope)  # noqa: S102 - code built from the dataclass's own field names
    return scope["convert"]


def _plain(v):
    t = type(v)
    if t in _SCALARS:
        return v
    if t is tuple:
        if len(v) == 2 and type(v[0]) is int and type(v[1]) is int:
            return [v[0], v[1]]
        return [_plain(x) for x in v]
    if t is dict:
        return {k: _plain(x) for k, x in v.items()}
    conv = _DICT_CONVERTERS.get(t)
    if conv is None:
        conv = _DICT_CONVERTERS[t] = _dict_converter(t)
    return conv(v)


def record_json(record: Telegram) -> dict:
    """``record.to_json()``, computed with the field lists cached."""
    out = {"schema": SCHEMA}
    out.update(_plain(record))
    return out


# -- the JSON text ---------------------------------------------------------------------------------
_TEXT_ENCODERS: dict[type, object] = {}


def _text_encoder(cls: type, head: str = ""):
    """A function ``record -> JSON text`` for one record class: one f-string whose constant parts
    are the keys and separators ``json.dumps`` writes, and whose slots encode the field values
    (None, strings and empty tuples inline, anything else through :func:`_encode`)."""
    slots = []
    for k, f in enumerate(fields(cls)):
        key = f.metadata.get("key", f.name)
        if not key.isidentifier():  # keys go into the f-string's literal text unescaped
            raise TypeError(f"{cls.__name__}: key {key!r} cannot be compiled")
        sep = ", " if (k or head) else ""
        slots.append(f'{sep}"{key}": {{"null" if (x{k} := v.{f.name}) is None else '
                     f'S(x{k}) if type(x{k}) is str else "[]" if x{k} == () else E(x{k})}}')
    src = f"def encode(v):\n    return f'{{{{{head}{''.join(slots)}}}}}'"
    scope = {"S": encode_basestring_ascii, "E": _encode}
    exec(src, scope)  # noqa: S102 - code built from the dataclass's own field names
    return scope["encode"]


def _encode(v) -> str:
    """``json.dumps(_plain(v))`` for any value a record holds."""
    t = type(v)
    enc = _TEXT_ENCODERS.get(t)
    if enc is None:
        enc = _TEXT_ENCODERS[t] = _text_encoder(t) if is_dataclass(t) else _standard
    return enc(v)


def _sequence(v: tuple | list) -> str:
    if len(v) == 1:  # one addressee, one reference: the commonest length
        return f"[{_encode(v[0])}]"
    if len(v) == 2 and type(v[0]) is int and type(v[1]) is int:  # a span: every paragraph has one
        return f"[{v[0]}, {v[1]}]"
    return "[" + ", ".join(map(_encode, v)) + "]" if v else "[]"


def _mapping(v: dict) -> str:
    if not all(type(k) is str for k in v):
        return _standard(v)
    return "{" + ", ".join(f"{encode_basestring_ascii(k)}: {_encode(x)}" for k, x in v.items()) + "}"


def _standard(v) -> str:
    return json.dumps(_plain(v))  # floats and anything rarer: the standard encoder's own text


_TEXT_ENCODERS.update({str: encode_basestring_ascii, int: int.__repr__, _NONE: lambda v: "null",
                       bool: lambda v: "true" if v else "false", tuple: _sequence, list: _sequence, dict: _mapping})
_TELEGRAM_TEXT = _text_encoder(Telegram, head=f'"schema": {json.dumps(SCHEMA)}')


def record_text(record: Telegram) -> str:
    """``json.dumps(record.to_json())``, written directly from the record."""
    return _TELEGRAM_TEXT(record)


def sample_text(text: str, record: Telegram) -> str:
    """``json.dumps({"text": text, "truth": record.to_json()})``: one line of a JSONL corpus."""
    return f'{{"text": {encode_basestring_ascii(text)}, "truth": {_TELEGRAM_TEXT(record)}}}'
