"""OCR of image-only PDF pages with the real Tesseract: scanned cables ingested, parsed and searchable;
the OCR cache; a clear reason, and the batch going on, when Tesseract is missing.

The scanned page is made here: ``text2image`` (shipped with Debian's tesseract-ocr) draws the cable in
DejaVu Sans Mono into a fax-coded (CCITT group 4) TIFF, whose coded strip is put into a PDF as the
page's only image — the form scanners produce. The PDF has no text layer; only OCR can read it.
"""

from __future__ import annotations

import shutil
import struct
import subprocess
import zlib
from pathlib import Path

import pytest
import services
from archive_support import cable, pdf_file

from cablegram.archive import Reader, ingest, open_store
from cablegram.archive.ocr import Ocr, OcrCache, page_image
from cablegram.archive.pdf import pdf_text

SCANNED = cable(4471, station="TOKYO", origin="AMEMBASSY TOKYO", month=3, day=12, classification="CONFIDENTIAL",
                tags="ECON, JA", subject="JAPAN: RICE TARIFF NEGOTIATIONS",
                body="Tokyo negotiators signalled flexibility on the rice tariff quota.")


# -- a PDF written by hand: text pages and image pages -------------------------------------------------
class Image:
    """An image XObject: ``data`` as stored, with its PDF dictionary entries."""

    def __init__(self, width: int, height: int, data: bytes, entries: str):
        self.width, self.height, self.data, self.entries = width, height, data, entries


def pdf_with(pages: list[str | Image]) -> bytes:
    """One page per item: a string becomes a text layer; an Image is drawn over the whole page (a scan)."""
    objects: list[bytes] = [b"", b""]  # catalog and page tree, filled in below
    kids = []
    font = None
    for item in pages:
        if isinstance(item, Image):
            image_id = len(objects) + 1
            objects.append(f"<< /Type /XObject /Subtype /Image /Width {item.width} /Height {item.height} "
                           f"{item.entries} /Length {len(item.data)} >>\nstream\n".encode() + item.data + b"\nendstream")
            content = b"q 612 0 0 792 0 0 cm /Im1 Do Q"
            resources = f"<< /XObject << /Im1 {image_id} 0 R >> >>"
        else:
            if font is None:
                objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Courier >>")
                font = len(objects)
            ops = ["BT", "/F1 10 Tf", "12 TL", "40 760 Td"]
            ops += [f"({line.replace(chr(92), '').replace('(', '[').replace(')', ']')}) Tj T*" for line in item.split("\n")]
            content = "\n".join([*ops, "ET"]).encode("latin-1")
            resources = f"<< /Font << /F1 {font} 0 R >> >>"
        objects.append(b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream")
        objects.append(f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents {len(objects)} 0 R "
                       f"/Resources {resources} >>".encode())
        kids.append(f"{len(objects)} 0 R")
    objects[0] = b"<< /Type /Catalog /Pages 2 0 R >>"
    objects[1] = f"<< /Type /Pages /Kids [{' '.join(kids)}] /Count {len(kids)} >>".encode()
    return pdf_file(objects)


def _tiff_fields(tif: bytes) -> dict[int, int]:
    assert tif[:4] == b"II*\0", "text2image writes little-endian TIFF"
    ifd = struct.unpack_from("<I", tif, 4)[0]
    fields = {}
    for i in range(struct.unpack_from("<H", tif, ifd)[0]):
        tag, kind, count, value = struct.unpack_from("<HHII", tif, ifd + 2 + 12 * i)
        fields[tag] = value & 0xFFFF if kind == 3 else value
    return fields


def scanned_page(text: str, folder: Path) -> Image:
    """``text`` drawn at 300 dpi by text2image, as a CCITT group 4 image (one strip, as text2image writes)."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "page.txt").write_text(text)
    subprocess.run(["text2image", "--text", "page.txt", "--outputbase", "page", "--font", "DejaVu Sans Mono",
                    "--fonts_dir", "/usr/share/fonts", "--ptsize", "10", "--resolution", "300"],
                   cwd=folder, check=True, capture_output=True)
    tif = (folder / "page.tif").read_bytes()
    f = _tiff_fields(tif)
    assert f[259] == 4 and f[262] == 0 and f[278] >= f[257], "one G4 strip, white is zero"
    strip = tif[f[273]:f[273] + f[279]]
    return Image(f[256], f[257], strip, f"/ColorSpace /DeviceGray /BitsPerComponent 1 /Filter /CCITTFaxDecode "
                                        f"/DecodeParms << /K -1 /Columns {f[256]} /Rows {f[257]} >>")


@pytest.fixture(scope="module")
def scan(tmp_path_factory) -> Image:
    if services.tesseract_path() is None:
        services.unavailable("tesseract is not installed (Debian: apt-get install tesseract-ocr)")
    if shutil.which("text2image") is None or not Path("/usr/share/fonts").is_dir():
        services.unavailable("text2image (Debian's tesseract-ocr) or fonts-dejavu-core missing: cannot draw a scan")
    return scanned_page(SCANNED, tmp_path_factory.mktemp("scan"))


# -- tests ---------------------------------------------------------------------------------------------
def test_a_scanned_cable_is_ocrd_parsed_and_searchable(tmp_path, scan):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "scan.pdf").write_bytes(pdf_with([scan]))
    with open_store(tmp_path / "db") as store:
        report = ingest(store, [str(tmp_path / "in")])
        assert (report.documents, report.failed, report.ocr_run, report.ocr_cached) == (1, [], 1, 0)
        source = store.conn.execute("SELECT method, pages, status FROM sources").fetchone()
        assert tuple(source) == ("pdf-ocr", 1, "ok")
        record = store.conn.execute("SELECT canonical_id, subject, tags FROM records").fetchone()
        assert record["canonical_id"] == "2008TOKYO004471"
        assert "RICE TARIFF" in record["subject"]
        hits = Reader(store).search('"rice tariff quota" tag:ECON')
        assert [h.fields["canonical_id"] for h in hits.hits] == ["2008TOKYO004471"]
        cached = list((tmp_path / "db" / "ocr-cache").glob("*.txt"))
        assert len(cached) == 1 and "flexibility" in cached[0].read_text()


def test_ocr_is_cached_by_image_so_another_pdf_of_the_scan_needs_no_tesseract(tmp_path, scan):
    (tmp_path / "a.pdf").write_bytes(pdf_with([scan]))
    # another file (so not skipped by its sha256): a cover page with a text layer, then the same scan
    (tmp_path / "b.pdf").write_bytes(pdf_with(["RELEASED BY THE DEPARTMENT OF STATE\nCASE F-2020-00001", scan]))
    with open_store(tmp_path / "db") as store:
        first = ingest(store, [str(tmp_path / "a.pdf")])
        assert (first.ocr_run, first.ocr_cached) == (1, 0)
        # no Tesseract at all now: the page can only come from the cache
        again = ingest(store, [str(tmp_path / "b.pdf")], ocr=Ocr(None, str(tmp_path / "db" / "ocr-cache")))
        assert (again.ocr_run, again.ocr_cached, again.failed) == (0, 1, [])
        methods = [r[0] for r in store.conn.execute("SELECT method FROM sources ORDER BY source_id")]
        assert methods == ["pdf-ocr", "pdf-mixed"]
        ids = [r[0] for r in store.conn.execute("SELECT canonical_id FROM records ORDER BY record_id")]
        assert ids == ["2008TOKYO004471", "2008TOKYO004471"]
        assert store.conn.execute("SELECT COUNT(*) FROM cables").fetchone()[0] == 1  # two releases, one cable


def _grey_image(width: int, height: int) -> Image:
    """A grey image (Flate) that is white but for a black square: no text, only something to hand over."""
    rows = bytearray()
    for y in range(height):
        rows += bytes(0 if 4 <= x < 12 and 4 <= y < 12 else 255 for x in range(width))
    return Image(width, height, zlib.compress(bytes(rows)), "/ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode")


def test_without_tesseract_the_page_fails_with_how_to_install_and_the_batch_goes_on(tmp_path, monkeypatch):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "scan.pdf").write_bytes(pdf_with([_grey_image(16, 16)]))
    (tmp_path / "in" / "mixed.pdf").write_bytes(pdf_with([SCANNED, _grey_image(16, 16)]))
    (tmp_path / "in" / "plain.txt").write_text(cable(220))
    monkeypatch.setenv("PATH", str(tmp_path / "empty-bin"))  # a PATH without tesseract
    with open_store(tmp_path / "db") as store:
        report = ingest(store, [str(tmp_path / "in")], jobs=1)
        failed = dict(report.failed)
        assert list(failed) == [str(tmp_path / "in" / "scan.pdf")]
        assert "Tesseract is not installed" in failed[str(tmp_path / "in" / "scan.pdf")]
        assert "apt-get install tesseract-ocr" in failed[str(tmp_path / "in" / "scan.pdf")]
        warning = dict(report.warnings)[str(tmp_path / "in" / "mixed.pdf")]
        assert "1 of 2 page(s) not read (page 2: Tesseract is not installed" in warning
        assert report.documents == 2  # mixed.pdf's text-layer page and plain.txt
        rows = store.conn.execute("SELECT path, status, method, pages FROM sources ORDER BY path").fetchall()
        assert [(Path(r[0]).name, r[1], r[2], r[3]) for r in rows] == [
            ("mixed.pdf", "ok", "pdf-text-layer", 2), ("plain.txt", "ok", "text", None), ("scan.pdf", "failed", "pdf-text-layer", 1)]
        assert store.check().ok


def test_page_image_hands_over_flate_samples_as_netpbm(tmp_path):
    from pypdf import PdfReader

    grey = PdfReader(_bytes_io(pdf_with([_grey_image(16, 16)]))).pages[0]
    image = page_image(grey)
    assert image.suffix == ".pnm" and image.data.startswith(b"P5\n16 16\n255\n")
    pixels = image.data[len(b"P5\n16 16\n255\n"):]
    assert len(pixels) == 256 and pixels[5 * 16 + 5] == 0 and pixels[0] == 255
    mask = Image(16, 2, zlib.compress(b"\x0f\xff" * 2), "/ImageMask true /Filter /FlateDecode")
    bits = page_image(PdfReader(_bytes_io(pdf_with([mask]))).pages[0])
    assert bits.data == b"P4\n16 2\n" + b"\xf0\x00" * 2  # PBM: 1 is black; a mask paints its zeros
    assert image.dpi is None  # 16 pixels across a letter page: not a scan resolution, so not passed on
    text_only = PdfReader(_bytes_io(pdf_with(["no image here, a text layer only"]))).pages[0]
    assert page_image(text_only) is None


def test_pdf_text_without_ocr_names_each_unread_page():
    read = pdf_text(pdf_with([SCANNED, _grey_image(16, 16), ""]), None)
    assert read.method == "pdf-text-layer" and read.pages == 3
    assert [n for n, _ in read.failed] == [2, 3]
    assert "page 3: no text layer and no image (an empty page)" in read.failure_note()


def test_cache_writes_whole_files_only(tmp_path):
    cache = OcrCache(tmp_path / "c")
    assert cache.get("ab" * 32) is None
    cache.put("ab" * 32, "TEXT")
    assert cache.get("ab" * 32) == "TEXT"
    assert [p.name for p in (tmp_path / "c").iterdir()] == ["ab" * 32 + ".txt"]  # no temporary file left


def _bytes_io(data: bytes):
    import io

    return io.BytesIO(data)
