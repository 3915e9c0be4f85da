"""The synthetic-corpus generator: determinism, streaming, and the consistency rules of the spec."""

from __future__ import annotations

import itertools
import json
import re
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from cablegram import parse
from cablegram.cli import main
from cablegram.synth import ERAS, NoiseConfig, generate
from cablegram.synth.encode import record_text
from cablegram.synth.records import from_json
from cablegram.vocab import tables
from cablegram.vocab.markings import PORTION_LEVELS, RANK
from cablegram.vocab.orders import REASONS_RENUMBERED, order_in_force
from conftest import schema_errors


@pytest.fixture(scope="module")
def corpus():
    return list(generate(1200, seed=3))


def test_same_seed_same_corpus_other_seed_other_corpus():
    a = [s.to_json() for s in generate(30, seed=9)]
    b = [s.to_json() for s in generate(30, seed=9)]
    c = [s.to_json() for s in generate(30, seed=10)]
    assert a == b
    assert a != c


def test_generate_streams():
    start = time.perf_counter()
    first = list(itertools.islice(generate(10**9, seed=1), 5))
    assert len(first) == 5
    assert time.perf_counter() - start < 5


def test_every_era_is_generated_and_only_the_asked_ones():
    assert {s.truth.era for s in generate(200, seed=2)} == set(ERAS)
    assert {s.truth.era for s in generate(50, seed=2, eras=("smart-2010s",))} == {"smart-2010s"}
    with pytest.raises(ValueError, match="unknown era"):
        next(generate(1, eras=("telex-1920s",)))


def test_truth_is_the_record_json_and_valid_against_the_schema(corpus):
    for s in corpus[:200]:
        out = s.to_json()
        assert out["truth"] == s.truth.to_json()
        errors = [e for e in schema_errors(out["truth"]) if not e.startswith("source")]
        assert errors == []
        assert from_json(out["truth"]) == s.truth


def test_jsonl_line_is_the_standard_json_of_the_sample(corpus):
    # The writer encodes records directly (synth/encode.py); its text must be json.dumps's, exactly.
    noisy = list(generate(60, seed=4, noise=NoiseConfig.ocr(1.0)))
    for s in corpus + noisy:
        assert s.to_json_line() == json.dumps(s.to_json())


def test_record_text_of_parsed_records_is_the_standard_json():
    # Parsed records carry what generated ones do not: spans, defects, removals, release stamps.
    fixtures = sorted((Path(__file__).parent / "fixtures").glob("*.txt"))
    assert fixtures
    for path in fixtures:
        record = parse(path.read_text(encoding="utf-8"))
        assert record_text(record) == json.dumps(record.to_json()), path.name


def test_serials_climb_through_the_year_per_station(corpus):
    last: dict[tuple[str, str, int], tuple[str, int]] = {}
    for s in corpus:
        r = s.truth
        if not r.id:
            continue
        m = re.fullmatch(r"(\d{4})([A-Z]+)(\d{6})", r.id)
        key = (r.era, m[2], int(m[1]))
        if key in last:
            prev_date, prev_serial = last[key]
            assert r.date >= prev_date and int(m[3]) > prev_serial, (key, prev_serial, r.id)
        last[key] = (r.date, int(m[3]))
    assert any(k[1] == "STATE" for k in last)


def test_state_serials_reach_six_digits(corpus):
    assert any(r.truth.id and r.truth.id[4:9] == "STATE" and int(r.truth.id[-6:]) >= 100000 for r in corpus)


def test_eo_line_follows_the_order_in_force(corpus):
    for s in corpus:
        r = s.truth
        assert r.eo is not None
        assert r.eo.order == order_in_force(r.date).number
        if r.eo.declassify_on:
            assert r.eo.declassify_on > r.date
        if RANK[r.classification] < RANK["CONFIDENTIAL"] and r.era != "smart-2010s":
            assert r.eo.event == "N/A"


def test_classified_by_reason_numbering_follows_the_date(corpus):
    seen = 0
    for s in corpus:
        c = s.truth.classified_by
        if c is None:
            continue
        if s.truth.eo is not None and s.truth.eo.order == "12065":
            # Under E.O. 12065 the E.O. line names the classifier in brackets, with no reasons.
            assert c.name and f"({c.name})" in s.truth.eo.raw and not c.reasons
            continue
        seen += 1
        assert s.truth.date >= "1995-10-14"
        section = "1.5" if s.truth.date < REASONS_RENUMBERED else "1.4"
        assert c.reasons and all(x.startswith(section + "(") for x in c.reasons)
        assert RANK[s.truth.classification] >= RANK["CONFIDENTIAL"]
    assert seen > 50


def test_portion_marks_never_exceed_and_reach_the_overall_marking(corpus):
    for s in corpus:
        r = s.truth
        marks = [p.portion for p in r.paragraphs if p.portion]
        # An UNCLAS cable with a SENSITIVE caption is an SBU cable: its portions reach SBU.
        overall = "SENSITIVE BUT UNCLASSIFIED" if "SENSITIVE" in r.captions and r.classification == "UNCLASSIFIED" \
            else r.classification
        for m in marks:
            assert RANK[PORTION_LEVELS[m]] <= RANK[overall]
        if marks and overall != "UNCLASSIFIED":
            assert max(RANK[PORTION_LEVELS[m]] for m in marks) == RANK[overall]


def test_references_point_at_earlier_cables_or_state_their_year(corpus):
    seen: set[str] = set()
    in_corpus = outside = 0
    for s in corpus:
        for ref in s.truth.references:
            if ref.year_stated:
                assert ref.year < int(s.truth.date[:4])
                outside += ref.id not in seen
                in_corpus += ref.id in seen
            else:
                assert ref.id in seen, ref
                in_corpus += 1
        if s.truth.id:
            seen.add(s.truth.id)
    assert in_corpus > 50 and outside > 20


def test_tags_come_from_the_lexicon_with_skewed_frequencies(corpus):
    lexicon = tables.tags()
    counts: dict[str, int] = {}
    for s in corpus:
        for t in s.truth.tags:
            assert t in lexicon, t
            counts[t] = counts.get(t, 0) + 1
    top = sorted(counts.values(), reverse=True)
    assert top[0] > 10 * top[len(top) // 2]


def test_addresses_are_known_posts_and_dtg_matches_date(corpus):
    plads = {st.plad for st in tables.stations().values()}
    for s in corpus:
        r = s.truth
        assert r.from_ in plads
        for a in r.to + r.info:
            assert (a.canonical or a.name) in plads
        if r.dtg:
            assert not r.dtg.startswith(tuple(f"{d:02d}24" for d in range(32)))
            assert int(r.dtg[:2]) == int(r.date[8:10])


def test_text_is_not_a_template_stamped_over_and_over(corpus):
    subjects = [s.truth.subject for s in corpus]
    paragraphs = [p.text for s in corpus for p in s.truth.paragraphs]
    assert len(set(subjects)) / len(subjects) > 0.9
    assert len(set(paragraphs)) / len(paragraphs) > 0.95
    words = {w for p in paragraphs for w in re.findall(r"[a-z]+", p.lower())}
    assert len(words) > 500


def test_cli_synth_writes_jsonl_and_render_reads_it_back(tmp_path):
    out = tmp_path / "c.jsonl"
    runner = CliRunner()
    res = runner.invoke(main, ["synth", "--count", "4", "--seed", "5", "--era", "acp127-2000s", "--out", str(out)])
    assert res.exit_code == 0, res.output
    rows = [json.loads(ln) for ln in out.read_text().splitlines()]
    assert len(rows) == 4 and all(set(r) == {"text", "truth"} for r in rows)
    assert rows == [s.to_json() for s in generate(4, seed=5, eras=("acp127-2000s",))]
    truth = tmp_path / "t.json"
    truth.write_text(json.dumps(rows[0]["truth"]))
    res = runner.invoke(main, ["render", str(truth)])
    assert res.exit_code == 0, res.output
    assert res.output == rows[0]["text"]
    res = runner.invoke(main, ["render", str(truth), "--style", "smart-2010s"])
    assert res.exit_code == 0 and "MRN:" in res.output


def test_cli_synth_to_a_folder_and_with_noise(tmp_path):
    runner = CliRunner()
    res = runner.invoke(main, ["synth", "--count", "3", "--noise", "ocr", "--noise-rate", "1", "--out", str(tmp_path / "d")])
    assert res.exit_code == 0, res.output
    names = sorted(p.name for p in (tmp_path / "d").iterdir())
    assert names == ["0000001.json", "0000001.txt", "0000002.json", "0000002.txt", "0000003.json", "0000003.txt"]


def test_cli_render_rejects_what_is_not_a_record(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text("not json")
    res = CliRunner().invoke(main, ["render", str(bad)])
    assert res.exit_code != 0 and "not a JSON record" in res.output
