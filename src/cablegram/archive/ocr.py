"""OCR of PDF pages that have no text layer: the page's scanned image, read by Tesseract, cached.

A scanned page is one image drawn over the page. :func:`page_image` takes the largest image on the
page out of the PDF as a file Tesseract reads directly, without rendering and without an imaging
library: JPEG (``DCTDecode``) and JPEG 2000 (``JPXDecode``) as they are stored, fax-coded images
(``CCITTFaxDecode``, the usual scanner output) as TIFF, and uncompressed or Flate/LZW samples
(grey, RGB, indexed, 1 to 16 bits) as Netpbm (PBM/PGM/PPM). Debian's ``tesseract`` is run as a
program (``subprocess``); no Python binding is needed.

The text is cached by the sha256 of the image bytes (:class:`OcrCache`, one file per image, written
atomically), so reading the same scan again — an interrupted ingest redone, the same scan in another
PDF — does not run Tesseract again, and needs no Tesseract at all.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

__all__ = ["INSTALL_HINT", "Ocr", "OcrCache", "OcrError", "OcrText", "PageImage", "cache_folder", "page_image"]

INSTALL_HINT = "Debian/Ubuntu: sudo apt-get install tesseract-ocr"
TESSERACT_TIMEOUT = 300  # seconds for one page; a page that takes longer is recorded as failed


class OcrError(Exception):
    """A page could not be OCR'd; the message is the reason recorded for the page."""


@dataclass(frozen=True)
class PageImage:
    """The scanned image of one page, as a file Tesseract reads.

    Attributes:
        data: the image file's bytes (JPEG, JPEG 2000, TIFF or Netpbm).
        suffix: its file-name suffix (``.jpg``, ``.jp2``, ``.tif``, ``.pnm``, ``.png``).
        dpi: pixels per inch as drawn on the page; None when the page size is unknown.
    """

    data: bytes
    suffix: str
    dpi: int | None

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()


@dataclass(frozen=True)
class OcrText:
    """What OCR gave for one page: its text and whether it came from the cache."""

    text: str
    cached: bool


class OcrCache:
    """OCR text by image hash: ``<folder>/<sha256>.txt``. Safe with several worker processes: a file
    appears whole (written aside, then renamed) or not at all."""

    def __init__(self, folder: str | Path):
        self.folder = Path(folder)

    def _file(self, sha256: str) -> Path:
        return self.folder / f"{sha256}.txt"

    def get(self, sha256: str) -> str | None:
        try:
            return self._file(sha256).read_text(encoding="utf-8")
        except FileNotFoundError:
            return None

    def put(self, sha256: str, text: str) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{sha256[:16]}-", suffix=".tmp", dir=self.folder)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                fh.write(text)
            os.replace(tmp, self._file(sha256))
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise


@dataclass(frozen=True)
class Ocr:
    """How image-only pages are read (passed to the worker processes, so it is plain data).

    Attributes:
        tesseract: path of the ``tesseract`` program, or None when it is not installed.
        cache: the cache folder, or None for no cache.
        lang: Tesseract's language (``eng``).
    """

    tesseract: str | None
    cache: str | None = None
    lang: str = "eng"

    @classmethod
    def find(cls, cache: str | Path | None = None) -> Ocr:
        """Tesseract as found on ``PATH`` now, with the cache in ``cache``."""
        return cls(shutil.which("tesseract"), str(cache) if cache is not None else None)

    def read(self, image: PageImage) -> OcrText:
        """The text of a page image, from the cache or by running Tesseract (then cached)."""
        cache = OcrCache(self.cache) if self.cache else None
        sha = image.sha256
        if cache is not None and (hit := cache.get(sha)) is not None:
            return OcrText(hit, cached=True)
        text = self._tesseract(image)
        if cache is not None:
            cache.put(sha, text)
        return OcrText(text, cached=False)

    def _tesseract(self, image: PageImage) -> str:
        if self.tesseract is None:
            raise OcrError(f"Tesseract is not installed, so image-only pages cannot be read ({INSTALL_HINT})")
        with tempfile.TemporaryDirectory(prefix="cablegram-ocr-") as tmp:
            path = Path(tmp) / f"page{image.suffix}"
            path.write_bytes(image.data)
            command = [self.tesseract, str(path), "stdout", "-l", self.lang]
            if image.dpi:
                command += ["--dpi", str(image.dpi)]
            # one thread: ingest already runs one worker process per core
            env = dict(os.environ, OMP_THREAD_LIMIT="1")
            try:
                done = subprocess.run(command, capture_output=True, timeout=TESSERACT_TIMEOUT, env=env, check=False)
            except FileNotFoundError as exc:
                raise OcrError(f"Tesseract is not installed, so image-only pages cannot be read ({INSTALL_HINT})") from exc
            except subprocess.TimeoutExpired as exc:
                raise OcrError(f"Tesseract took more than {TESSERACT_TIMEOUT} s") from exc
        if done.returncode != 0:
            said = [line for line in done.stderr.decode(errors="replace").splitlines() if line.strip()]
            raise OcrError(f"Tesseract failed (exit {done.returncode}): {said[-1] if said else 'no message'}")
        return done.stdout.decode("utf-8", errors="replace")


def cache_folder(archive_folder: Path | None) -> Path:
    """Where OCR text is cached: ``<archive>/ocr-cache``; for an archive on a server (PostgreSQL),
    the user's cache folder (``$XDG_CACHE_HOME/cablegram/ocr-cache``)."""
    if archive_folder is not None:
        return Path(archive_folder) / "ocr-cache"
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "cablegram" / "ocr-cache"


# -- the page's image -------------------------------------------------------------------------------
_AS_STORED = {"/DCTDecode": ".jpg", "/DCT": ".jpg", "/JPXDecode": ".jp2"}
_FAX = ("/CCITTFaxDecode", "/CCF")


def page_image(page: Any) -> PageImage | None:
    """The largest image drawn on a pypdf page (directly or in a form), as a file; None when the page
    holds no image. Raises :class:`OcrError` for an image in a form this reader cannot hand over."""
    images = list(_images(page.get("/Resources"), depth=0))
    if not images:
        return None
    image = max(images, key=lambda x: int(x.get("/Width", 0)) * int(x.get("/Height", 0)))
    data, suffix = _image_file(image)
    return PageImage(data, suffix, _dpi(page, int(image.get("/Width", 0))))


def _images(resources: Any, depth: int):
    if resources is None or depth > 3:
        return
    xobjects = resources.get_object().get("/XObject")
    if xobjects is None:
        return
    for ref in xobjects.get_object().values():
        obj = ref.get_object()
        if obj.get("/Subtype") == "/Image":
            yield obj
        elif obj.get("/Subtype") == "/Form":
            yield from _images(obj.get("/Resources"), depth + 1)


def _filters(image: Any) -> list[str]:
    f = image.get("/Filter")
    if f is None:
        return []
    f = f.get_object()
    return [str(x) for x in f] if isinstance(f, list) else [str(f)]


def _image_file(image: Any) -> tuple[bytes, str]:
    filters = _filters(image)
    last = filters[-1] if filters else None
    try:
        data = image.get_data()  # decodes all but the image codecs, which pypdf passes through
    except Exception as exc:  # noqa: BLE001 - pypdf raises many kinds for damaged or exotic streams
        raise OcrError(f"its image cannot be decoded ({type(exc).__name__}: {exc})") from exc
    if last in _AS_STORED:
        return data, _AS_STORED[last]
    if last in _FAX:
        return data, ".tif"  # pypdf puts a TIFF header before the fax data
    if last == "/JBIG2Decode":
        return data, ".png"  # decoded by jbig2dec when it is installed
    return _netpbm(image, data), ".pnm"


def _colour_space(image: Any) -> tuple[str, int, bytes | None, int]:
    """(kind, components, palette, palette base components) of an image's colour space."""
    if image.get("/ImageMask"):
        return "mask", 1, None, 0
    cs = image.get("/ColorSpace")
    cs = cs.get_object() if cs is not None else "/DeviceGray"
    if isinstance(cs, list):
        name = str(cs[0])
        if name == "/ICCBased":
            n = int(cs[1].get_object().get("/N", 3))
            return ("gray" if n == 1 else "rgb" if n == 3 else "other"), n, None, 0
        if name == "/Indexed":
            base_kind, base_n, _, _ = _colour_space({"/ColorSpace": cs[1]})
            lookup = cs[3].get_object()
            table = lookup.get_data() if hasattr(lookup, "get_data") else bytes(lookup, "latin-1") if isinstance(lookup, str) else bytes(lookup)
            return ("indexed" if base_kind in ("gray", "rgb") else "other"), 1, table, base_n
        name = name if name in ("/CalGray", "/CalRGB") else "other"
        cs = name
    kind = {"/DeviceGray": "gray", "/CalGray": "gray", "/G": "gray", "/DeviceRGB": "rgb", "/CalRGB": "rgb",
            "/RGB": "rgb"}.get(str(cs), "other")
    return kind, {"gray": 1, "rgb": 3}.get(kind, 0), None, 0


def _netpbm(image: Any, data: bytes) -> bytes:
    """Raw samples as PBM (1 bit), PGM (grey) or PPM (colour): headers Tesseract's image library reads."""
    width, height = int(image["/Width"]), int(image["/Height"])
    bits = 1 if image.get("/ImageMask") else int(image.get("/BitsPerComponent", 8))
    kind, n, palette, base_n = _colour_space(image)
    if kind == "other":
        raise OcrError(f"its image's colour space {image.get('/ColorSpace')} is not one OCR here can read")
    decode = image.get("/Decode")
    inverted = decode is not None and float(decode[0]) > float(decode[1])
    if kind == "indexed":
        return _expand_palette(data, width, height, bits, palette or b"", base_n)
    row = (width * n * bits + 7) // 8
    if len(data) < row * height:
        raise OcrError(f"its image holds {len(data)} bytes, fewer than {width}x{height} pixels need")
    data = data[:row * height]
    if bits == 1 and n == 1:
        # PBM: 1 is black. PDF grey: 0 is black; an image mask paints where the sample is 0.
        flip = not inverted
        body = bytes(b ^ 0xFF for b in data) if flip else data
        return b"P4\n%d %d\n" % (width, height) + body
    if bits not in (8, 16):
        raise OcrError(f"its image has {bits}-bit samples, which OCR here does not read")
    body = bytes(255 - b for b in data) if inverted and bits == 8 else data
    magic = b"P5" if n == 1 else b"P6"
    return magic + b"\n%d %d\n%d\n" % (width, height, 255 if bits == 8 else 65535) + body


def _expand_palette(data: bytes, width: int, height: int, bits: int, palette: bytes, base_n: int) -> bytes:
    """8-bit palette indexes to grey or RGB samples, one table look-up per component (no pixel loop)."""
    if bits != 8:
        raise OcrError(f"its indexed image has {bits}-bit samples, which OCR here does not read")
    data = data[:width * height]
    if len(data) < width * height:
        raise OcrError(f"its image holds {len(data)} bytes, fewer than {width}x{height} pixels need")
    palette = palette.ljust(256 * base_n, b"\0")
    out = bytearray(width * height * base_n)
    for c in range(base_n):
        out[c::base_n] = data.translate(bytes(palette[i * base_n + c] for i in range(256)))
    magic = b"P5" if base_n == 1 else b"P6"
    return magic + b"\n%d %d\n255\n" % (width, height) + bytes(out)


def _dpi(page: Any, pixels_wide: int) -> int | None:
    """Pixels per inch of an image that fills the page's width (a scan does)."""
    try:
        points = float(page.mediabox.width)
    except (AttributeError, KeyError, TypeError, ValueError):
        return None
    if points <= 0 or pixels_wide <= 0:
        return None
    dpi = round(pixels_wide / (points / 72))
    return dpi if 30 <= dpi <= 2400 else None
