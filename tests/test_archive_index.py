"""The tantivy search index against the SQL path it must agree with: real tantivy, real SQLite.

The corpus: the hand-written small corpus plus 200 synthetic telegrams of every era. Each query runs
twice, through the store's FTS5 path and through the index, and the answers (hits, totals, date
order, facets, exports) must be the same; then the index is killed mid-update, replayed, rebuilt and
made to follow deletions.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from archive_support import small_corpus
from click.testing import CliRunner

from cablegram.archive import (
    UNRESTRICTED,
    Reader,
    Viewer,
    index_read,
    ingest,
    open_store,
)
from cablegram.archive.index import INDEX_FOLDER, SearchIndex, index_status, ready_index
from cablegram.archive.rows import CLASS_RANK, UNKNOWN_RANK
from cablegram.archive.store import SourceInfo
from cablegram.cli import main
from cablegram.search import QueryError
from cablegram.synth import ERAS, generate
from cablegram.synth.output import write

ROOT = Path(__file__).resolve().parent.parent
ALL_FACETS = ("tag", "from", "to", "class", "caption", "year", "kind", "released", "exemption", "era", "defect", "month")


def _build(folder: Path, synthetic: int = 200) -> Path:
    small_corpus(folder / "in")
    write(generate(synthetic, 7, ERAS), folder / "in" / "synth.jsonl")
    with open_store(folder / "db") as store:
        ingest(store, [str(folder / "in")])
    return folder / "db"


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    db = _build(tmp_path_factory.mktemp("index"))
    with open_store(db, create=False) as store:
        SearchIndex.rebuild(db / INDEX_FOLDER, store)
    return db


@pytest.fixture()
def both(db):
    """Run a search through the SQL path and through the index, for one viewer."""
    store = open_store(db, create=False)
    index = SearchIndex.open(db / INDEX_FOLDER)

    def run(query: str, viewer: Viewer = UNRESTRICTED, **kw):
        return (Reader(store, viewer).search(query, **kw), Reader(store, viewer, index=index).search(query, **kw))
    yield run
    store.close()


QUERIES = [
    # words, phrases, prefixes, booleans
    "declaration", "nuclear", "NUCLEAR Declaration", '"nuclear declaration"', '"six-party talks"', "six-party",
    "summ*", "decl*", "six-par*", "budget OR trade", "nuclear -tag:PARM", "nuclear NOT russia",
    "(visa OR border) AND minister", "NOT nuclear", "subject:nuclear", 'subject:"nuclear declaration"', "café",
    # every fielded filter
    "tag:PREL", "tag:PR*", "from:MOSCOW", "from:TOKYO OR from:BERLIN", "to:MOSCOW", "to:SEOUL", "class:SECRET",
    "class:S nuclear", "class:C*", "caption:NODIS", "prec:IMMEDIATE", "prec:O", "date:2008-02..2008-03",
    "date:1990..1995", "date:..1980", "date:2010-06-30..", "year:1996", "year:1990..1999", "year:2005..",
    "kind:telegram", "era:acp127-2000s", "released:part", "released:none", "NOT released:none", "exemption:B6",
    "eo:12958", "eo:12356 tag:PREL", "drafter:EAP/K clearer:JHERBST", "drafter:J*", "cites:2008STATE012345",
    "cites:08MOSCOW220", "ref:2008MOSCOW000220", "id:08MOSCOW220", "defect:ambiguous-number",
    "tag:PREL (from:WASHDC OR to:WASHDC) -class:UNCLASSIFIED", "year:2000.. NOT (tag:PREL OR tag:ECON)",
]


def _ids(result) -> list[int]:
    return [h.record_id for h in result.hits]


@pytest.mark.parametrize("query", QUERIES)
def test_the_index_finds_what_the_sql_path_finds(both, query):
    sql, index = both(query, limit=1000, sort="date", facets=ALL_FACETS, facet_limit=1000)
    assert index.total == sql.total
    assert _ids(index) == _ids(sql)  # the same records, in the same date order
    assert {f.name: f.counts for f in index.facets} == {f.name: f.counts for f in sql.facets}


@pytest.mark.parametrize("query", ["nuclear", "tag:PREL", "summ* -tag:ECON", "kind:telegram"])
def test_top_facet_values_break_ties_as_sql_does(both, query):
    sql, index = both(query, limit=0, facets=ALL_FACETS, facet_limit=3)
    assert [f.counts for f in index.facets] == [f.counts for f in sql.facets]


def test_the_corpus_gives_the_queries_something_to_find(both):
    found = [q for q in QUERIES if both(q, limit=0)[0].total]
    assert len(found) >= len(QUERIES) - 6  # a spread of queries that select records, not empty answers


def test_relevance_ranks_by_score_and_pages_with_offset(both):
    _, first = both("nuclear declaration", limit=3)
    _, rest = both("nuclear declaration", limit=3, offset=3)
    scores = [h.score for h in first.hits + rest.hits]
    assert scores == sorted(scores, reverse=True) and None not in scores
    assert not set(_ids(first)) & set(_ids(rest))
    assert "NUCLEAR" in first.hits[0].fields["subject"]  # the subject weighs more, as in FTS5


def test_snippets_mark_words_phrases_and_prefixes(both):
    for query, marked in (("declaration", "[declaration]"), ('"nuclear declaration"', "[nuclear declaration]"),
                          ("summ*", "[summary]"), ('"six-party talks"', "[six-party talks]")):
        _, index = both(query, limit=5)
        assert index.hits and all(marked in h.snippet.lower() for h in index.hits[:1]), (query, index.hits[0].snippet)


@pytest.mark.parametrize("clearance", ["UNCLASSIFIED", "CONFIDENTIAL", "SECRET"])
@pytest.mark.parametrize("query", ["nuclear", "year:1990..2020", "NOT nuclear", "summ*", "kind:telegram"])
def test_the_viewer_scope_applies_inside_the_index(both, clearance, query):
    viewer = Viewer(clearance)
    sql, index = both(query, viewer, limit=1000, sort="date", facets=("class", "tag", "year"), facet_limit=1000)
    assert (index.total, _ids(index)) == (sql.total, _ids(sql))
    assert {f.name: f.counts for f in index.facets} == {f.name: f.counts for f in sql.facets}
    _, unrestricted = both(query, limit=0, facets=("class",), facet_limit=1000)
    above = sum(n for cls, n in unrestricted.facets[0].counts if CLASS_RANK.get(cls, UNKNOWN_RANK) > CLASS_RANK[clearance])
    assert above and index.total == unrestricted.total - above  # the scope hides exactly what lies above
    assert all(CLASS_RANK[cls] <= CLASS_RANK[clearance] for cls, _ in index.facets[0].counts)


def test_restricted_records_leak_through_no_count_facet_or_snippet(both):
    """The Seoul cable (SECRET) alone says 'welcomes': a CONFIDENTIAL reader sees no trace of it."""
    everyone, _ = both("welcomes", limit=10, facets=("tag", "class"))
    assert everyone.total >= 1 and "SECRET" in dict(everyone.facets[1].counts)
    for result in both("welcomes", Viewer("CONFIDENTIAL"), limit=10, facets=("tag", "class")):
        assert result.total == 0 and result.hits == () and all(f.counts == () for f in result.facets)
    _, index = both("Seoul OR welcomes", Viewer("CONFIDENTIAL"), limit=1000)
    assert all("welcomes" not in h.snippet.lower() for h in index.hits)


@pytest.mark.parametrize("clearance", [None, "CONFIDENTIAL"])
def test_the_overview_and_browsing_through_the_index_agree_with_the_store(db, clearance):
    """The web's start and browse pages: counts of every value, and per year, for each viewer."""
    with open_store(db, create=False) as store:
        sql, via = Reader(store, Viewer(clearance)), Reader(store, Viewer(clearance), index=SearchIndex.open(db / INDEX_FOLDER))
        assert via.overview() == sql.overview()
        assert via.overview()["records"] > 100 and via.overview()["first"] < via.overview()["last"]
        for name in (*ALL_FACETS, "drafter", "clearer"):
            for limit in (3, 1000):
                assert via.browse(name, limit=limit) == sql.browse(name, limit=limit), (name, limit)
        assert len(via.browse("drafter", limit=1000)) > 3 and via.browse("tag", limit=1)[0].by_year


def test_browsing_an_index_that_cannot_count_a_field_falls_back_to_the_store(db):
    with open_store(db, create=False) as store:
        index = SearchIndex.open(db / INDEX_FOLDER)
        assert index_read.browse_with_index(Reader(store, index=index), "term", "from.word", 5) is None
        assert Reader(store, index=index).browse("drafter", limit=5)  # a fast field: answered by the index


def test_export_through_the_index_streams_every_match_in_date_order(db, monkeypatch):
    monkeypatch.setattr(index_read, "_EXPORT_PAGE", 7)  # many pages, to exercise the keyset paging
    with open_store(db, create=False) as store:
        index = SearchIndex.open(db / INDEX_FOLDER)
        for query, viewer in (("kind:telegram", Viewer()), ("NOT nuclear", Viewer("SECRET"))):
            sql = [(f["record_id"], r["text"]) for f, r in Reader(store, viewer).export(query)]
            via = [(f["record_id"], r["text"]) for f, r in Reader(store, viewer, index=index).export(query)]
            assert via == sql and len(sql) > 20


def test_reindex_gives_the_same_index_as_incremental_updates(tmp_path):
    small_corpus(tmp_path / "in")
    write(generate(60, 5, ERAS), tmp_path / "in" / "synth.jsonl")
    grown_db = tmp_path / "grown"  # an index that grew by updates: built empty, then following two ingests
    with open_store(grown_db) as store:
        grown = SearchIndex.rebuild(grown_db / INDEX_FOLDER, store)
        assert grown.documents() == 0
        ingest(store, [str(tmp_path / "in" / "synth.jsonl")])
        assert grown.update(store, batch=13) == 60
        ingest(store, [str(tmp_path / "in")])
        grown.update(store, batch=13)
        rebuilt = SearchIndex.rebuild(tmp_path / "rebuilt", store)
        assert grown.status(store).in_step and rebuilt.status(store).in_step
        for query in ("nuclear", "tag:PREL", "NOT summ*", "year:1990..1999 OR caption:NODIS", "kind:telegram"):
            a = Reader(store, index=grown).search(query, limit=1000, sort="date", facets=ALL_FACETS, facet_limit=100)
            b = Reader(store, index=rebuilt).search(query, limit=1000, sort="date", facets=ALL_FACETS, facet_limit=100)
            assert (a.total, _ids(a), a.facets) == (b.total, _ids(b), b.facets) and a.total
        assert grown.documents() == rebuilt.documents() == next(store.rows("SELECT COUNT(*) AS n FROM records"))["n"]


def test_replaying_changes_already_applied_changes_nothing(tmp_path):
    db = _build(tmp_path, synthetic=30)
    with open_store(db, create=False) as store:
        index = SearchIndex.rebuild(db / INDEX_FOLDER, store)
        before = Reader(store, index=index).search("kind:telegram OR NOT kind:telegram", limit=1000, sort="date")
        index.replay(store, store.changes_since(0, 1_000_000))
        after = Reader(store, index=index).search("kind:telegram OR NOT kind:telegram", limit=1000, sort="date")
        assert index.documents() == before.total == after.total == len(set(_ids(after)))
        assert _ids(after) == _ids(before) and index.status(store).in_step


_UPDATE_SLOWLY = textwrap.dedent("""
    import sys, time
    from cablegram.archive import open_store
    from cablegram.archive.index import SearchIndex
    store = open_store(sys.argv[1], create=False)
    index = SearchIndex.open(sys.argv[2])
    def progress(applied):
        print(applied, flush=True)
        time.sleep(0.05)  # give the test time to kill this process between (or during) commits
    index.update(store, batch=10, progress=progress)
    print("done", flush=True)
""")


def test_an_update_killed_midway_resumes_in_step_without_duplicates(tmp_path):
    db = tmp_path / "db"
    with open_store(db) as store:
        SearchIndex.rebuild(db / INDEX_FOLDER, store)  # empty: everything below is an update
        small_corpus(tmp_path / "in")
        write(generate(120, 11, ERAS), tmp_path / "in" / "synth.jsonl")
        ingest(store, [str(tmp_path / "in")])
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    proc = subprocess.Popen([sys.executable, "-c", _UPDATE_SLOWLY, str(db), str(db / INDEX_FOLDER)],
                            stdout=subprocess.PIPE, text=True, env=env)
    for _ in range(3):
        assert proc.stdout.readline().strip().isdigit()
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    with open_store(db, create=False) as store:
        index = SearchIndex.open(db / INDEX_FOLDER)
        status = index.status(store)
        assert 0 < status.watermark < status.head  # killed midway ...
        applied = {rid for _, rid, _ in store.changes_since(0, status.watermark)}
        assert index.documents() == len(applied)  # ... and the watermark says exactly what the index holds
        index.update(store)
        assert index.status(store).in_step
        everything = Reader(store, index=index).search("kind:telegram OR NOT kind:telegram", limit=10_000)
        stored = [r["record_id"] for r in store.rows("SELECT record_id FROM records")]
        assert sorted(_ids(everything)) == sorted(stored) and everything.total == len(stored)


def test_records_deleted_by_a_reingest_vanish_from_the_index_and_come_back_once(tmp_path):
    db = _build(tmp_path, synthetic=0)
    with open_store(db, create=False) as store:
        index = SearchIndex.rebuild(db / INDEX_FOLDER, store)
        assert Reader(store, index=index).search("tag:ECON OR exports").total == 2
        source = next(store.rows("SELECT sha256, path, size, method FROM sources WHERE path LIKE '%more.zip'"))
        store.begin_source(SourceInfo(**source))  # an interrupted re-ingest: the zip's records are gone
        index.update(store)
        sql, via = (r.search("tag:ECON OR exports", facets=("tag",)) for r in (Reader(store), Reader(store, index=index)))
        assert via.total == sql.total == 0 and via.facets == sql.facets  # Tokyo and Berlin were in the zip
        assert Reader(store, index=index).search("Japanese exports").total == 0
        assert index.documents() == next(store.rows("SELECT COUNT(*) AS n FROM records"))["n"]
        ingest(store, [str(tmp_path / "in")])  # the re-run finishes the pending source
        index.update(store)
        result = Reader(store, index=index).search("Japanese exports")
        assert result.total == 1 and len(result.hits) == 1


def test_migration_2_logs_the_records_already_stored(tmp_path):
    db = _build(tmp_path, synthetic=0)
    with open_store(db, create=False) as store:
        store.conn.executescript("""DROP TRIGGER records_log_insert; DROP TRIGGER records_log_delete;
                                    DROP TABLE record_log; DELETE FROM schema_migrations WHERE version = 2;""")
    with open_store(db, create=False) as store:  # opening migrates: back to version 2, log back-filled
        stored = sorted(r["record_id"] for r in store.rows("SELECT record_id FROM records"))
        log = store.changes_since(0, 1000)
        assert [(rid, op) for _, rid, op in log] == [(rid, "add") for rid in stored] and stored


def test_the_cli_builds_updates_checks_and_rebuilds_the_index(tmp_path):
    small_corpus(tmp_path / "in")
    runner = CliRunner()
    db = str(tmp_path / "db")
    first = runner.invoke(main, ["ingest", str(tmp_path / "in" / "moscow.txt"), "--db", db, "--jobs", "1", "--no-index"])
    assert first.exit_code == 0 and not (tmp_path / "db" / INDEX_FOLDER).exists()
    second = runner.invoke(main, ["ingest", str(tmp_path / "in" / "nested"), "--db", db, "--jobs", "1"])
    assert second.exit_code == 0 and "search index built: 2 records" in second.output
    with open_store(db, create=False) as store:
        assert index_status(tmp_path / "db" / INDEX_FOLDER, store).in_step
    third = runner.invoke(main, ["ingest", str(tmp_path / "in" / "more.zip"), "--db", db, "--jobs", "1", "--no-index"])
    assert third.exit_code == 0
    check = runner.invoke(main, ["check", "--db", db])
    assert check.exit_code == 0 and "change(s) behind" in check.output
    search = runner.invoke(main, ["search", "exports", "--db", db, "--format", "json"])  # catches up first
    assert search.exit_code == 0 and '"total": 1' in search.output
    assert "index: search index in step: 5 records" in runner.invoke(main, ["check", "--db", db]).output
    rebuilt = runner.invoke(main, ["reindex", "--db", db])
    assert rebuilt.exit_code == 0 and "search index rebuilt: 5 records" in rebuilt.output
    assert [p.name for p in (tmp_path / "db" / INDEX_FOLDER).glob("gen-*")] == ["gen-000002"]


def test_explain_shows_the_index_query_when_the_index_answers(db):
    run = CliRunner().invoke
    via = run(main, ["search", "nuclear tag:PREL", "--db", str(db), "--explain"])
    assert via.exit_code == 0, via.output
    assert 'Records where the text contains the word "nuclear" and TAGS include PREL.' in via.output
    assert "search index" in via.output and "read from the store by record id" in via.output
    assert 'Term(field=tag, type=Str, "PREL")' in via.output and 'field=text, type=Str, "nuclear"' in via.output
    assert "SELECT" not in via.output
    sql = run(main, ["search", "nuclear tag:PREL", "--db", str(db), "--explain", "--no-index"])
    assert sql.exit_code == 0 and "SQL:" in sql.output and "MATCH ?" in sql.output and "tantivy" not in sql.output


def test_reindex_without_an_archive_says_so(tmp_path):
    result = CliRunner().invoke(main, ["reindex", "--db", str(tmp_path / "nowhere")])
    assert result.exit_code != 0 and "Traceback" not in result.output and "no archive here" in result.output


def test_a_damaged_index_is_reported_and_searches_fall_back_to_the_store(tmp_path):
    small_corpus(tmp_path / "in")
    runner = CliRunner()
    db = str(tmp_path / "db")
    assert runner.invoke(main, ["ingest", str(tmp_path / "in" / "nested"), "--db", db, "--jobs", "1"]).exit_code == 0
    for meta in (tmp_path / "db" / INDEX_FOLDER).glob("gen-*/meta.json"):
        meta.write_text("{ not json")
    search = runner.invoke(main, ["search", "demarche", "--db", db, "--format", "json"])
    assert search.exit_code == 0 and '"total": 1' in search.output and "cannot be read" in search.output
    check = runner.invoke(main, ["check", "--db", db])
    assert "cannot be read" in check.output and "Traceback" not in check.output
    assert runner.invoke(main, ["reindex", "--db", db]).exit_code == 0
    assert "index: search index in step: 1 records" in runner.invoke(main, ["check", "--db", db]).output


def test_an_index_derived_from_a_postgresql_store_agrees_with_it(postgres_url, tmp_path):
    """The index follows a PostgreSQL store by the same change log (facet ties aside: PostgreSQL sorts
    NULL last, SQLite first, so counts are compared as mappings)."""
    small_corpus(tmp_path / "in")
    write(generate(60, 7, ERAS), tmp_path / "in" / "synth.jsonl")
    with open_store(postgres_url) as store:
        index = SearchIndex.rebuild(tmp_path / "index", store)  # empty: what follows comes by updates
        ingest(store, [str(tmp_path / "in")])
        assert index.update(store, batch=25) > 60 and index.status(store).in_step
        for query in QUERIES:
            sql, via = (Reader(store, index=i).search(query, limit=1000, sort="date", facets=ALL_FACETS,
                                                      facet_limit=1000) for i in (None, index))
            assert (via.total, _ids(via)) == (sql.total, _ids(sql)), query
            assert {f.name: dict(f.counts) for f in via.facets} == {f.name: dict(f.counts) for f in sql.facets}, query
        for reader in (Reader(store), Reader(store, index=index)):  # refused before PostgreSQL would refuse it
            with pytest.raises(QueryError, match="NUL character"):
                reader.search("nuclear\x00 OR tag:PREL")


def test_while_another_process_writes_the_index_searches_use_it_only_if_in_step(tmp_path):
    db = _build(tmp_path, synthetic=0)
    with open_store(db, create=False) as store:
        SearchIndex.rebuild(db / INDEX_FOLDER, store)
        holder = SearchIndex.open(db / INDEX_FOLDER)
        writer = holder.index.writer()  # tantivy allows one writer per index: this one holds the lock
        index, note = ready_index(store, db / INDEX_FOLDER)
        assert index is not None and note is None  # in step: usable as it is
        store.begin_source(SourceInfo(**next(store.rows("SELECT sha256, path, size, method FROM sources WHERE documents > 0 LIMIT 1"))))
        index, note = ready_index(store, db / INDEX_FOLDER)
        assert index is None and "another process is updating" in note  # behind and busy: use the store
        del writer
