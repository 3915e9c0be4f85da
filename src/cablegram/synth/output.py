"""Writing a synthetic corpus: JSON Lines (``{"text", "truth"}`` per line) or a folder of files."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from pathlib import Path

from .generator import Sample


def write(samples: Iterable[Sample], out: Path) -> int:
    """Write ``samples`` to ``out``: a ``.jsonl`` file, else a folder of ``NNNNNNN.txt`` texts with
    ``NNNNNNN.json`` truths beside them. Streams: one sample in memory at a time. Returns the count."""
    n = 0
    if str(out) == "-":
        for sample in samples:
            sys.stdout.write(sample.to_json_line() + "\n")
            n += 1
        return n
    if out.suffix == ".jsonl":
        # The lines are ASCII (JSON escapes the rest): written as bytes through a large buffer,
        # which saves the text layer's encoding pass and most write calls.
        with open(out, "wb", buffering=1 << 20) as handle:
            for sample in samples:
                handle.write((sample.to_json_line() + "\n").encode("ascii"))
                n += 1
        return n
    out.mkdir(parents=True, exist_ok=True)
    for sample in samples:
        n += 1
        (out / f"{n:07d}.txt").write_text(sample.text, encoding="utf-8")
        (out / f"{n:07d}.json").write_text(json.dumps(sample.to_json()["truth"], indent=1), encoding="utf-8")
    return n
