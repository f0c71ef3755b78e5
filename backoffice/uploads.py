"""Uploaded files: what they are by their content, whether they may be kept, how they are served.

Every department that takes files (IT's ticket attachments, clerical's
documents, leave certificates) checks them here, so one corpus of bad files
is refused everywhere: the kind is read from the bytes, never from the name
or the browser's content type; the name must agree with the kind; ZIP-based
formats are opened to tell DOCX from XLSX and to refuse a bomb; active
content (HTML, SVG, scripts, executables) is no kind at all. Files are stored
under a random name and only ever served through a view that checks the
reader, by `private_file_response`, inline only for kinds a browser merely
displays.

    kind = upload_check(form.cleaned_data["file"], allowed=DOCUMENT_KINDS,
                        max_bytes=settings.CLERICAL_DOCUMENT_MAX_BYTES)
"""

import uuid
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import PurePath

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class FileKind:
    key: str
    label: str
    content_type: str
    extensions: tuple[str, ...]
    inline: bool = False  # a browser shows it without running anything

    @property
    def extension(self) -> str:
        return self.extensions[0]


_KINDS = [
    FileKind("pdf", "PDF", "application/pdf", ("pdf",), inline=True),
    FileKind("png", "PNG", "image/png", ("png",), inline=True),
    FileKind("jpeg", "JPEG", "image/jpeg", ("jpg", "jpeg"), inline=True),
    FileKind("gif", "GIF", "image/gif", ("gif",), inline=True),
    FileKind("webp", "WebP", "image/webp", ("webp",), inline=True),
    FileKind("tiff", "TIFF", "image/tiff", ("tif", "tiff")),
    FileKind(
        "docx",
        "Word",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ("docx",),
    ),
    FileKind(
        "xlsx",
        "Excel",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ("xlsx",),
    ),
    FileKind(
        "pptx",
        "PowerPoint",
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        ("pptx",),
    ),
    FileKind("odt", "OpenDocument text", "application/vnd.oasis.opendocument.text", ("odt",)),
    FileKind(
        "ods",
        "OpenDocument spreadsheet",
        "application/vnd.oasis.opendocument.spreadsheet",
        ("ods",),
    ),
    FileKind("msoffice", "Office 97-2003", "application/octet-stream", ("doc", "xls", "ppt")),
    FileKind("text", "text", "text/plain", ("txt", "log", "csv", "md")),
]
KINDS: dict[str, FileKind] = {kind.key: kind for kind in _KINDS}

IMAGE_KINDS = frozenset({"png", "jpeg", "gif", "webp", "tiff"})
OFFICE_KINDS = frozenset({"docx", "xlsx", "pptx", "odt", "ods", "msoffice"})
DOCUMENT_KINDS = frozenset({"pdf", "text"} | IMAGE_KINDS | OFFICE_KINDS)

_SIGNATURES = [
    (b"\x89PNG\r\n\x1a\n", "png"),
    (b"\xff\xd8\xff", "jpeg"),
    (b"GIF87a", "gif"),
    (b"GIF89a", "gif"),
    (b"II*\x00", "tiff"),
    (b"MM\x00*", "tiff"),
    (bytes.fromhex("d0cf11e0a1b11ae1"), "msoffice"),
]
_OOXML_PARTS = [
    ("word/document.xml", "docx"),
    ("xl/workbook.xml", "xlsx"),
    ("ppt/presentation.xml", "pptx"),
]
_ODF_MIMETYPES = {
    b"application/vnd.oasis.opendocument.text": "odt",
    b"application/vnd.oasis.opendocument.spreadsheet": "ods",
}
# Markup a browser would run if it ever rendered the file: never "text".
_ACTIVE_MARKUP = (b"<html", b"<!doctype", b"<script", b"<svg", b"<?xml", b"<body", b"<iframe")
_TEXT_CONTROLS = set(range(32)) - {9, 10, 12, 13}
_HEAD = 8192


class UploadRefused(ValidationError):
    """A file that is not kept, with the reason in words."""


def _head(upload, length: int = _HEAD) -> bytes:
    upload.seek(0)
    head = upload.read(length)
    upload.seek(0)
    return head


def _zip_kind(upload) -> str | None:
    limit = settings.UPLOAD_UNZIPPED_MAX_BYTES
    try:
        with zipfile.ZipFile(upload) as archive:
            members = archive.infolist()
            unzipped = sum(member.file_size for member in members)
            if len(members) > settings.UPLOAD_ZIP_MAX_MEMBERS or unzipped > limit:
                raise UploadRefused(
                    _("The file unpacks to more than %(limit)s; it is refused as a zip bomb.")
                    % {"limit": filesizeformat(limit)},
                    code="zip_bomb",
                )
            names = {member.filename for member in members}
            for part, key in _OOXML_PARTS:
                if part in names:
                    return key
            if "mimetype" in names:
                return _ODF_MIMETYPES.get(archive.read("mimetype").strip())
    except (zipfile.BadZipFile, OSError, KeyError, EOFError, RuntimeError):
        return None
    finally:
        upload.seek(0)
    return None


def _is_plain_text(head: bytes) -> bool:
    if not head or any(byte in _TEXT_CONTROLS for byte in head):
        return False
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as error:
        # The head may cut a character in two; anything else is not UTF-8 text.
        if error.start < len(head) - 3:
            return False
    lowered = head.lstrip().lower()
    return not any(marker in lowered for marker in _ACTIVE_MARKUP)


def upload_kind(upload) -> FileKind | None:
    """What the file is, from its bytes alone; None for anything we do not keep."""
    head = _head(upload)
    if b"%PDF-" in head[:1024]:
        return KINDS["pdf"]
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return KINDS["webp"]
    for signature, key in _SIGNATURES:
        if head.startswith(signature):
            return KINDS[key]
    if head.startswith(b"PK\x03\x04"):
        key = _zip_kind(upload)
        return KINDS[key] if key else None
    if _is_plain_text(head):
        return KINDS["text"]
    return None


def clean_filename(name: str) -> str:
    """The last part of a name a browser sent, without paths or control characters."""
    base = PurePath((name or "").replace("\\", "/")).name
    cleaned = "".join(ch for ch in base if ch.isprintable()).strip().lstrip(".")
    return cleaned[:150] or "file"


def _names(keys: Iterable[str]) -> str:
    return ", ".join(sorted({KINDS[key].label for key in keys}))


def upload_check(upload, *, allowed: Iterable[str], max_bytes: int) -> FileKind:
    """The file's kind if it may be kept; otherwise `UploadRefused` saying why."""
    allowed = frozenset(allowed)
    if upload.size == 0:
        raise UploadRefused(_("The file %(name)s is empty.") % {"name": upload.name}, code="empty")
    if upload.size > max_bytes:
        raise UploadRefused(
            _("The file %(name)s is %(size)s; the limit is %(limit)s.")
            % {
                "name": clean_filename(upload.name),
                "size": filesizeformat(upload.size),
                "limit": filesizeformat(max_bytes),
            },
            code="too_large",
        )
    kind = upload_kind(upload)
    if kind is None or kind.key not in allowed:
        raise UploadRefused(
            _("The content of %(name)s is not an accepted kind of file (%(kinds)s).")
            % {"name": clean_filename(upload.name), "kinds": _names(allowed)},
            code="content",
        )
    extension = PurePath(clean_filename(upload.name)).suffix.lower().lstrip(".")
    if extension not in kind.extensions:
        raise UploadRefused(
            _("%(name)s is a %(kind)s file by its content; its name must end in .%(ext)s.")
            % {"name": clean_filename(upload.name), "kind": kind.label, "ext": kind.extension},
            code="name",
        )
    return kind


def uploads_check(
    uploads: list, *, allowed: Iterable[str], max_bytes: int, max_files: int
) -> list[FileKind]:
    """Check several files sent at once: all are kept, or none."""
    if len(uploads) > max_files:
        raise UploadRefused(
            _("Send at most %(count)d files at once.") % {"count": max_files}, code="too_many"
        )
    return [upload_check(upload, allowed=allowed, max_bytes=max_bytes) for upload in uploads]


def private_name(prefix: str, kind: FileKind) -> str:
    """A random stored name that never reveals whose file it is or what it is called."""
    return f"{prefix}/{timezone.now():%Y/%m}/{uuid.uuid4().hex}.{kind.extension}"


def private_file_response(
    field_file, *, filename: str, kind: FileKind, inline: bool = False
) -> FileResponse:
    """Serve a stored file after the caller checked the reader.

    Inline only for kinds a browser merely shows (PDF, raster images) and only
    when asked; the content type is ours, never the uploader's; the response
    is sandboxed and never cached.
    """
    try:
        handle = field_file.open("rb")
    except (FileNotFoundError, ValueError):
        raise Http404 from None
    response = FileResponse(
        handle,
        as_attachment=not (inline and kind.inline),
        filename=clean_filename(filename),
        content_type=kind.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "sandbox; default-src 'none'; style-src 'unsafe-inline'"
    response["Cache-Control"] = "private, no-store"
    return response


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one input, cleaned to a list; `uploads_check` then judges each."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, list | tuple) and data:
            return [single(item, initial) for item in data]
        cleaned = single(data, initial)  # "required" is said here when nothing came
        return [cleaned] if cleaned else []
