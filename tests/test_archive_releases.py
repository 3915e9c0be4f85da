"""One cable, many releases: near-duplicate linking (both ways), `cablegram diff`, and Parquet export."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from release_support import (
    BOILERPLATE,
    PARAGRAPHS,
    STATE_RELEASE,
    cable_body,
    ocr_noise,
    other_cable,
    two_releases,
)

from cablegram.archive import Reader, ingest, open_store
from cablegram.archive.diff import diff_releases, withheld_marks
from cablegram.archive.parquet import COLUMNS, write_parquet
from cablegram.archive.rows import body_shingles, near_keys
from cablegram.cli import main
from cablegram.parse import parse


def _keys(text: str) -> set[str]:
    record = parse(text)
    return set(near_keys(body_shingles([p.text for p in record.paragraphs], record.text)))


def _cables(store) -> list[list[str]]:
    """Each cable's records by label, cables in order."""
    rows = store.conn.execute("SELECT cable_id, label FROM records ORDER BY cable_id, record_id").fetchall()
    out: dict[int, list[str]] = {}
    for cable_id, label in rows:
        out.setdefault(cable_id, []).append(label)
    return list(out.values())


def _jsonl(path, rows: list[tuple[str, str]]):
    path.write_text("".join(json.dumps({"id": label, "text": text}) + "\n" for label, text in rows))
    return path


@pytest.fixture()
def archive(tmp_path):
    full, part = two_releases()
    _jsonl(tmp_path / "releases.jsonl", [("state", full), ("cia", part), ("other", other_cable())])
    with open_store(tmp_path / "db") as store:
        ingest(store, [str(tmp_path / "releases.jsonl")])
    return tmp_path / "db"


def test_two_releases_share_near_keys_and_a_different_cable_with_the_same_boilerplate_does_not():
    full, part = two_releases()
    assert parse(full).id == "1988REYKJAVIK000412" and parse(part).id != parse(full).id  # no shared id
    assert _keys(full) & _keys(part)
    assert not _keys(full) & _keys(other_cable())
    assert not _keys(part) & _keys(other_cable())


def test_short_bodies_get_no_near_keys():
    assert _keys(cable_body(BOILERPLATE)) == set()  # boilerplate alone is too short to be a fingerprint


def test_releases_without_a_shared_id_are_linked_and_other_cables_are_not(archive):
    with open_store(archive, create=False) as store:
        assert _cables(store) == [["state", "cia"], ["other"]]
        cable = store.conn.execute("SELECT canonical_id FROM cables ORDER BY cable_id").fetchone()[0]
        assert cable == "1988REYKJAVIK000412"  # the release with an id names the cable
        assert store.check().ok


def test_the_same_body_under_two_different_ids_is_two_cables(tmp_path):
    body = PARAGRAPHS + BOILERPLATE
    _jsonl(tmp_path / "a.jsonl", [("first", cable_body(body, serial="0412")),
                                  ("resent", ocr_noise(cable_body(body, serial="0499"), 0.01, seed=1))])
    with open_store(tmp_path / "db") as store:
        ingest(store, [str(tmp_path / "a.jsonl")])
        assert _cables(store) == [["first"], ["resent"]]


def test_a_release_read_twice_by_ocr_links_in_either_order(tmp_path):
    text = cable_body(PARAGRAPHS + BOILERPLATE, stamp=STATE_RELEASE, serial="04I2")  # no id at all
    _jsonl(tmp_path / "a.jsonl", [("ocr-1", ocr_noise(text, 0.01, seed=11)), ("ocr-2", ocr_noise(text, 0.02, seed=12)),
                                  ("other", other_cable())])
    with open_store(tmp_path / "db") as store:
        ingest(store, [str(tmp_path / "a.jsonl")])
        assert _cables(store) == [["ocr-1", "ocr-2"], ["other"]]


# -- diff ---------------------------------------------------------------------------------------------
def test_withheld_marks_are_read_in_their_common_forms():
    assert withheld_marks("(b)(1) (b)(7)(C)") == ("(b)(1)", "(b)(7)(C)")
    assert withheld_marks("B1, B6 and 1.4(d)") == ("B1", "B6", "1.4(d)")
    assert withheld_marks("The B-52 flew 25 missions.") == ()


def test_diff_shows_the_withheld_paragraph_and_the_release_layers(archive):
    with open_store(archive, create=False) as store:
        cable, listed = Reader(store).releases("1988REYKJAVIK000412")
    assert [r["record"] for r in listed] == ["r1", "r2"]
    result = diff_releases(listed[0]["data"], listed[1]["data"])
    states = {p.number: p.state for p in result.paragraphs}
    assert states[3] == "withheld-b" and result.withheld == {"a": 0, "b": 1}
    assert [p.marks_b for p in result.paragraphs if p.number == 3] == [("(b)(1)",)]
    assert all(state == "same" for n, state in states.items() if n != 3)  # OCR misreadings are not differences
    changed = {f.field: (f.a, f.b) for f in result.fields if not f.same}
    assert changed["release.status"] == ("RELEASE IN FULL", "APPROVED FOR RELEASE")
    assert changed["release.exemptions"] == ([], ["B1"])
    assert changed["release.case_number"][0] == "F-2019-01234"


def test_diff_command_text_and_json(archive):
    text = CliRunner().invoke(main, ["diff", "1988REYKJAVIK000412", "--db", str(archive)])
    assert text.exit_code == 0, text.output
    assert "3.   withheld in r2" in text.output and "r2: withheld ((b)(1))" in text.output
    assert "Speaking privately" in text.output  # what r1 shows in its place
    out = CliRunner().invoke(main, ["diff", "r2", "--releases", "2", "r1", "--db", str(archive), "--format", "json"])
    data = json.loads(out.output)
    assert data["releases"][0]["record"] == "r2"
    assert [p["state"] for p in data["paragraphs"] if p["number"] == 3] == ["withheld-a"]


def test_diff_says_what_is_wrong(archive):
    for args, message in ((["nosuch"], "not in the archive"), (["r3"], "nothing to compare"),
                          (["r1", "--releases", "r1", "r9"], "no release 'r9'")):
        result = CliRunner().invoke(main, ["diff", *args, "--db", str(archive)])
        assert result.exit_code == 1 and message in result.output and "Traceback" not in result.output


# -- parquet ------------------------------------------------------------------------------------------
def test_parquet_export_is_streamed_in_row_groups_and_reads_back(archive, tmp_path):
    import pyarrow.parquet as pq

    with open_store(archive, create=False) as store:
        n = write_parquet(Reader(store).export("kind:telegram"), tmp_path / "x.parquet", batch_rows=2)
        expected = [record for _, record in Reader(store).export("kind:telegram")]
    pf = pq.ParquetFile(tmp_path / "x.parquet")
    assert n == 3 and pf.metadata.num_rows == 3 and pf.metadata.num_row_groups == 2
    table = pf.read()
    assert table.column_names == [name for name, _ in COLUMNS]
    assert [json.loads(r) for r in table.column("record").to_pylist()] == expected
    assert table.column("exemptions").to_pylist()[:2] == [[], ["B1"]]
    assert table.column("canonical_id").to_pylist().count("1988REYKJAVIK000412") == 1


def test_parquet_export_command(archive, tmp_path):
    import pyarrow.parquet as pq

    out = tmp_path / "all.parquet"
    result = CliRunner().invoke(main, ["export", "tag:EFIS", "--format", "parquet", "--out", str(out), "--db", str(archive)])
    assert result.exit_code == 0, result.output
    assert pq.read_table(out).num_rows == 3
    missing = CliRunner().invoke(main, ["export", "tag:EFIS", "--format", "parquet", "--db", str(archive)])
    assert missing.exit_code == 2 and "needs --out FILE" in missing.output
