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
    if out.suffix == ".jsonl" or str(out) == "-":
        handle = open(out, "w", encoding="utf-8") if str(out) != "-" else None
        stream = handle or sys.stdout
        try:
            for sample in samples:
                stream.write(json.dumps(sample.to_json()))
                stream.write("\n")
                n += 1
        finally:
            if handle:
                handle.close()
        return n
    out.mkdir(parents=True, exist_ok=True)
    for sample in samples:
        n += 1
        (out / f"{n:07d}.txt").write_text(sample.text, encoding="utf-8")
        (out / f"{n:07d}.json").write_text(json.dumps(sample.to_json()["truth"], indent=1), encoding="utf-8")
    return n
