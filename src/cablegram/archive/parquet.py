"""Export to Apache Parquet (pyarrow), streamed: rows are gathered in batches of :data:`BATCH_ROWS`
and each batch is written as one row group, so memory stays bounded whatever the number of records.

The columns (documented in docs/archive.md) are the summary fields an export carries, typed — lists
as lists of strings, ids as integers — and ``record``, the full ``cablegram/1`` record as JSON text,
so that nothing the archive knows about a record is lost.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

__all__ = ["BATCH_ROWS", "COLUMNS", "schema", "write_parquet"]

BATCH_ROWS = 2000  # rows per row group: about 16 MB of record JSON at 8 kB a record

# (column, type) in file order; "list" is a list of strings.
COLUMNS: tuple[tuple[str, str], ...] = (
    ("key", "string"), ("record_id", "int64"), ("cable_id", "int64"), ("canonical_id", "string"),
    ("date", "string"), ("kind", "string"), ("classification", "string"), ("precedence", "string"),
    ("origin", "string"), ("addressees", "list"), ("captions", "list"), ("tags", "list"), ("subject", "string"),
    ("released", "string"), ("exemptions", "list"), ("source", "string"), ("locator", "string"),
    ("label", "string"), ("record", "string"),
)


def schema():
    """The pyarrow schema of an export file."""
    import pyarrow as pa

    types = {"string": pa.string(), "int64": pa.int64(), "list": pa.list_(pa.string())}
    return pa.schema([(name, types[kind]) for name, kind in COLUMNS],
                     metadata={b"cablegram": b"export of cablegram/1 records; 'record' holds each record as JSON"})


def _row(fields: dict[str, Any], record: dict[str, Any]) -> dict[str, Any]:
    out = {name: fields.get(name) for name, _ in COLUMNS if name != "record"}
    for name, kind in COLUMNS:
        if kind == "list":
            out[name] = [str(v) for v in out[name] or []]
    out["record"] = json.dumps(record, ensure_ascii=False)
    return out


def write_parquet(rows: Iterable[tuple[dict[str, Any], dict[str, Any]]], out: str | Path,
                  batch_rows: int = BATCH_ROWS) -> int:
    """Write ``(summary fields, record)`` pairs (as :meth:`Reader.export` yields them) to ``out``; return
    how many were written. The file appears only when complete (written aside, then renamed)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    out = Path(out)
    part = out.with_name(f".{out.name}.part")
    target = schema()
    n = 0
    try:
        with pq.ParquetWriter(part, target, compression="zstd") as writer:
            batch: list[dict[str, Any]] = []
            for fields, record in rows:
                batch.append(_row(fields, record))
                if len(batch) >= batch_rows:
                    writer.write_batch(pa.RecordBatch.from_pylist(batch, schema=target))
                    n, batch = n + len(batch), []
            if batch or n == 0:
                writer.write_batch(pa.RecordBatch.from_pylist(batch, schema=target))
                n += len(batch)
        os.replace(part, out)
    except BaseException:
        part.unlink(missing_ok=True)
        raise
    return n
