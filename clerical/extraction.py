"""Text out of stored files: text layers first, OCR (tesseract, ron+eng) for scans.

Pure functions over a path on disk, run by the worker
(`clerical.services.documents.document_version_extract`). PDFs: pdftotext;
a PDF whose pages hold almost no text is rendered by pdftoppm and read by
tesseract. Office files are ZIPs of XML: their text runs are read directly.
"""

import os
import re
import subprocess
import tempfile
import time
import zipfile
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path

from django.conf import settings
from PIL import Image

OCR_LANGUAGES = "ron+eng"
OCR_DPI = 300
THUMBNAIL_PX = 320
# Fewer letters than this per page: the PDF is a scan and is read by OCR.
TEXT_LAYER_MIN_CHARS_PER_PAGE = 20
_TIMEOUT_S = 300

_OFFICE_PARTS = {
    "docx": re.compile(r"^word/(document|header\d*|footer\d*)\.xml$"),
    "xlsx": re.compile(r"^xl/(sharedStrings|worksheets/sheet\d+)\.xml$"),
    "pptx": re.compile(r"^ppt/slides/slide\d+\.xml$"),
    "odt": re.compile(r"^content\.xml$"),
    "ods": re.compile(r"^content\.xml$"),
}
_BREAKS = re.compile(r"</(w:p|a:p|text:p|text:h|row|si|c)>|<(w:br|w:tab|text:tab)[^>]*/?>")
_TAGS = re.compile(r"<[^>]+>")
_ENTITIES = {"&lt;": "<", "&gt;": ">", "&quot;": '"', "&apos;": "'", "&amp;": "&"}


class ExtractionError(Exception):
    pass


@dataclass
class Extracted:
    text: str
    pages_ocr: int = 0
    ocr_seconds: float = 0.0


def _run(args: list[str], **kwargs) -> str:
    try:
        # Fixed programs (poppler, tesseract) on paths we named; no shell.
        done = subprocess.run(  # noqa: S603
            args, capture_output=True, check=True, timeout=_TIMEOUT_S, **kwargs
        )
    except (subprocess.CalledProcessError, subprocess.TimeoutExpired, OSError) as error:
        raise ExtractionError(f"{args[0]}: {error}") from error
    return done.stdout.decode("utf-8", errors="replace")


# One thread per tesseract: workers already run in parallel, and OpenMP threads
# fighting over busy cores made a page 3 to 5 times slower.
_TESSERACT_ENV = {**os.environ, "OMP_THREAD_LIMIT": "1"}


def ocr_image(path: Path) -> str:
    return _run(
        ["tesseract", str(path), "stdout", "-l", OCR_LANGUAGES, "--psm", "3"], env=_TESSERACT_ENV
    )


def _pdf_pages(path: Path) -> int:
    info = _run(["pdfinfo", str(path)])
    match = re.search(r"^Pages:\s+(\d+)", info, re.MULTILINE)
    return int(match.group(1)) if match else 0


def _pdf_ocr(path: Path, pages: int) -> Extracted:
    pages = min(pages, settings.CLERICAL_OCR_MAX_PAGES)
    started = time.monotonic()
    texts = []
    with tempfile.TemporaryDirectory() as tmp:
        _run(
            [
                "pdftoppm",
                "-r",
                str(OCR_DPI),
                "-gray",
                "-png",
                "-l",
                str(pages),
                str(path),
                f"{tmp}/page",
            ]
        )
        for image in sorted(Path(tmp).glob("page*.png")):
            texts.append(ocr_image(image))
    return Extracted("\n\f".join(texts), len(texts), time.monotonic() - started)


def _pdf(path: Path) -> Extracted:
    pages = _pdf_pages(path)
    text = _run(["pdftotext", "-layout", "-enc", "UTF-8", str(path), "-"])
    letters = sum(ch.isalnum() for ch in text)
    if pages and letters < TEXT_LAYER_MIN_CHARS_PER_PAGE * pages:
        return _pdf_ocr(path, pages)
    return Extracted(text)


def _image(path: Path) -> Extracted:
    started = time.monotonic()
    with tempfile.TemporaryDirectory() as tmp, Image.open(path) as image:
        # tesseract reads PNG on every build; GIF, WebP and multi-page TIFF vary.
        frames = getattr(image, "n_frames", 1)
        texts = []
        for index in range(min(frames, settings.CLERICAL_OCR_MAX_PAGES)):
            image.seek(index)
            page = Path(tmp) / f"page{index}.png"
            image.convert("L").save(page)
            texts.append(ocr_image(page))
    return Extracted("\n\f".join(texts), len(texts), time.monotonic() - started)


def _office(path: Path, kind: str) -> Extracted:
    pattern = _OFFICE_PARTS.get(kind)
    if pattern is None:  # Office 97-2003 binaries: kept, not read
        return Extracted("")
    parts = []
    with zipfile.ZipFile(path) as archive:
        for name in sorted(archive.namelist()):
            if pattern.match(name):
                xml = archive.read(name).decode("utf-8", errors="replace")
                parts.append(_xml_text(xml))
    return Extracted("\n".join(parts))


def _xml_text(xml: str) -> str:
    text = _TAGS.sub("", _BREAKS.sub("\n", xml))
    for entity, char in _ENTITIES.items():
        text = text.replace(entity, char)
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def extract_text(path: Path, kind: str) -> Extracted:
    if kind == "pdf":
        return _pdf(path)
    if kind in {"png", "jpeg", "gif", "webp", "tiff"}:
        return _image(path)
    if kind == "text":
        return Extracted(path.read_bytes().decode("utf-8", errors="replace"))
    return _office(path, kind)


def thumbnail_png(path: Path, kind: str) -> bytes | None:
    """A PNG of the first page, at most THUMBNAIL_PX wide; None for kinds without pages."""
    if kind == "pdf":
        with tempfile.TemporaryDirectory() as tmp:
            _run(
                [
                    "pdftoppm",
                    "-png",
                    "-singlefile",
                    "-f",
                    "1",
                    "-l",
                    "1",
                    "-scale-to",
                    str(THUMBNAIL_PX),
                    str(path),
                    f"{tmp}/thumb",
                ]
            )
            return (Path(tmp) / "thumb.png").read_bytes()
    if kind in {"png", "jpeg", "gif", "webp", "tiff"}:
        with Image.open(path) as image:
            image.thumbnail((THUMBNAIL_PX, THUMBNAIL_PX * 2))
            out = BytesIO()
            image.convert("RGB").save(out, "PNG")
            return out.getvalue()
    return None
