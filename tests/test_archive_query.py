"""The query language: parsing, plain English, SQL with bound parameters (SQLite's FTS5 and PostgreSQL's
tsquery dialects), clear errors, no injection."""

from __future__ import annotations

import re

import pytest
from conftest import ROOT
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cablegram.archive.postgres import pyformat

from cablegram.search import (
    OPERATORS,
    And,
    Filter,
    Not,
    Or,
    QueryError,
    Text,
    compile_query,
    english,
    fts_quote,
    parse_query,
)
from cablegram.search.compile_postgres import compile_postgres, ts_quote, tsquery_text


def _compiled(query: str):
    return compile_query(parse_query(query))


def test_words_phrases_and_prefixes_parse_into_text_nodes():
    assert parse_query('nuclear "peace plan" nucl*') == And((
        Text("word", "nuclear"), Text("phrase", "peace plan"), Text("prefix", "nucl")))


def test_or_binds_looser_than_and_and_not_binds_tightest():
    assert parse_query("a b OR c NOT d") == Or((And((Text("word", "a"), Text("word", "b"))),
                                                And((Text("word", "c"), Not(Text("word", "d"))))))


def test_minus_is_not_and_parentheses_group():
    assert parse_query("-(tag:PREL OR tag:PGOV)") == Not(Or((Filter("tag", "PREL"), Filter("tag", "PGOV"))))


def test_lower_case_and_or_not_are_ordinary_words():
    assert parse_query("war and peace") == And((Text("word", "war"), Text("word", "and"), Text("word", "peace")))


def test_field_values_are_normalised_by_their_operator():
    assert parse_query("class:s prec:o kind:Telegram tag:prel") == And((
        Filter("class", "SECRET"), Filter("prec", "IMMEDIATE"), Filter("kind", "telegram"), Filter("tag", "PREL")))


def test_date_ranges_cover_whole_months_and_days():
    assert parse_query("date:1996-04..1996-06").value == ("1996-04-01", "1996-07-01")
    assert parse_query("date:1996-02-29").value == ("1996-02-29", "1996-03-01")
    assert parse_query("date:..1970").value == (None, "1971-01-01")
    assert parse_query("year:1970..1975").value == (1970, 1975)


def test_english_reads_the_whole_query():
    text = english(parse_query('"peace plan" tag:PREL -class:SECRET date:1996-04..1996-06 cites:1996STATE075727'))
    assert text == ('the text contains the phrase "peace plan" and TAGS include PREL and not (originally classified '
                    'SECRET) and dated on or after 1996-04-01 and before 1996-07-01 and citing 1996STATE075727 in a REF line')


def test_text_at_top_level_drives_the_fts_join_and_filters_bind_parameters():
    c = _compiled("nuclear subject:korea tag:PREL")
    assert c.match == '"nuclear" AND subject : "korea"'
    assert "PREL" not in c.where and c.params == ("tag", "PREL")


def test_text_under_or_with_a_filter_becomes_a_bound_subquery():
    c = _compiled("nuclear OR tag:PREL")
    assert c.match is None
    assert c.params == ('"nuclear"', "tag", "PREL")
    assert c.where.count("?") == len(c.params)


def test_fts_terms_are_quoted_so_fts_syntax_is_just_text():
    c = _compiled('NEAR OR "NEAR(a b) ^x:y"')
    assert c.match == '("NEAR" OR "NEAR(a b) ^x:y")'
    assert fts_quote('say "no"') == '"say ""no"""'


@pytest.mark.parametrize("query", [
    "subject:\"x') OR 1=1 --\"", "tag:\"PREL'; DROP TABLE records; --\"", "\"x'); DROP TABLE records; --\"",
    "from:\"' OR ''='\"", 'date:1996..1997 "\\ OR 1=1"', "x' OR '1'='1",
])
def test_injection_attempts_never_reach_the_sql_text(query):
    c = _compiled(query)
    assert "DROP" not in c.where and "1=1" not in c.where and "''" not in c.where
    assert c.where.count("?") == len(c.params)


@pytest.mark.parametrize("query, message", [
    ("", "the query is empty"),
    ("   ", "the query is empty"),
    ("nuclear AND", "AND at character 9 has nothing after it"),
    ("OR nuclear", "OR at character 1 has nothing before it"),
    ("(nuclear", "the '(' at character 1 is never closed"),
    ("nuclear)", "unexpected ')' at character 8"),
    ('"peace plan', "the quote opened at character 1 is never closed"),
    ("colour:red", "unknown field 'colour'"),
    ("tag:", "tag: at character 1 needs a value"),
    ("tag: PREL", "needs a value right after the colon"),
    ("date:1996-13", "has no month 13"),
    ("date:1996-02-30", "has no day 30"),
    ("date:1997..1996", "ends before it starts"),
    ("year:96", "is not a four-digit year"),
    ("released:maybe", "is not one of full, part, denied, none"),
    ("eo:twelve", "is not an executive order number"),
    ("--", "has no letters or digits"),
    ("nu*clear", "* may only end a word"),
    ("NOT", "NOT at character 1 has nothing after it"),
    ("(" * 40 + "a" + ")" * 40, "deeper than 32 levels"),
])
def test_malformed_queries_say_what_is_wrong(query, message):
    with pytest.raises(QueryError, match=re.escape(message)):
        parse_query(query)


def test_unbalanced_injection_attempts_are_malformed_queries():
    for query in ("x'); DROP TABLE records; --", 'tag:PREL" OR 1=1'):
        with pytest.raises(QueryError):
            parse_query(query)


def test_every_operator_example_parses_and_renders_sql_or_text():
    for name, op in OPERATORS.items():
        node = parse_query(f"{name}:{op.example}")
        c = compile_query(node)
        assert c.where.count("?") == len(c.params), name
        assert english(node), name


def test_every_operator_is_documented_in_query_md():
    text = (ROOT / "docs" / "query.md").read_text()
    assert [name for name in OPERATORS if f"`{name}:" not in text] == []


# -- the PostgreSQL dialect ---------------------------------------------------------------------------
def _pg(query: str):
    return compile_postgres(parse_query(query))


def test_postgres_text_becomes_one_tsquery_of_quoted_lexemes():
    c = _pg('nuclear subject:korea "peace plan" nucl* tag:PREL')
    assert c.match == "'nuclear' & 'korea':A & 'peace plan' & 'nucl':*"
    assert c.params == ("tag", "PREL") and "PREL" not in c.where


def test_postgres_boolean_text_keeps_its_shape_and_text_under_or_with_filters_is_bound():
    assert _pg("((war -treaty) OR peace) subject:pea*").match == "(('war' & !'treaty') | 'peace') & 'pea':*A"
    top_not = _pg("war -treaty")
    assert top_not.match == "'war'" and top_not.params == ("'treaty'",) and top_not.where.startswith("(NOT COALESCE(")
    c = _pg("nuclear OR tag:PREL")
    assert c.match is None and c.params == ("'nuclear'", "tag", "PREL")
    assert "to_tsquery('simple', ?)" in c.where and c.where.count("?") == len(c.params)
    assert "NOT COALESCE(" in _pg("-(nuclear OR tag:PREL)").where


def test_postgres_quoting_leaves_no_tsquery_syntax():
    assert ts_quote("it's a\\b") == "'it''s a\\\\b'"
    assert _pg('"x\' | !y:*" z').match == "'x'' | !y:*' & 'z'"


@pytest.mark.parametrize("query", [
    "subject:\"x') OR 1=1 --\"", "tag:\"PREL'; DROP TABLE records; --\"", "\"x'); DROP TABLE records; --\"",
    "from:\"' OR ''='\"", 'date:1996..1997 "\\ OR 1=1"', "x' OR '1'='1",
])
def test_postgres_injection_attempts_never_reach_the_sql_text(query):
    c = _pg(query)
    assert "DROP" not in c.where and "1=1" not in c.where and "''" not in c.where
    assert c.where.count("?") == len(c.params)


def test_every_operator_example_compiles_for_postgres():
    for name, op in OPERATORS.items():
        c = _pg(f"{name}:{op.example}")
        assert c.where.count("?") == len(c.params), name


def test_the_qmark_translation_skips_quoted_strings_and_escapes_percent():
    assert pyformat("SELECT '?%' || ? FROM t WHERE k LIKE 'id:%' AND v = ?") == (
        "SELECT '?%%' || %s FROM t WHERE k LIKE 'id:%%' AND v = %s")


_WORDS = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), min_size=1, max_size=12)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(words=st.lists(_WORDS, min_size=1, max_size=4), mode=st.sampled_from(["word", "phrase", "prefix"]))
def test_any_text_makes_a_tsquery_the_server_accepts(pg_connection, words, mode):
    node = Or(tuple(Not(Text(mode, w)) if i % 2 else Text(mode, w, "subject" if i % 3 else None)
                    for i, w in enumerate(words)) + (Text("word", "x"),)) if len(words) > 1 else Text(mode, words[0])
    text = tsquery_text(node)
    if text is not None:
        pg_connection.execute("SELECT to_tsvector('simple', 'x y') @@ to_tsquery('simple', %s)", (text,))


@pytest.fixture(scope="module")
def pg_connection(postgres_server):
    import psycopg

    with psycopg.connect(postgres_server.new_database(), autocommit=True) as conn:
        yield conn
