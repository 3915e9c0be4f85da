"""The query language: a tokenizer and a recursive-descent parser that build a small, immutable AST.

Grammar (operators in upper case; lower-case ``and``/``or``/``not`` are ordinary words)::

    query   = or
    or      = and { "OR" and }
    and     = unary { ["AND"] unary }          (juxtaposition means AND)
    unary   = ("NOT" | "-") unary | primary
    primary = "(" or ")" | FIELD ":" value | WORD | WORD "*" | PHRASE
    value   = WORD | WORD "*" | PHRASE | RANGE  (a..b, a.., ..b)

Nothing here knows SQL: :mod:`cablegram.search.compile` turns the tree into SQL with every value
bound as a parameter, and :func:`english` into plain English. Every malformed query raises
:class:`QueryError` whose message says what is wrong and where.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .operators import OPERATORS, QueryError

__all__ = ["And", "Filter", "Node", "Not", "Or", "QueryError", "Text", "english", "parse_query"]

MAX_QUERY_CHARS = 2000
MAX_DEPTH = 32


@dataclass(frozen=True)
class Text:
    """Full-text match. ``mode`` is ``word``, ``phrase`` or ``prefix``; ``column`` is None (subject
    and text) or ``subject``."""

    mode: str
    value: str
    column: str | None = None


@dataclass(frozen=True)
class Filter:
    """A fielded filter: ``op`` names a row of :data:`OPERATORS`; ``value`` is already validated and
    normalised by that operator (a string, or a ``(low, high)`` pair for ranges); ``prefix`` is True for
    ``tag:PR*``."""

    op: str
    value: object
    prefix: bool = False


@dataclass(frozen=True)
class And:
    children: tuple[Node, ...]


@dataclass(frozen=True)
class Or:
    children: tuple[Node, ...]


@dataclass(frozen=True)
class Not:
    child: Node


Node = Text | Filter | And | Or | Not


# -- tokenizer ----------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Token:
    kind: str  # LPAREN RPAREN AND OR NOT WORD PHRASE FIELD
    value: str
    pos: int


_WORD = re.compile(r'[^\s()"]+')
_FIELD = re.compile(r"([A-Za-z]+):")


def tokenize(query: str) -> list[Token]:
    """Split a query into tokens; a ``"`` without its closing quote is an error."""
    tokens: list[Token] = []
    i, n = 0, len(query)
    while i < n:
        c = query[i]
        if c.isspace():
            i += 1
        elif c in "()":
            tokens.append(Token("LPAREN" if c == "(" else "RPAREN", c, i))
            i += 1
        elif c == '"':
            end = query.find('"', i + 1)
            if end < 0:
                raise QueryError(f"the quote opened at character {i + 1} is never closed")
            star = end + 1 < n and query[end + 1] == "*"
            tokens.append(Token("PHRASE", query[i + 1:end], i))
            if star:
                raise QueryError(f'a "phrase" cannot end in * (character {end + 2}); use prefix* on a single word')
            i = end + 1
        else:
            field = _FIELD.match(query, i)
            if field and field.group(1).lower() in OPERATORS:
                tokens.append(Token("FIELD", field.group(1).lower(), i))
                i = field.end()
                continue
            if field and query[field.end():field.end() + 1].strip():
                raise QueryError(f"unknown field {field.group(1)!r}: at character {i + 1}; known fields are "
                                 f"{', '.join(sorted(OPERATORS))} (to search for the text itself, put it in quotes)")
            m = _WORD.match(query, i)
            word = m.group(0)
            negates = word.startswith("-") and not tokens_end_field(tokens) and (
                len(word) > 1 or query[i + 1:i + 2] in ('"', "("))
            if negates:  # -word, -"phrase", -(group): NOT
                tokens.append(Token("NOT", "-", i))
                i += 1
                continue
            tokens.append(Token(word if word in ("AND", "OR", "NOT") else "WORD", word, i))
            i = m.end()
    return tokens


def tokens_end_field(tokens: list[Token]) -> bool:
    """True when the previous token is ``field:`` (so ``date:-x`` keeps its minus as part of the value)."""
    return bool(tokens) and tokens[-1].kind == "FIELD"


# -- parser -------------------------------------------------------------------------------------------
class _Parser:
    def __init__(self, tokens: list[Token]):
        self.tokens = tokens
        self.i = 0
        self.depth = 0

    def peek(self) -> Token | None:
        return self.tokens[self.i] if self.i < len(self.tokens) else None

    def take(self) -> Token:
        tok = self.tokens[self.i]
        self.i += 1
        return tok

    def parse(self) -> Node:
        node = self.or_()
        tok = self.peek()
        if tok is not None:  # only an unmatched ")" can stop the loops early
            raise QueryError(f"unexpected ')' at character {tok.pos + 1}: there is no '(' for it")
        return node

    def or_(self) -> Node:
        parts = [self.and_()]
        while (tok := self.peek()) is not None and tok.kind == "OR":
            self.take()
            if self.peek() is None or self.peek().kind in ("RPAREN", "OR", "AND"):
                raise QueryError(f"OR at character {tok.pos + 1} has nothing after it")
            parts.append(self.and_())
        return parts[0] if len(parts) == 1 else Or(tuple(parts))

    def and_(self) -> Node:
        tok = self.peek()
        if tok is None:
            raise QueryError("the query is empty" if not self.tokens else "the query ends where a search term was expected")
        if tok.kind in ("OR", "AND"):
            raise QueryError(f"{tok.value} at character {tok.pos + 1} has nothing before it")
        if tok.kind == "RPAREN":
            raise QueryError(f"')' at character {tok.pos + 1} closes an empty or unopened group")
        parts = [self.unary()]
        while (tok := self.peek()) is not None and tok.kind not in ("OR", "RPAREN"):
            if tok.kind == "AND":
                self.take()
                nxt = self.peek()
                if nxt is None or nxt.kind in ("OR", "AND", "RPAREN"):
                    raise QueryError(f"AND at character {tok.pos + 1} has nothing after it")
            parts.append(self.unary())
        return parts[0] if len(parts) == 1 else And(tuple(parts))

    def unary(self) -> Node:
        tok = self.peek()
        if tok is not None and tok.kind == "NOT":
            self.take()
            if self.peek() is None or self.peek().kind in ("OR", "AND", "RPAREN"):
                raise QueryError(f"NOT at character {tok.pos + 1} has nothing after it")
            return Not(self.unary())
        return self.primary()

    def primary(self) -> Node:
        tok = self.take()
        if tok.kind == "LPAREN":
            self.depth += 1
            if self.depth > MAX_DEPTH:
                raise QueryError(f"the query nests groups deeper than {MAX_DEPTH} levels")
            if self.peek() is None:
                raise QueryError(f"the '(' at character {tok.pos + 1} is never closed")
            node = self.or_()
            close = self.peek()
            if close is None or close.kind != "RPAREN":
                raise QueryError(f"the '(' at character {tok.pos + 1} is never closed")
            self.take()
            self.depth -= 1
            return node
        if tok.kind == "FIELD":
            return self.field(tok)
        if tok.kind == "PHRASE":
            return _text(tok.value, phrase=True, pos=tok.pos)
        if tok.kind == "WORD":
            return _text(tok.value, phrase=False, pos=tok.pos)
        raise QueryError(f"unexpected {tok.value!r} at character {tok.pos + 1}")  # pragma: no cover

    def field(self, tok: Token) -> Node:
        value = self.peek()
        if value is None or value.kind not in ("WORD", "PHRASE") or value.pos != tok.pos + len(tok.value) + 1:
            raise QueryError(f"{tok.value}: at character {tok.pos + 1} needs a value right after the colon "
                             f"(e.g. {tok.value}:{OPERATORS[tok.value].example})")
        self.take()
        op = OPERATORS[tok.value]
        if op.kind == "text":
            return _text(value.value, phrase=value.kind == "PHRASE", pos=value.pos, column=op.target)
        raw = value.value
        prefix = value.kind == "WORD" and raw.endswith("*") and op.prefixable
        if prefix:
            raw = raw[:-1]
        if not raw.strip():
            raise QueryError(f"{tok.value}: at character {tok.pos + 1} has an empty value")
        return Filter(op.name, op.parse_value(raw), prefix)


def _text(raw: str, *, phrase: bool, pos: int, column: str | None = None) -> Text:
    prefix = not phrase and raw.endswith("*")
    core = raw.rstrip("*") if prefix else raw
    if not re.search(r"\w", core):
        what = "phrase" if phrase else "word"
        raise QueryError(f"the {what} {raw!r} at character {pos + 1} has no letters or digits to search for")
    if not phrase and "*" in core:
        raise QueryError(f"{raw!r} at character {pos + 1}: * may only end a word (prefix*)")
    mode = "phrase" if phrase and len(core.split()) > 1 else "prefix" if prefix else "word"
    return Text(mode, " ".join(core.split()), column)


def parse_query(query: str) -> Node:
    """Parse a query string into its AST; raise :class:`QueryError` on a malformed query."""
    if not isinstance(query, str):
        raise TypeError(f"parse_query() takes str, not {type(query).__name__}")
    if len(query) > MAX_QUERY_CHARS:
        raise QueryError(f"the query has {len(query):,} characters; at most {MAX_QUERY_CHARS:,} are allowed")
    if "\x00" in query:  # PostgreSQL refuses NUL in any string; refused here, every store behaves alike
        raise QueryError(f"the query holds a NUL character (at position {query.index(chr(0)) + 1}); remove it")
    tokens = tokenize(query)
    if not tokens:
        raise QueryError("the query is empty: give words, \"phrases\" or field:value filters (see docs/query.md)")
    return _Parser(tokens).parse()


# -- plain English ------------------------------------------------------------------------------------
def english(node: Node) -> str:
    """The query in plain English: ``the text contains the word "nuclear" and TAGS include PREL``."""
    if isinstance(node, Text):
        where = "the subject" if node.column == "subject" else "the text"
        if node.mode == "phrase":
            return f'{where} contains the phrase "{node.value}"'
        if node.mode == "prefix":
            return f'{where} contains a word starting with "{node.value}"'
        return f'{where} contains the word "{node.value}"'
    if isinstance(node, Filter):
        return OPERATORS[node.op].english_for(node.value, node.prefix)
    if isinstance(node, Not):
        return f"not ({english(node.child)})"
    joiner = " and " if isinstance(node, And) else " or "
    parts = [english(c) if not isinstance(c, (And, Or)) else f"({english(c)})" for c in node.children]
    return joiner.join(parts)
