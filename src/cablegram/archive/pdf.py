"""The text of a PDF: each page's text layer (pypdf), or, for a page without one, OCR of its scanned
image (:mod:`cablegram.archive.ocr`). A page that can be read neither way is listed with the reason,
and the other pages are still read.
"""

from __future__ import annotations

import io
import logging
from dataclasses import dataclass

from .ocr import Ocr, OcrError, page_image

__all__ = ["OCR_HINT", "PdfText", "pdf_text"]

OCR_HINT = "Debian/Ubuntu: sudo apt-get install tesseract-ocr"
MIN_PAGE_CHARS = 20  # fewer characters than this is a scanned page with a stray mark, not a text layer


@dataclass(frozen=True)
class PdfText:
    """What a PDF gave.

    Attributes:
        text: the text of the pages read (pages separated by a blank line); empty when none was.
        pages: the page count.
        method: ``pdf-text-layer`` (every page read had a text layer), ``pdf-ocr`` (every page read was
            OCR'd) or ``pdf-mixed``.
        failed: ``(page number, reason)`` for each page read neither way.
        ocr_run, ocr_cached: pages OCR'd by running Tesseract, and pages whose OCR came from the cache.
    """

    text: str
    pages: int
    method: str = "pdf-text-layer"
    failed: tuple[tuple[int, str], ...] = ()
    ocr_run: int = 0
    ocr_cached: int = 0

    def failure_note(self) -> str | None:
        """The failed pages in one line, or None."""
        if not self.failed:
            return None
        if not self.text:
            return f"no text read from any of its {self.pages} page(s) ({self.failure_reasons()})"
        return f"{len(self.failed)} of {self.pages} page(s) not read ({self.failure_reasons()})"

    def failure_reasons(self) -> str:
        """``page 2, 3: reason; page 5: reason`` (pages sharing a reason grouped)."""
        by_reason: dict[str, list[int]] = {}
        for n, reason in self.failed:
            by_reason.setdefault(reason, []).append(n)
        parts = []
        for reason, numbers in by_reason.items():
            shown = ", ".join(map(str, numbers[:20])) + (" …" if len(numbers) > 20 else "")
            parts.append(f"page {shown}: {reason}")
        return "; ".join(parts)


def pdf_text(data: bytes, ocr: Ocr | None = None) -> PdfText:
    """Read a PDF: text layers, and OCR of image-only pages with ``ocr`` (None: such pages fail).
    Raises ``ValueError`` for a file pypdf cannot open."""
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = PdfReader(io.BytesIO(data))
        pages = list(reader.pages)
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise ValueError(f"not a readable PDF ({type(exc).__name__}: {exc})") from exc
    texts: list[str] = []
    failed: list[tuple[int, str]] = []
    layer = ran = cached = 0
    for n, page in enumerate(pages, 1):
        text = _text_layer(page)
        if len(text) >= MIN_PAGE_CHARS:
            texts.append(text)
            layer += 1
            continue
        try:
            read = _ocr_page(page, ocr)
        except OcrError as exc:
            failed.append((n, str(exc)))
            continue
        texts.append(read.text.strip())
        ran, cached = ran + (not read.cached), cached + read.cached
    ocred = ran + cached
    method = "pdf-mixed" if layer and ocred else "pdf-ocr" if ocred else "pdf-text-layer"
    return PdfText("\n\n".join(t for t in texts if t), len(pages), method, tuple(failed), ran, cached)


def _text_layer(page) -> str:
    try:
        return (page.extract_text() or "").strip()
    except Exception:  # noqa: BLE001 - a damaged content stream: treat the page as having no text layer
        return ""


def _ocr_page(page, ocr: Ocr | None):
    try:
        image = page_image(page)
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise OcrError(f"no text layer, and its image cannot be read ({type(exc).__name__}: {exc})") from exc
    if image is None:
        raise OcrError("no text layer and no image (an empty page)")
    if ocr is None:
        raise OcrError(f"no text layer; OCR is off ({OCR_HINT})")
    return ocr.read(image)
