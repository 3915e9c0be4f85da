"""The text layer of a PDF, with pypdf; pages without one are listed for OCR.

Tesseract OCR of image-only pages comes in a later version; until then such pages are reported,
with how to install Tesseract, and the rest of the batch goes on.
"""

from __future__ import annotations

import io
import logging
from dataclasses import dataclass

__all__ = ["OCR_HINT", "PdfText", "pdf_text"]

OCR_HINT = ("OCR needed: cablegram will read image-only pages with Tesseract in a later version "
            "(Debian/Ubuntu: sudo apt-get install tesseract-ocr)")
MIN_PAGE_CHARS = 20  # fewer characters than this is a scanned page with a stray mark, not a text layer


@dataclass(frozen=True)
class PdfText:
    """What the text layer gave: the text of the pages that have one (pages separated by a blank line),
    the page count, and the 1-based numbers of pages without a text layer."""

    text: str
    pages: int
    blank_pages: tuple[int, ...]

    def ocr_note(self) -> str | None:
        if not self.blank_pages:
            return None
        pages = ", ".join(map(str, self.blank_pages[:20])) + (" …" if len(self.blank_pages) > 20 else "")
        return f"{len(self.blank_pages)} of {self.pages} page(s) have no text layer (page {pages}); {OCR_HINT}"


def pdf_text(data: bytes) -> PdfText:
    """Read a PDF's text layer. Raises ``ValueError`` for a file pypdf cannot open."""
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = PdfReader(io.BytesIO(data))
        texts, blank = [], []
        for n, page in enumerate(reader.pages, 1):
            text = (page.extract_text() or "").strip()
            if len(text) < MIN_PAGE_CHARS:
                blank.append(n)
            else:
                texts.append(text)
        return PdfText("\n\n".join(texts), len(reader.pages), tuple(blank))
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise ValueError(f"not a readable PDF ({type(exc).__name__}: {exc})") from exc
