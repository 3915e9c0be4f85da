"""Synthetic telegrams with ground truth: the generator, its word lists, and the OCR-noise model.

``generate(count, seed, eras, noise)`` streams :class:`Sample` objects (true record + text);
``noise.apply(text, config, rng)`` adds OCR and release-layer noise to any text;
``compare.compare(truth, parsed)`` says field by field what a parser got right. See ``docs/synth.md``.
"""

from .compare import FIELDS, Tally, compare
from .generator import ERAS, Generator, Sample, generate
from .noise import KINDS as NOISE_KINDS
from .noise import NoiseConfig
from .noise import apply as add_noise

__all__ = ["ERAS", "FIELDS", "Generator", "NOISE_KINDS", "NoiseConfig", "Sample", "Tally", "add_noise", "compare",
           "generate"]
