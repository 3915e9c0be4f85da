"""The query language of the archive: parse a query into an AST, say it in English, compile it to SQL.

``parse_query("nuclear tag:PREL")`` -> AST; ``english(ast)``; ``compile_query(ast)`` -> SQL and
parameters. The operators are one declarative table (:data:`OPERATORS`); ``docs/query.md`` is the
user's guide. Running queries belongs to :mod:`cablegram.archive.read`.
"""

from .compile import Compiled, compile_query, fts_quote
from .operators import OPERATORS, Operator, QueryError
from .query import And, Filter, Node, Not, Or, Text, english, parse_query

__all__ = ["OPERATORS", "And", "Compiled", "Filter", "Node", "Not", "Operator", "Or", "QueryError", "Text",
           "compile_query", "english", "fts_quote", "parse_query"]
