"""Field accuracy of the parser on synthetic telegrams against noise rate: the noise curve.

    .venv/bin/python bench/noise_curve.py [--count 300] [--seed 11] [--rates 0,0.1,0.25,0.5,1.0]
                                          [--kind NAME ...] [--fields]

For each rate, generates --count telegrams (all four eras, the same records at every rate), adds
OCR noise of every kind (or only the --kind kinds) at that rate, parses the text and compares the
record field by field with the truth (``cablegram.synth.compare``). Prints a Markdown table: overall
field accuracy per rate and per era; --fields adds one row per field.
"""

from __future__ import annotations

import argparse
from collections import defaultdict

from cablegram import parse
from cablegram.synth import ERAS, FIELDS, NOISE_KINDS, NoiseConfig, Tally, compare, generate


def curve(count: int, seed: int, rates: list[float], kinds: list[str] | None) -> dict[float, dict[str, Tally]]:
    out: dict[float, dict[str, Tally]] = {}
    for rate in rates:
        config = NoiseConfig({k: rate for k in (kinds or NOISE_KINDS)}) if rate > 0 else None
        tallies: dict[str, Tally] = defaultdict(Tally)
        for s in generate(count, seed, ERAS, config):
            result = compare(s.truth, parse(s.text))
            tallies[s.truth.era].add(result)
            tallies["all"].add(result)
        out[rate] = tallies
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--count", type=int, default=300)
    ap.add_argument("--seed", type=int, default=11)
    ap.add_argument("--rates", default="0,0.1,0.25,0.5,1.0")
    ap.add_argument("--kind", action="append", choices=list(NOISE_KINDS))
    ap.add_argument("--fields", action="store_true")
    args = ap.parse_args()
    rates = [float(r) for r in args.rates.split(",")]
    result = curve(args.count, args.seed, rates, args.kind)
    print(f"# {args.count} telegrams per rate, seed {args.seed}, noise kinds: {', '.join(args.kind or NOISE_KINDS)}")
    cols = ["all", *ERAS]
    print("| noise rate | " + " | ".join(cols) + " |")
    print("| --- |" + " --- |" * len(cols))
    for rate in rates:
        t = result[rate]
        print(f"| {rate:g} | " + " | ".join(f"{100 * t[c].accuracy():.1f} %" for c in cols) + " |")
    if args.fields:
        print()
        print("| field | " + " | ".join(f"rate {r:g}" for r in rates) + " |")
        print("| --- |" + " --- |" * len(rates))
        for name in FIELDS:
            cells = []
            for rate in rates:
                a = result[rate]["all"].field(name)
                cells.append("–" if a is None else f"{100 * a:.1f} %")
            print(f"| {name} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
