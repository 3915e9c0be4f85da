"""The bundled sample archive that ``cablegram serve`` builds on first start when its archive is absent:
our starting document (the 1996 NODIS telegram), a generated corpus of synthetic cables of every era,
and a second, OCR-damaged release of some of them (with release stamps and banners), so that a person
meets search, facets, references, releases side by side and defects at once.
"""

from __future__ import annotations

import json
import os
import shutil
from dataclasses import dataclass
from pathlib import Path
from random import Random

from ..archive import DB_FILE, IngestReport, ingest, open_store
from ..synth import NoiseConfig, add_noise, generate

DEFAULT_FOLDER = Path("cablegram-archive")
SEED = 1996
SOURCES = "sample-sources"  # inside the archive folder: the files the sample was ingested from


@dataclass(frozen=True)
class SampleSpec:
    """What the sample holds.

    Attributes:
        cables: how many synthetic cables to generate.
        ocr_releases: how many of them get a second, OCR-damaged release.
        seed: the generator's seed (the same seed gives the same sample).
    """

    cables: int = 3000
    ocr_releases: int = 300
    seed: int = SEED


def needs_sample(folder: Path) -> bool:
    """True when ``folder`` holds no archive yet."""
    return not (folder / DB_FILE).exists()


def write_sources(folder: Path, spec: SampleSpec) -> list[Path]:
    """Write the sample's source files into ``folder``; returns their paths in ingest order."""
    from ..cli import (
        EXAMPLE,  # here, not above: cli imports cli_web, which imports this module
    )

    folder.mkdir(parents=True, exist_ok=True)
    example = folder / EXAMPLE.name
    shutil.copyfile(EXAMPLE, example)
    clean, noisy = folder / "synthetic-cables.jsonl", folder / "ocr-releases.jsonl"
    noise, rng = NoiseConfig.ocr(0.2), Random(spec.seed)
    with clean.open("w", encoding="utf-8") as c, noisy.open("w", encoding="utf-8") as n:
        for i, sample in enumerate(generate(spec.cables, spec.seed)):
            c.write(json.dumps({"id": f"synthetic-{i + 1}", "text": sample.text}) + "\n")
            if i < spec.ocr_releases:
                # the same cable scanned from a released copy: banners, stamps and OCR damage
                n.write(json.dumps({"id": f"ocr-release-{i + 1}", "text": add_noise(sample.text, noise, rng)}) + "\n")
    return [example, clean, noisy]


def build_sample(folder: Path, spec: SampleSpec = SampleSpec(), *, jobs: int | None = None) -> IngestReport:
    """Build the sample archive in ``folder`` (which must not hold one yet)."""
    from ..archive.index import (  # tantivy loads only when needed
        SearchIndex,
        default_index_folder,
    )

    paths = write_sources(folder / SOURCES, spec)
    with open_store(folder) as store:
        report = ingest(store, [str(p) for p in paths], jobs=jobs or min(2, os.cpu_count() or 1))
        SearchIndex.rebuild(default_index_folder(store), store)  # as `cablegram ingest` builds it
    return report
