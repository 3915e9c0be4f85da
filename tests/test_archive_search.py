"""Search, facets, show, export and check on a small archive, through the library and the CLI, on both
stores (each module-scoped archive is built once per kind of store)."""

from __future__ import annotations

import csv
import io
import json

import pytest
from archive_support import STORES, new_archive, small_corpus
from click.testing import CliRunner

from cablegram.archive import Reader, ingest, open_store
from cablegram.cli import main


@pytest.fixture(scope="module", params=STORES)
def db(request, tmp_path_factory):
    root = tmp_path_factory.mktemp("archive")
    small_corpus(root / "in")
    location = new_archive(request.param, request, root / "db")
    with open_store(location) as store:
        ingest(store, [str(root / "in")])
    return location


def cli(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.output


def search(db: str, query: str, **kw):
    with open_store(db, create=False) as store:
        return Reader(store).search(query, **kw)


def keys(result) -> list[str]:
    return ["EXAMPLE" if h.fields["label"] == "example" else h.key for h in result.hits]


def test_words_rank_subject_matches_first(db):
    result = search(db, "declaration")
    assert result.total == 4
    assert result.hits[0].snippet and "[" in result.hits[0].snippet


@pytest.mark.parametrize("query, expected", [
    ("tag:ECON", {"2008TOKYO000310", "2008BERLIN000005"}),
    ("from:TOKYO OR from:BERLIN", {"2008TOKYO000310", "2008BERLIN000005"}),
    ("to:MOSCOW", {"2008STATE012345", "EXAMPLE"}),  # the 1996 example has no id (its key is r<record>)
    ("class:S nuclear", {"2008STATE012345", "2008SEOUL000077"}),
    ("caption:NODIS", {"EXAMPLE"}),
    ("date:2008-02..2008-03", {"2008STATE012345", "2008MOSCOW000220", "2008TOKYO000310"}),
    ("year:1996", {"EXAMPLE"}),
    ("released:part", {"2008MOSCOW000220"}),
    ("exemption:B6", {"2008MOSCOW000220"}),
    ("cites:2008STATE012345", {"2008MOSCOW000220"}),
    ("cites:08MOSCOW220", {"2008SEOUL000077"}),
    ("ref:2008MOSCOW000220", {"2008STATE012345"}),
    ("id:08MOSCOW220", {"2008MOSCOW000220"}),
    ('subject:"nuclear declaration" -tag:PARM', {"2008SEOUL000077", "2008STATE012345"}),
    ("eo:12958 prec:PRIORITY kind:telegram NOT year:2008", set()),
    ("drafter:EAP/K clearer:JHERBST", {"EXAMPLE"}),
    ("summ* (budget OR trade)", {"2008TOKYO000310", "2008BERLIN000005"}),
])
def test_fielded_filters_select_the_right_records(db, query, expected):
    assert set(keys(search(db, query, limit=50))) == expected


def test_sort_by_date_is_chronological(db):
    dates = [h.fields["date"] for h in search(db, "kind:telegram", sort="date", limit=50).hits]
    assert dates == sorted(dates) and len(dates) == 9


def test_facets_count_matching_records(db):
    result = search(db, "nuclear", facets=("tag", "origin", "to", "class", "caption", "year", "kind", "released"))
    facets = {f.name: dict(f.counts) for f in result.facets}
    assert facets["tag"]["KN"] == 4 and facets["tag"]["PREL"] == 4
    assert facets["from"] == {"AMEMBASSY MOSCOW": 2, "SECSTATE WASHDC": 1, "AMEMBASSY SEOUL": 1}
    assert facets["class"] == {"CONFIDENTIAL": 2, "SECRET": 2}
    assert facets["released"] == {None: 3, "part": 1}
    assert facets["year"] == {2008: 4} and facets["kind"] == {"telegram": 4}
    assert not any(f.timed_out for f in result.facets)


def test_injection_through_the_cli_is_harmless(db):
    code, out = cli("search", "subject:\"x') OR 1=1 --\"", "--db", db, "--format", "json")
    assert code == 0 and json.loads(out)["total"] == 0
    code, out = cli("search", "tag:\"PREL'; DROP TABLE records; --\"", "--db", db, "--format", "json")
    assert code == 0 and json.loads(out)["total"] == 0
    assert search(db, "kind:telegram").total == 9


def test_a_bad_query_is_a_clear_error_not_a_traceback(db):
    code, out = cli("search", "(nuclear", "--db", db)
    assert code == 2 and "bad query: the '(' at character 1 is never closed" in out
    code, out = cli("search", "colour:red", "--db", db, "--format", "json")
    assert code == 2 and json.loads(out) == {"ok": False, "error": json.loads(out)["error"]}
    assert "unknown field 'colour'" in json.loads(out)["error"]


def test_explain_prints_english_and_sql_with_parameters(db):
    code, out = cli("search", "nuclear tag:PREL", "--db", db, "--explain")
    assert code == 0
    assert 'Records where the text contains the word "nuclear" and TAGS include PREL.' in out
    with open_store(db, create=False) as store:
        match = store.dialect.text_match  # records_fts MATCH ? (SQLite), r.tsv @@ q (PostgreSQL)
    assert match in out and '"PREL"' in out and "PREL" not in out.split("SQL:")[1].split("parameters")[0]


def test_search_formats(db):
    code, out = cli("search", "tag:ECON", "--db", db, "--format", "csv", "--sort", "date")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and [r["key"] for r in rows] == ["2008TOKYO000310", "2008BERLIN000005"]
    code, out = cli("search", "tag:ECON", "--db", db, "--facets", "tag,class")
    assert code == 0 and out.startswith("2 record(s) where TAGS include ECON") and "[tag] ECON 2" in out


def test_show_lists_releases_and_references_both_ways(db):
    code, out = cli("show", "08moscow220", "--db", db)
    assert code == 0
    assert "releases (2):" in out and "RELEASE IN PART" in out and "C05770206" in out
    assert "2008MOSCOW000100       DANGLING" in out and "2008STATE012345        in archive" in out
    assert "cited by (1):" in out and "2008SEOUL000077" in out
    code, out = cli("show", "2008MOSCOW000100", "--db", db, "--format", "json")
    view = json.loads(out)
    assert code == 0 and view["cable_id"] is None and {c["canonical_id"] for c in view["cited_by"]} == {"2008MOSCOW000220"}
    code, out = cli("show", "1999NOWHERE000001", "--db", db)
    assert code == 1 and "not in the archive" in out


def test_export_streams_full_records_and_csv(db, tmp_path):
    out_file = tmp_path / "out.jsonl"
    code, out = cli("export", "nuclear", "--db", db, "--out", str(out_file))
    records = [json.loads(line) for line in out_file.read_text().splitlines()]
    assert code == 0 and len(records) == 4
    assert all(r["schema"] == "cablegram/1" and r["text"] for r in records)
    assert [r["date"] for r in records] == sorted(r["date"] for r in records)
    code, out = cli("export", "tag:ECON", "--db", db, "--format", "csv")
    assert code == 0 and len(list(csv.DictReader(io.StringIO(out)))) == 2
    code, out = cli("export", "tag:ECON", "--db", db, "--format", "parquet")
    assert code == 2 and "needs --out FILE" in out  # Parquet itself: tests/test_archive_releases.py


def test_exported_records_match_what_parse_gives(db):
    from archive_support import cable

    from cablegram import parse

    with open_store(db, create=False) as store:
        [(_, record)] = list(Reader(store).export("id:2008TOKYO000310"))
    expected = parse(cable(310, station="TOKYO", origin="AMEMBASSY TOKYO", month=3, day=3,
                           classification="UNCLASSIFIED", tags="ECON, JA", subject="JAPAN: TRADE OUTLOOK FOR THE SPRING",
                           body="Japanese exports rose in February.")).to_json()
    assert {k: v for k, v in record.items() if k != "source"} == {k: v for k, v in expected.items() if k != "source"}


def test_check_command_reports_ok_and_failed_sources(db):
    code, out = cli("check", "--db", db)
    assert code == 0 and out.rstrip().endswith("ok")
    assert "failed   " in out and "blank.pdf" in out


def test_reading_commands_refuse_a_missing_archive(tmp_path):
    code, out = cli("search", "x", "--db", str(tmp_path / "none"))
    assert code == 1 and "no archive here" in out
    assert not (tmp_path / "none").exists()
