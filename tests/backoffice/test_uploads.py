"""The core's upload checks: the kind comes from the bytes, bad files are refused with a reason."""

import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook

from backoffice.uploads import (
    DOCUMENT_KINDS,
    IMAGE_KINDS,
    KINDS,
    UploadRefused,
    clean_filename,
    private_file_response,
    private_name,
    upload_check,
    uploads_check,
)

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 32
MB = 1024 * 1024


def upload(name: str, content: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content)


def zipped(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def xlsx() -> bytes:
    buffer = io.BytesIO()
    Workbook().save(buffer)
    return buffer.getvalue()


DOCX = zipped({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w:document/>"})
ODT = zipped({"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": b"<x/>"})


@pytest.mark.parametrize(
    ("name", "content", "key"),
    [
        ("scan.pdf", PDF, "pdf"),
        ("screen.png", PNG, "png"),
        ("photo.JPG", JPEG, "jpeg"),
        ("letter.docx", DOCX, "docx"),
        ("totals.xlsx", xlsx(), "xlsx"),
        ("note.odt", ODT, "odt"),
        ("register.log", "Casa 3: eroare la tipărire\r\n".encode(), "text"),
        ("old.doc", bytes.fromhex("d0cf11e0a1b11ae1") + b"\x00" * 64, "msoffice"),
    ],
)
def test_a_file_is_known_by_its_content(name, content, key):
    assert upload_check(upload(name, content), allowed=DOCUMENT_KINDS, max_bytes=MB).key == key


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("invoice.pdf", b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 64),  # a Windows executable
        ("invoice.pdf", b"\x7fELF\x02\x01\x01" + b"\x00" * 64),
        ("invoice.pdf", b"<!DOCTYPE html><html><script>alert(1)</script></html>"),
        ("notes.txt", b"<html><body onload=alert(1)></body></html>"),
        ("logo.svg", b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
        ("logo.txt", b'<?xml version="1.0"?><svg onload="alert(1)"/>'),
        ("run.txt", b"#!/bin/sh\x00rm -rf /"),
        ("archive.docx", zipped({"evil.exe": b"MZ"})),
    ],
)
def test_active_content_and_unknown_files_are_refused_whatever_their_name(name, content):
    with pytest.raises(UploadRefused) as refused:
        upload_check(upload(name, content), allowed=DOCUMENT_KINDS, max_bytes=MB)
    assert refused.value.code == "content"
    assert "not an accepted kind" in refused.value.messages[0]


def test_a_kind_that_is_not_allowed_here_is_refused_naming_what_is():
    with pytest.raises(UploadRefused) as refused:
        upload_check(upload("scan.pdf", PDF), allowed=IMAGE_KINDS, max_bytes=MB)
    assert "PNG" in refused.value.messages[0] and "JPEG" in refused.value.messages[0]


def test_a_name_that_disagrees_with_the_content_is_refused():
    with pytest.raises(UploadRefused) as refused:
        upload_check(upload("photo.png", PDF), allowed=DOCUMENT_KINDS, max_bytes=MB)
    assert refused.value.code == "name"
    assert ".pdf" in refused.value.messages[0]


def test_empty_and_oversized_files_are_refused_with_the_limit():
    with pytest.raises(UploadRefused) as empty:
        upload_check(upload("a.pdf", b""), allowed=DOCUMENT_KINDS, max_bytes=MB)
    assert empty.value.code == "empty"
    with pytest.raises(UploadRefused) as large:
        upload_check(upload("a.pdf", PDF + b"0" * MB), allowed=DOCUMENT_KINDS, max_bytes=MB)
    assert large.value.code == "too_large"
    assert "1.0\xa0MB" in large.value.messages[0]


def test_a_zip_bomb_is_refused_without_unpacking_it(settings):
    settings.UPLOAD_UNZIPPED_MAX_BYTES = MB
    bomb = zipped({"word/document.xml": b"\x00" * (3 * MB)})
    assert len(bomb) < 20_000  # small on the wire, large unpacked
    with pytest.raises(UploadRefused) as refused:
        upload_check(upload("bomb.docx", bomb), allowed=DOCUMENT_KINDS, max_bytes=MB)
    assert refused.value.code == "zip_bomb"


def test_too_many_files_at_once_are_refused_before_any_is_read():
    files = [upload(f"{n}.pdf", PDF) for n in range(4)]
    with pytest.raises(UploadRefused) as refused:
        uploads_check(files, allowed=DOCUMENT_KINDS, max_bytes=MB, max_files=3)
    assert refused.value.code == "too_many"
    assert [k.key for k in uploads_check(files[:3], allowed={"pdf"}, max_bytes=MB, max_files=3)]


def test_upload_refused_is_a_validation_error_forms_show():
    assert issubclass(UploadRefused, ValidationError)


@pytest.mark.parametrize(
    ("sent", "kept"),
    [
        ("../../etc/passwd", "passwd"),
        ("C:\\Users\\ana\\scan.pdf", "scan.pdf"),
        ("rep\x00ort\n.pdf", "report.pdf"),
        (".htaccess", "htaccess"),
        ("", "file"),
    ],
)
def test_a_file_name_loses_its_path_and_control_characters(sent, kept):
    assert clean_filename(sent) == kept


def test_a_stored_name_is_random_and_carries_the_kind_not_the_sent_name():
    first = private_name("it/attachments", KINDS["pdf"])
    assert first.startswith("it/attachments/") and first.endswith(".pdf")
    assert first != private_name("it/attachments", KINDS["pdf"])


class StoredFile:
    """A stand-in for a model's FieldFile: `open()` returns the file."""

    def __init__(self, content: bytes):
        self.content = content

    def open(self, mode):
        return ContentFile(self.content)


def test_a_pdf_may_be_shown_inline_but_office_files_always_download():
    shown = private_file_response(
        StoredFile(PDF), filename="scan.pdf", kind=KINDS["pdf"], inline=True
    )
    assert shown["Content-Disposition"].startswith("inline")
    assert shown["Content-Type"] == "application/pdf"
    assert shown["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in shown["Content-Security-Policy"]
    assert shown["Cache-Control"] == "private, no-store"
    office = private_file_response(
        StoredFile(DOCX), filename="../x.docx", kind=KINDS["docx"], inline=True
    )
    assert office["Content-Disposition"].startswith('attachment; filename="x.docx"')
