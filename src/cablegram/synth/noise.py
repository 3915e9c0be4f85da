"""The OCR-noise model: release-layer furniture and OCR damage added to a clean telegram text.

Each kind of noise is a small function ``(lines, rate, rng) -> lines`` in ``KINDS``, applied in
that order; each is switched on by giving it a rate above zero in :class:`NoiseConfig`. The rate is
a probability: per document for furniture that a release adds once (a review stamp, a FOIA
banner), per page-sized run of lines for page furniture, per line for line damage, and per
character (scaled down by ``CHAR_SCALE``) for letter confusions. With the same seed the same
noise falls in the same places. The true record does not change: what the noise adds is what
the parser must remove or read through (``shared/spec/telegram-format.md`` §7–8).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from random import Random

CHAR_SCALE = 0.02   # letter confusions: at rate 1.0, about one alphabetic character in fifty
LINE_SCALE = 0.02   # dropped/doubled lines: at rate 1.0, about one line in fifty
HYPHEN_SCALE = 0.3  # hyphenation: at rate 1.0, about one long line in three ends in a broken word
PAGE_LINES = 40     # page furniture falls about this often

_REVIEWERS = ("Sheryl P. Walter", "Margaret P. Grafeld", "Robert H. Miller", "John L. Mills", "Frank H. Perez")
_EXEMPTIONS = ("B1", "B5", "B6", "B7(C)", "1.4(B)", "1.4(D)")
_LEVELS = ("SECRET", "CONFIDENTIAL", "UNCLASSIFIED", "LIMITED OFFICIAL USE")


def _level_of(lines: list[str]) -> str:
    """The classification word printed most prominently (for banners); UNCLASSIFIED by default."""
    head = " ".join(lines[:40]).upper()
    compact = head.replace(" ", "")
    for level in ("TOPSECRET", "SECRET", "CONFIDENTIAL"):
        if level in compact:
            return "TOP SECRET" if level == "TOPSECRET" else level
    return "UNCLASSIFIED"


def page_banners(lines: list[str], rate: float, rng: Random) -> list[str]:
    """Classification banners (the original level struck or not, the current UNCLASSIFIED) and
    bare page numbers, at page-sized intervals."""
    level = _level_of(lines)
    out: list[str] = []
    page = 1
    for k, ln in enumerate(lines):
        if k and k % PAGE_LINES == 0 and rng.random() < rate:
            page += 1
            struck = f"~~{level}~~" if level != "UNCLASSIFIED" and rng.random() < 0.3 else level
            out += ["", struck, "UNCLASSIFIED", "", str(page), ""]
        out.append(ln)
    return out


def release_stamps(lines: list[str], rate: float, rng: Random) -> list[str]:
    """A State review stamp with exemptions and a reviewer code, near the top of the first page."""
    if rng.random() >= rate:
        return lines
    if rng.random() < 0.5:
        stamp = ["RELEASED IN FULL"]
    else:
        codes = sorted(set(rng.sample(_EXEMPTIONS, rng.randint(1, 3))))
        stamp = ["RELEASED IN PART", ", ".join(codes)]
    stamp += [f"R{rng.randint(1000, 9999)}"]
    at = min(len(lines), rng.randint(1, 6))
    return lines[:at] + [""] + stamp + [""] + lines[at:]


def foia_banners(lines: list[str], rate: float, rng: Random) -> list[str]:
    """``UNCLASSIFIED U.S. Department of State Case No. F-… Doc No. C… Date: …`` at top and bottom."""
    if rng.random() >= rate:
        return lines
    year = rng.randint(2008, 2020)
    banner = (f"UNCLASSIFIED U.S. Department of State Case No. F-{year - rng.randint(0, 3)}-{rng.randint(1, 20000):05d} "
              f"Doc No. C{rng.randint(0, 99999999):08d} Date: {rng.randint(1, 12):02d}/{rng.randint(1, 28):02d}/{year}")
    return [banner, ""] + lines + ["", banner]


def worksheet_boxes(lines: list[str], rate: float, rng: Random) -> list[str]:
    """Clearance-worksheet boxes at the top of the page."""
    if rng.random() >= rate:
        return lines
    return ["APPR _____ DRAFT _____", "CLEAR 1 _____ 2 _____", ""] + lines


_LONG_WORD = re.compile(r"([A-Za-z]{8,})[.,;]?$")


def hyphenation(lines: list[str], rate: float, rng: Random) -> list[str]:
    """A long word at a line end broken with a hyphen (``SIGNIFI-`` / ``CANT``)."""
    out = list(lines)
    for k in range(len(out) - 1):
        if len(out[k]) < 30 or not out[k + 1].strip() or rng.random() >= rate * HYPHEN_SCALE:
            continue
        m = _LONG_WORD.search(out[k])
        if not m:
            continue
        word = m[0]
        cut = rng.randint(3, len(m[1]) - 3)
        out[k] = out[k][: m.start()] + word[:cut] + "-"
        out[k + 1] = word[cut:] + " " + out[k + 1]
    return out


_CONFUSIONS = {"O": "0", "0": "O", "l": "1", "1": "l", "I": "l", "m": "rn", "B": "8", "S": "5", "e": "c"}


def letter_confusions(lines: list[str], rate: float, rng: Random) -> list[str]:
    """OCR misreadings: 0/O, 1/l/I, rn/m, B/8, S/5, e/c."""
    p = rate * CHAR_SCALE
    if p <= 0:
        return lines
    out = []
    for ln in lines:
        if not ln or rng.random() >= p * len(ln) * 2:
            out.append(ln)
            continue
        chars = list(ln)
        for i, ch in enumerate(chars):
            if ch in _CONFUSIONS and rng.random() < p * 3:
                chars[i] = _CONFUSIONS[ch]
        text = "".join(chars)
        if "rn" in text and rng.random() < p * 10:
            text = text.replace("rn", "m", 1)
        out.append(text)
    return out


def mid_sentence_stamps(lines: list[str], rate: float, rng: Random) -> list[str]:
    """The systematic-review stamp dropped into the middle of a line of text (often twice)."""
    if rng.random() >= rate:
        return lines
    stamp = f"{rng.choice(_REVIEWERS)} Declassified/Released US Department of State EO Systematic Review " \
            f"{rng.randint(1, 28)} {rng.choice(('Jan', 'Mar', 'May', 'Jun', 'Sep', 'Nov'))} {rng.randint(2005, 2014)}"
    out = list(lines)
    candidates = [k for k in range(len(out) // 3, len(out)) if out[k].count(" ") >= 5]
    for _ in range(1 if rng.random() < 0.6 else 2):
        if not candidates:
            break
        k = rng.choice(candidates)
        words = out[k].split(" ")
        cut = rng.randint(1, len(words) - 1)
        out[k] = " ".join(words[:cut] + [stamp] + words[cut:])
    return out


def dropped_lines(lines: list[str], rate: float, rng: Random) -> list[str]:
    """Lines lost by the scan."""
    p = rate * LINE_SCALE
    return [ln for ln in lines if not ln.strip() or rng.random() >= p]


def doubled_lines(lines: list[str], rate: float, rng: Random) -> list[str]:
    """Lines read twice (page overlap in the scan)."""
    p = rate * LINE_SCALE
    out = []
    for ln in lines:
        out.append(ln)
        if ln.strip() and rng.random() < p:
            out.append(ln)
    return out


def struck_text(lines: list[str], rate: float, rng: Random) -> list[str]:
    """A run of words struck through (``~~…~~`` in OCR output), as a reviewer's pen leaves it."""
    if rng.random() >= rate:
        return lines
    candidates = [k for k in range(len(lines) // 3, len(lines)) if lines[k].count(" ") >= 6]
    if not candidates:
        return lines
    k = rng.choice(candidates)
    words = lines[k].split(" ")
    a = rng.randint(0, len(words) - 3)
    b = rng.randint(a + 1, min(len(words), a + 6))
    out = list(lines)
    out[k] = " ".join(words[:a] + ["~~" + " ".join(words[a:b]) + "~~"] + words[b:])
    return out


Noise = Callable[[list[str], float, Random], list[str]]
KINDS: dict[str, Noise] = {
    "hyphenation": hyphenation,
    "letter-confusion": letter_confusions,
    "struck-text": struck_text,
    "mid-sentence-stamp": mid_sentence_stamps,
    "dropped-line": dropped_lines,
    "doubled-line": doubled_lines,
    "page-banner": page_banners,
    "release-stamp": release_stamps,
    "foia-banner": foia_banners,
    "worksheet-box": worksheet_boxes,
}


@dataclass(frozen=True)
class NoiseConfig:
    """Rates per kind of noise (``KINDS``); a kind not named, or at rate 0, is off."""

    rates: Mapping[str, float] = field(default_factory=dict)

    def __post_init__(self) -> None:
        unknown = set(self.rates) - set(KINDS)
        if unknown:
            raise ValueError(f"unknown noise kind(s) {', '.join(sorted(unknown))}; choose from {', '.join(KINDS)}")
        bad = [k for k, v in self.rates.items() if not 0 <= v <= 1]
        if bad:
            raise ValueError(f"noise rates must lie in [0, 1]: {', '.join(bad)}")

    @classmethod
    def ocr(cls, rate: float = 0.25, **overrides: float) -> NoiseConfig:
        """Every kind at ``rate``; ``overrides`` (``letter_confusion=0``) change single kinds."""
        rates = {k: rate for k in KINDS}
        rates.update({k.replace("_", "-"): v for k, v in overrides.items()})
        return cls(rates)

    @property
    def active(self) -> bool:
        return any(v > 0 for v in self.rates.values())


def apply(text: str, config: NoiseConfig, rng: Random) -> str:
    """``text`` with the configured noise added; the same ``rng`` state gives the same result."""
    if not config.active:
        return text
    lines = text.split("\n")
    for name, kind in KINDS.items():
        rate = config.rates.get(name, 0.0)
        if rate > 0:
            lines = kind(lines, rate, rng)
    return "\n".join(lines)
