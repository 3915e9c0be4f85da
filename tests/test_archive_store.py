"""The record stores and ingest: every kind of input, idempotence, releases linked, references, migrations.

Tests that take ``location`` run against both stores (a SQLite folder, a PostgreSQL database)."""

from __future__ import annotations

import json
import sqlite3

import pytest
from archive_support import STORES, cable, new_archive, scalar, small_corpus

from cablegram.archive import Reader, SQLiteStore, Viewer, ingest, open_store
from cablegram.archive.pg_schema import MIGRATIONS as PG_MIGRATIONS
from cablegram.archive.postgres import PostgresStore
from cablegram.archive.schema import MIGRATIONS
from cablegram.archive.store import SourceInfo


@pytest.fixture(params=STORES)
def location(request, tmp_path) -> str:
    """A new, empty archive of each kind of store."""
    return new_archive(request.param, request, tmp_path / "db")


@pytest.fixture()
def corpus(tmp_path):
    expected = small_corpus(tmp_path / "in")
    return tmp_path / "in", expected


def _count(store, sql, params=()):
    return scalar(store, sql, params)


def test_ingest_reads_txt_jsonl_csv_zip_and_pdf(location, corpus):
    folder, expected = corpus
    with open_store(location) as store:
        report = ingest(store, [str(folder)])
        assert report.documents == expected["documents"] == _count(store, "SELECT COUNT(*) FROM records")
        assert report.files == expected["sources"]
        assert [p for p, _ in report.failed] == [str(folder / "blank.pdf")]
        assert "no text layer and no image" in report.failed[0][1]
        warnings = dict(report.warnings)
        assert "line 4: no text in field 'text'" in warnings[str(folder / "releases.jsonl")]
        assert "page 2" in warnings[str(folder / "scan.pdf")]
        locators = {r["locator"] for r in store.rows("SELECT locator FROM records")}
        assert {"a/tokyo.txt", "b/seoul.csv row 1", "c/memo.pdf", "line 1", "line 2", "line 3"} <= locators
        pdf = next(store.rows("SELECT pages, method, status FROM sources WHERE path LIKE '%scan.pdf'"))
        assert tuple(pdf.values()) == (2, "pdf-text-layer", "ok")
        assert store.check().ok


def test_frus_rows_without_text_are_read_through_frus_document(location, corpus):
    folder, _ = corpus
    with open_store(location) as store:
        ingest(store, [str(folder / "releases.jsonl")])
        label = next(store.rows("SELECT label, kind FROM records WHERE locator = 'line 3'"))
        assert tuple(label.values()) == ("frus1969-76v03/d14", "telegram")


def test_reingesting_adds_nothing(location, corpus):
    folder, _ = corpus
    with open_store(location) as store:
        ingest(store, [str(folder)], jobs=2)
        before = [_count(store, f"SELECT COUNT(*) FROM {t}") for t in ("sources", "records", "cables", "record_terms", "refs")]
        again = ingest(store, [str(folder)], jobs=2)
        after = [_count(store, f"SELECT COUNT(*) FROM {t}") for t in ("sources", "records", "cables", "record_terms", "refs")]
        assert again.documents == 0 and again.already == 5  # the failed PDF is retried, and fails again
        assert after == before


def test_the_same_file_twice_in_one_run_is_read_once(tmp_path, location):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "one.txt").write_text(cable(220))
    (tmp_path / "a" / "copy.txt").write_text(cable(220))
    with open_store(location) as store:
        report = ingest(store, [str(tmp_path / "a")])
        assert (report.documents, report.already) == (1, 1)


def test_stdin_is_a_source(location):
    with open_store(location) as store:
        report = ingest(store, ["-"], stdin=cable(220).encode())
        assert report.documents == 1
        assert _count(store, "SELECT path, method FROM sources") == "<stdin>"


def test_releases_of_one_cable_are_linked_and_each_kept(location, corpus):
    folder, _ = corpus
    with open_store(location) as store:
        ingest(store, [str(folder)])
        view = Reader(store).show("2008MOSCOW000220")
        assert len(view.releases) == 2
        released = {r["release_status"]: r for r in view.releases}
        assert released["RELEASE IN PART"]["exemptions"] == ["B6"]
        assert released["RELEASE IN PART"]["doc_number"] == "C05770206"
        assert None in released
        assert set(view.ids) >= {"2008MOSCOW000220", "08MOSCOW220"}


def test_identical_text_without_an_id_links_by_text_hash(tmp_path, location):
    body = cable(220, station="", refs="")
    text = "\n".join(line for line in body.splitlines() if not line.startswith(("P 14", "C O N", "DE ")))
    (tmp_path / "a.txt").write_text(text)
    (tmp_path / "b.txt").write_text(text.replace("  ", " ") + "\n\n")
    with open_store(location) as store:
        ingest(store, [str(tmp_path / "a.txt"), str(tmp_path / "b.txt")])
        rows = list(store.rows("SELECT canonical_id, cable_id, text_hash FROM records"))
        assert len(rows) == 2 and rows[0]["cable_id"] == rows[1]["cable_id"]
        assert _count(store, "SELECT COUNT(*) FROM cables") == 1


def test_a_record_that_shows_two_cables_are_one_merges_them(location):
    first = cable(220, body="First copy of the cable, as the embassy's record copy has it, with all paragraphs.")
    with open_store(location) as store:
        ingest(store, ["-"], stdin=first.encode())
        # a copy with no header (so no id) but the same text as a third one that has the id
        ingest(store, ["-"], stdin=cable(220, body="Another text entirely, read from a different release of it.").encode())
        assert _count(store, "SELECT COUNT(*) FROM cables") == 1
        assert store.check().ok


def test_references_resolve_or_dangle(location, corpus):
    folder, _ = corpus
    with open_store(location) as store:
        ingest(store, [str(folder)])
        states = {r["ref_id"]: r["state"] for r in store.rows("SELECT DISTINCT ref_id, state FROM reference_graph")}
        assert states["2008STATE012345"] == "resolved"
        assert states["2008MOSCOW000100"] == "dangling"
        assert states["2008MOSCOW000220"] == "resolved"  # cited by the Seoul cable


def test_migrations_are_recorded_and_not_reapplied(tmp_path):
    store = SQLiteStore.open(tmp_path / "db")
    assert store.schema_version() == MIGRATIONS[-1].version
    assert store.migrate() == []
    store.close()
    conn = sqlite3.connect(tmp_path / "db" / "archive.sqlite")
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert [r[0] for r in conn.execute("SELECT version FROM schema_migrations")] == [m.version for m in MIGRATIONS]


def test_migration_3_drops_the_prefix_indexes_and_keeps_every_record_searchable(tmp_path, corpus):
    class Version2(SQLiteStore):  # an archive made before migration 3
        migrations = MIGRATIONS[:2]

    folder, _ = corpus
    queries = ("nuclear", "nucl*", "de*", '"nuclear declaration"', "subject:korea", "tag:PREL exports OR japan*")
    with Version2.open(tmp_path / "db") as old:
        ingest(old, [str(folder)])
        assert "prefix" in _fts_sql(old)
        before = {q: [h.record_id for h in Reader(old).search(q, sort="date").hits] for q in queries}
    assert all(before.values())
    with open_store(tmp_path / "db") as store:  # opening migrates
        assert store.schema_version() == 3 and "prefix" not in _fts_sql(store)
        after = {q: [h.record_id for h in Reader(store).search(q, sort="date").hits] for q in queries}
        assert after == before
        assert store.check().ok
        indexed = store.conn.execute("SELECT COUNT(*) FROM records_fts_docsize").fetchone()[0]
        assert indexed == _count(store, "SELECT COUNT(*) FROM records") > 0


def _fts_sql(store: SQLiteStore) -> str:
    return store.conn.execute("SELECT sql FROM sqlite_master WHERE name = 'records_fts'").fetchone()[0]


def test_a_new_archive_has_large_pages_and_an_old_one_keeps_its_own(tmp_path):
    with SQLiteStore.open(tmp_path / "new") as store:
        assert store.conn.execute("PRAGMA page_size").fetchone()[0] == 16384
    (tmp_path / "old").mkdir()
    conn = sqlite3.connect(tmp_path / "old" / "archive.sqlite")
    conn.execute("CREATE TABLE t (x)")  # a database made with SQLite's default page size
    conn.close()
    with SQLiteStore.open(tmp_path / "old") as store:
        assert store.conn.execute("PRAGMA page_size").fetchone()[0] == 4096


def test_opening_a_missing_archive_for_reading_says_so(tmp_path):
    with pytest.raises(FileNotFoundError, match="run `cablegram ingest` first"):
        open_store(tmp_path / "nothing", create=False)


def test_check_finds_the_text_index_out_of_step(tmp_path, corpus):
    folder, _ = corpus
    with open_store(tmp_path / "db") as store:
        ingest(store, [str(folder / "moscow.txt")])
        store.conn.execute("DROP TRIGGER records_fts_insert")
        store.conn.execute("INSERT INTO records SELECT NULL, source_id, 'x', label, cable_id, doc_sha256, text_hash, "
                           "canonical_id, aliases, date, year, kind, era, classification, class_rank, precedence, origin, "
                           "addressees, captions, tags, subject, released, release_status, exemptions, eo, drafter, "
                           "clearers, defects, json, text FROM records")
        problems = store.check().problems
        assert any("out of step" in p for p in problems)
        assert any("document count differs" in p for p in problems)


def test_a_restricted_viewer_sees_nothing_above_clearance_anywhere(location, corpus):
    folder, _ = corpus
    with open_store(location) as store:
        ingest(store, [str(folder)])
        reader = Reader(store, Viewer(clearance="CONFIDENTIAL"))
        result = reader.search("nuclear", facets=("class", "tag"))
        assert {h.fields["classification"] for h in result.hits} == {"CONFIDENTIAL"}
        assert result.total == 2
        assert dict(result.facets[0].counts) == {"CONFIDENTIAL": 2}
        assert "KS" not in dict(result.facets[1].counts)  # only the SECRET cables carry KS
        assert all(rec["classification"] != "SECRET" for _, rec in reader.export("year:2008"))
        assert reader.show("2008STATE012345") is None
        view = reader.show("2008MOSCOW000220")
        assert {c["ref_id"]: c["state"] for c in view.cites}["2008STATE012345"] == "dangling"
        assert view.cited_by == ()  # the citing Seoul cable is SECRET
        assert Reader(store).show("2008STATE012345") is not None


def test_the_change_log_records_every_add_and_drop_in_order(location, tmp_path):
    (tmp_path / "a.txt").write_text(cable(220))
    (tmp_path / "b.jsonl").write_text('{"text": %s}\n{"text": %s}\n' % tuple(
        json.dumps(cable(n, station="TOKYO")) for n in (310, 311)))
    with open_store(location) as store:
        ingest(store, [str(tmp_path / "a.txt"), str(tmp_path / "b.jsonl")])
        added = store.changes_since(0, 100)
        ids = sorted(r["record_id"] for r in store.rows("SELECT record_id FROM records"))
        assert [op for _, _, op in added] == ["add"] * 3 and sorted(r for _, r, _ in added) == ids
        assert [seq for seq, _, _ in added] == sorted(seq for seq, _, _ in added)
        assert store.changes_since(added[0][0], 1) == [added[1]]
        # an interrupted source read again is discarded first: its records are logged as dropped
        sha = _count(store, "SELECT sha256 FROM sources WHERE path LIKE '%b.jsonl'")
        store.begin_source(SourceInfo(sha, str(tmp_path / "b.jsonl"), 1, "jsonl:text"))
        dropped = store.changes_since(added[-1][0], 100)
        tokyo = {r["record_id"] for r in store.rows("SELECT record_id FROM records")} ^ set(ids)
        assert [op for _, _, op in dropped] == ["drop", "drop"] and {r for _, r, _ in dropped} == tokyo


def test_postgres_migrations_are_recorded_and_not_reapplied(postgres_url):
    with PostgresStore.open(postgres_url) as store:
        assert store.schema_version() == PG_MIGRATIONS[-1].version
        assert store.migrate() == []
        versions = [r["version"] for r in store.rows("SELECT version FROM schema_migrations ORDER BY version")]
        assert versions == [m.version for m in PG_MIGRATIONS]


def test_a_postgres_database_without_an_archive_or_a_server_says_so(postgres_url):
    with pytest.raises(FileNotFoundError, match="no archive in this database; run `cablegram ingest` first"):
        open_store(postgres_url, create=False)
    with pytest.raises(ConnectionError, match=r"cannot connect to postgresql://someone:\*\*\*@127.0.0.1:1/x"):
        open_store("postgresql://someone:secret@127.0.0.1:1/x")


def test_postgres_check_finds_the_change_log_out_of_step(postgres_url, corpus):
    import psycopg

    folder, _ = corpus
    with open_store(postgres_url) as store:
        ingest(store, [str(folder / "moscow.txt")])
        assert store.check().ok
        with psycopg.connect(postgres_url, autocommit=True) as conn:
            conn.execute("ALTER TABLE records DISABLE TRIGGER records_log_insert")
            conn.execute("INSERT INTO records (source_id, locator, label, cable_id, doc_sha256, text_hash, canonical_id, "
                         "aliases, date, year, kind, era, classification, class_rank, precedence, origin, addressees, "
                         "captions, tags, subject, released, release_status, exemptions, eo, drafter, clearers, defects, "
                         "json, text) SELECT source_id, 'x', label, cable_id, doc_sha256, text_hash, canonical_id, aliases, "
                         "date, year, kind, era, classification, class_rank, precedence, origin, addressees, captions, "
                         "tags, subject, released, release_status, exemptions, eo, drafter, clearers, defects, json, text "
                         "FROM records")
        problems = store.check().problems
        assert any("change log out of step" in p for p in problems)
        assert any("document count differs" in p for p in problems)


@pytest.mark.parametrize("one_batch", [True, False])
def test_two_releases_of_one_cable_link_by_their_body_in_one_batch_or_two(location, tmp_path, one_batch):
    from release_support import other_cable, two_releases

    full, part = two_releases()
    texts = [full, part, other_cable()]
    if one_batch:  # the second release joins a cable whose only record is not written yet
        (tmp_path / "all.jsonl").write_text("".join(json.dumps({"text": t}) + "\n" for t in texts))
        names = [str(tmp_path / "all.jsonl")]
    else:
        names = []
        for i, t in enumerate(texts):
            (tmp_path / f"{i}.txt").write_text(t)
            names.append(str(tmp_path / f"{i}.txt"))
    with open_store(location) as store:
        ingest(store, names)
        records = list(store.rows("SELECT subject, cable_id FROM records"))
        [other] = [r["cable_id"] for r in records if r["subject"].startswith("ECONOMY")]
        releases = [r["cable_id"] for r in records if r["cable_id"] != other]
        assert len(records) == 3 and len(releases) == 2 and len(set(releases)) == 1
        assert store.check().ok


def test_both_stores_link_and_write_the_same_archive(tmp_path, postgres_url, corpus):
    from release_support import other_cable, two_releases

    folder, _ = corpus
    (folder / "releases-by-body.jsonl").write_text("".join(json.dumps({"text": t}) + "\n"
                                                           for t in (*two_releases(), other_cable())))
    archives = []
    for location in (str(tmp_path / "db"), postgres_url):
        with open_store(location) as store:
            ingest(store, [str(folder)])
            ingest(store, [str(folder / "moscow.txt"), str(folder / "nested")])  # already stored: nothing
            archives.append(_archive_by_place(store))
    sqlite_archive, postgres_archive = archives
    assert sqlite_archive == postgres_archive
    cables, keys, terms, refs = sqlite_archive
    assert any(len(c) > 1 for c in cables) and keys and terms and refs  # releases were linked


def _archive_by_place(store) -> tuple:
    """What a store holds, named by where each record came from (ids differ between the stores): the
    cables as sets of records, each key with its cable, each record's terms and references."""
    place = {r["record_id"]: (r["path"].rsplit("/", 1)[-1], r["locator"]) for r in store.rows(
        "SELECT r.record_id, s.path, r.locator FROM records r JOIN sources s USING (source_id)")}
    members: dict[int, set] = {}
    for r in store.rows("SELECT record_id, cable_id FROM records"):
        members.setdefault(r["cable_id"], set()).add(place[r["record_id"]])
    cables = {c: frozenset(m) for c, m in members.items()}
    keys = {(r["key"], cables[r["cable_id"]]) for r in store.rows("SELECT key, cable_id FROM cable_keys")}
    terms = {(place[r["record_id"]], r["field"], r["value"]) for r in store.rows("SELECT * FROM record_terms")}
    refs = {(place[r["record_id"]], r["position"], r["raw"], r["ref_id"]) for r in store.rows("SELECT * FROM refs")}
    return set(cables.values()), keys, terms, refs


def test_a_batch_links_to_cables_stored_before_it_and_to_rows_earlier_in_it(tmp_path, location):
    stripped = "\n".join(line for line in cable(220, station="", refs="").splitlines()
                         if not line.startswith(("P 14", "C O N", "DE ")))  # no id: it links by its text
    (tmp_path / "first.txt").write_text(stripped)
    batch = [cable(300, body="The first release of cable 300, as the embassy kept it, with every paragraph."),
             cable(300, body="Another release of cable 300 whose text differs from the first in every word."),
             stripped.replace("  ", " ") + "\n"]
    (tmp_path / "batch.jsonl").write_text("".join(json.dumps({"text": t}) + "\n" for t in batch))
    with open_store(location) as store:
        ingest(store, [str(tmp_path / "first.txt")])
        [first_cable] = [r["cable_id"] for r in store.rows("SELECT cable_id FROM records")]
        ingest(store, [str(tmp_path / "batch.jsonl")])
        cables = [r["cable_id"] for r in store.rows(
            "SELECT r.cable_id FROM records r JOIN sources s USING (source_id) WHERE s.path LIKE '%batch.jsonl' "
            "ORDER BY r.locator")]
        assert cables[0] == cables[1] != first_cable  # line 1 and line 2: one id, two releases
        assert cables[2] == first_cable  # line 3: the text stored by the first run
        assert _count(store, "SELECT COUNT(*) FROM cables") == 2
        assert store.check().ok


def test_a_row_sends_no_shingles_and_computes_them_as_the_store_reads_them():
    import pickle

    from cablegram.archive.rows import body_shingles, row_for, stored_shingles
    from cablegram.parse import parse

    from release_support import two_releases

    record = parse(two_releases()[0])
    row = row_for(record)
    sent = pickle.loads(pickle.dumps(row))
    assert "shingles" not in vars(sent)  # the writer computes them only for a row that meets a candidate
    assert sent.shingles == body_shingles([p.text for p in record.paragraphs], record.text) != frozenset()
    assert sent.shingles == stored_shingles(row.columns["json"], row.columns["text"])
