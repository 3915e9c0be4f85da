"""The OCR-noise model: each kind switchable, deterministic, and what it adds is what the spec lists."""

from __future__ import annotations

import re
from random import Random

import pytest

from cablegram import parse
from cablegram.synth import NOISE_KINDS, NoiseConfig, Tally, add_noise, compare, generate


@pytest.fixture(scope="module")
def clean():
    return [s for s in generate(40, seed=4)]


def _only(kind: str, rate: float = 1.0) -> NoiseConfig:
    return NoiseConfig({kind: rate})


def test_config_rejects_unknown_kinds_and_rates():
    with pytest.raises(ValueError, match="unknown noise kind"):
        NoiseConfig({"coffee-stain": 0.5})
    with pytest.raises(ValueError, match="rates must lie"):
        NoiseConfig({"hyphenation": 2})


def test_rate_zero_changes_nothing(clean):
    for s in clean:
        assert add_noise(s.text, NoiseConfig.ocr(0.0), Random(1)) == s.text


def test_noise_is_deterministic_per_seed(clean):
    text = clean[0].text
    assert add_noise(text, NoiseConfig.ocr(0.5), Random(7)) == add_noise(text, NoiseConfig.ocr(0.5), Random(7))
    a = [s.text for s in generate(10, seed=4, noise=NoiseConfig.ocr(0.5))]
    b = [s.text for s in generate(10, seed=4, noise=NoiseConfig.ocr(0.5))]
    assert a == b


def test_noise_leaves_the_truth_alone(clean):
    noisy = list(generate(40, seed=4, noise=NoiseConfig.ocr(1.0)))
    assert [s.truth for s in noisy] == [s.truth for s in clean]
    assert sum(a.text != b.text for a, b in zip(noisy, clean)) >= 38


@pytest.mark.parametrize("kind,pattern", [
    ("release-stamp", r"^RELEASED IN (?:FULL|PART)$"),
    ("foia-banner", r"^UNCLASSIFIED U\.S\. Department of State Case No\. F-\d{4}-\d{5} Doc No\. C\d{8} Date: \d\d/\d\d/\d{4}$"),
    ("worksheet-box", r"^APPR _____ DRAFT _____$"),
    ("mid-sentence-stamp", r"\S Declassified/Released US Department of State EO Systematic Review \d"),
    ("struck-text", r"~~[^~]+~~"),
])
def test_each_kind_adds_its_furniture(clean, kind, pattern):
    hits = sum(bool(re.search(pattern, add_noise(s.text, _only(kind), Random(k)), re.M)) for k, s in enumerate(clean))
    assert hits >= len(clean) * 0.9


def test_page_banners_and_numbers_on_long_texts(clean):
    long = max(clean, key=lambda s: s.text.count("\n"))
    noisy = add_noise(long.text, _only("page-banner"), Random(1))
    assert re.search(r"\nUNCLASSIFIED\n\n2\n", noisy)


def test_hyphenation_breaks_words_at_line_ends(clean):
    noisy = [add_noise(s.text, _only("hyphenation"), Random(k)) for k, s in enumerate(clean)]
    broken = sum(len(re.findall(r"[A-Za-z]{3,}-\n[A-Za-z]{3,}", t)) for t in noisy)
    assert broken >= 8
    for t, s in zip(noisy, clean):  # joining the broken words gives the words back
        assert re.sub(r"([A-Za-z]+)-\n(\S+)", r"\1\2\n", t).split() == s.text.split()


def test_letter_confusions_are_the_catalogued_ones(clean):
    text = clean[0].text
    noisy = add_noise(text, _only("letter-confusion"), Random(3))
    assert noisy != text
    assert len(noisy.split("\n")) == len(text.split("\n"))
    for a, b in zip(text.split("\n"), noisy.split("\n")):
        if a != b:
            assert set(b) - set(a) <= set("0O1lrn8Sc5m")


def test_dropped_and_doubled_lines_change_the_line_count(clean):
    text = "\n".join(s.text for s in clean)
    n = text.count("\n")
    assert add_noise(text, _only("dropped-line"), Random(1)).count("\n") < n
    assert add_noise(text, _only("doubled-line"), Random(1)).count("\n") > n


def test_parser_reads_through_release_furniture():
    """Furniture the normaliser knows (banners, stamps, boxes, struck marks) costs little accuracy."""
    furniture = ("page-banner", "release-stamp", "foia-banner", "worksheet-box", "mid-sentence-stamp", "struck-text")
    clean_t, noisy_t = Tally(), Tally()
    config = NoiseConfig({k: 1.0 for k in furniture})
    for a, b in zip(generate(120, seed=12), generate(120, seed=12, noise=config)):
        clean_t.add(compare(a.truth, parse(a.text)))
        noisy_t.add(compare(b.truth, parse(b.text)))
    core = ("date", "from", "to", "subject", "tags", "eo.order", "signature", "mrn")
    assert noisy_t.accuracy(core) >= 0.97
    assert clean_t.accuracy() - noisy_t.accuracy() < 0.03


def test_accuracy_falls_as_noise_rises():
    acc = []
    for rate in (0.0, 0.5, 1.0):
        t = Tally()
        config = NoiseConfig.ocr(rate) if rate else None
        for s in generate(60, seed=13, noise=config):
            t.add(compare(s.truth, parse(s.text)))
        acc.append(t.accuracy())
    assert acc[0] > acc[1] > acc[2]
    assert acc[0] >= 0.98


def test_every_kind_is_listed():
    assert set(NOISE_KINDS) == {"hyphenation", "letter-confusion", "struck-text", "mid-sentence-stamp", "dropped-line",
                                "doubled-line", "page-banner", "release-stamp", "foia-banner", "worksheet-box"}
