"""Small real documents made on the spot: PDFs with a text layer, scans with words to read.

Used by the demo, the tests and the bench, so each reads files a user could file.
"""

from html import escape
from io import BytesIO

from PIL import Image, ImageDraw, ImageFont

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"


def pdf_with_text(title: str, paragraphs: list[str]) -> bytes:
    from weasyprint import HTML

    body = "".join(f"<p>{escape(text)}</p>" for text in paragraphs)
    html = f"<html><body><h1>{escape(title)}</h1>{body}</body></html>"
    return HTML(string=html).write_pdf()


def scan_image(lines: list[str], *, size: int = 32) -> Image.Image:
    """White paper with black words at a size tesseract reads (about 300 dpi text)."""
    try:
        font = ImageFont.truetype(FONT, size)
    except OSError:
        font = ImageFont.load_default(size)
    width = max(int(font.getlength(line)) for line in lines) + 80
    height = (size + size // 2) * len(lines) + 80
    image = Image.new("L", (width, height), 255)
    draw = ImageDraw.Draw(image)
    for index, line in enumerate(lines):
        draw.text((40, 40 + index * (size + size // 2)), line, font=font, fill=0)
    return image


def scan_png(lines: list[str], **kwargs) -> bytes:
    out = BytesIO()
    scan_image(lines, **kwargs).save(out, "PNG")
    return out.getvalue()


def scan_pdf(lines: list[str], **kwargs) -> bytes:
    """An image-only PDF, as a scanner makes: no text layer at all."""
    out = BytesIO()
    scan_image(lines, **kwargs).save(out, "PDF", resolution=150)
    return out.getvalue()
