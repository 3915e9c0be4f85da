"""The original text of a release, read again from its source file.

A record's spans are offsets into the text the parser was given (``\\r\\n`` read as ``\\n``); the archive
keeps the record and its body text, not that input. So the input is read again from the source the
archive names — the file, the JSON Lines or CSV row, the zip member, a PDF's text layer — and used only
when its sha256 equals the one stored with the record: a file changed or gone since gives None, and the
page says so instead of highlighting the wrong characters.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from ..archive.discover import Document, Input, documents
from ..archive.pdf import pdf_text
from ..parse import decode


def original_text(source: dict[str, Any]) -> str | None:
    """The parser's input for the record whose ``source`` (path, method, locator, sha256) is given."""
    path = Path(source["path"])
    if not path.is_file():
        return None
    method = source.get("method") or ""
    text_field = method.split(":", 1)[1] if method.startswith(("jsonl:", "csv:")) else "text"
    try:
        for doc in documents(Input(source["path"], file=path), text_field):
            if isinstance(doc, Document) and (doc.locator or None) == (source.get("locator") or None):
                return _checked(doc, source.get("sha256"))
    except (OSError, ValueError):
        return None
    return None


def _checked(doc: Document, sha256: str | None) -> str | None:
    data: str | bytes = doc.data
    if doc.form == "pdf":
        try:
            data = pdf_text(data, None).text  # type: ignore[arg-type]
        except ValueError:
            return None
    raw = data.encode("utf-8", errors="surrogatepass") if isinstance(data, str) else data
    if sha256 and hashlib.sha256(raw).hexdigest() != sha256:
        return None
    return decode(data)[0]
