"""Build the evaluation files of a blind set from the public repositories its documents come from.

The blind sets in ``gold/blind2/`` to ``gold/blind7/`` label documents that are not in
``../shared/eval``: cables and releases taken from the same public repositories, after the parser's
rules were written. The repository holds their labels and a manifest (repository, path, commit and
preparation of each document), never their text. To measure them again, fetch the files named in
the manifest (``git clone`` each repository and check out the commit, or download each file at that
commit) into one directory, laid out as ``<owner>/<name>/<path>``, then:

    .venv/bin/python bench/blind_sets.py --manifest gold/blind2/manifest.jsonl --sources DIR --out /tmp/blind2
    .venv/bin/cablegram eval --eval-dir /tmp/blind2 --gold gold/blind2

The preparation is the dev set's:
- ``pre-blocks``: a WikiLeaks cable page (``chillicoder/cablegate``); each ``<pre>`` block with its
  tags removed and its entities unescaped, the blocks joined by a blank line;
- ``as-stored``: the text file as stored, less a leading YAML block of catalogue metadata (the
  JFK texts' newer commits open with one; the dev set's copies, of an earlier commit, do not).
"""

from __future__ import annotations

import argparse
import html
import json
import re
import sys
from pathlib import Path

_PRE = re.compile(r"<pre>(.*?)</pre>", re.S)
_TAG = re.compile(r"<[^>]+>")


def pre_blocks(page: str) -> str:
    """The cable text of a WikiLeaks cable page."""
    return "\n\n".join(html.unescape(_TAG.sub("", block)) for block in _PRE.findall(page))


def as_stored(text: str) -> str:
    """A stored text less the YAML block of metadata that may open it."""
    if text.startswith("---\n") and (end := text.find("\n---\n", 4)) > 0:
        return text[end + 5:]
    return text


_PREPARE = {"pre-blocks": pre_blocks, "as-stored": as_stored}


def build(manifest: Path, sources: Path, out: Path) -> dict[str, int]:
    """Write ``out/<source>.dev.jsonl`` for every document of the manifest; return the counts."""
    rows: dict[str, list[str]] = {}
    missing = []
    for line in manifest.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        m = json.loads(line)
        path = sources / m["source_repo"] / m["source_path"]
        if not path.exists():
            missing.append(str(path))
            continue
        with path.open(encoding="utf-8", newline="") as fh:  # (line ends as stored)
            text = _PREPARE[m["preparation"]](fh.read())
        row = {k: m[k] for k in ("id", "source_repo", "source_path", "commit", "kind")} | {"text": text}
        rows.setdefault(m["source"], []).append(json.dumps(row, ensure_ascii=False))
    if missing:
        sys.exit("files missing under --sources:\n  " + "\n  ".join(missing))
    out.mkdir(parents=True, exist_ok=True)
    for source, lines in rows.items():
        (out / f"{source}.dev.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return {source: len(lines) for source, lines in rows.items()}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--manifest", type=Path, required=True)
    ap.add_argument("--sources", type=Path, required=True, help="directory holding <owner>/<name>/<path>")
    ap.add_argument("--out", type=Path, required=True)
    args = ap.parse_args()
    for source, n in build(args.manifest, args.sources, args.out).items():
        print(f"{n} documents -> {args.out / (source + '.dev.jsonl')}")


if __name__ == "__main__":
    main()
