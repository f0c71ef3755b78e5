"""Filing documents: checked by content, stored privately, versions kept, bad files refused."""

import io
import zipfile

import pytest
from django.urls import reverse

from clerical.models.documents import Document, DocumentVersion
from clerical.services.documents import document_version_add
from tests.clerical.conftest import PDF_HEAD, file_one, upload


def _post(client, folder, *files, **fields):
    data = {"folder": folder.pk, "files": list(files), "document_type": "letter", **fields}
    return client.post(reverse("clerical:document-upload"), data)


def test_a_clerk_files_several_documents_at_once_each_with_the_metadata(client, filing):
    client.force_login(filing.people.clerk)
    response = _post(
        client,
        filing.sales_folder,
        upload("a.pdf", PDF_HEAD),
        upload("b.txt", b"nota"),
        title="Corespondenta",
        correspondent="Lumina SRL",
        reference="R-7",
        tags="client, 2026",
    )
    assert response.status_code == 302
    documents = Document.objects.order_by("pk")
    assert [d.title for d in documents] == ["Corespondenta - a", "Corespondenta - b"]
    assert {d.correspondent for d in documents} == {"Lumina SRL"}
    assert sorted(documents[0].tags.values_list("name", flat=True)) == ["2026", "client"]
    version = documents[0].versions.get()
    assert version.kind == "pdf" and version.original_name == "a.pdf"
    assert "a.pdf" not in version.file.name and version.file.name.startswith("clerical/")


def test_a_new_version_keeps_the_old_ones_downloadable(client, filing):
    clerk = filing.people.clerk
    document = file_one(by=clerk, folder=filing.sales_folder, content=b"prima")
    document_version_add(by=clerk, document=document, upload=upload("v2.txt", b"a doua"))
    assert list(document.versions.values_list("number", flat=True)) == [2, 1]
    client.force_login(clerk)
    url = reverse("clerical:document-download", args=[document.pk])
    assert b"".join(client.get(url, {"version": 1}).streaming_content) == b"prima"
    assert b"".join(client.get(url).streaming_content) == b"a doua"


def test_changes_to_a_document_are_kept_in_its_history(client, filing):
    client.force_login(filing.people.clerk)
    document = file_one(by=filing.people.clerk, folder=filing.sales_folder)
    client.post(
        reverse("clerical:document-edit", args=[document.pk]),
        {"title": "Titlu nou", "document_type": "decision", "tags": ""},
    )
    titles = list(document.history.order_by("history_date").values_list("title", flat=True))
    assert titles == ["scrisoare.txt", "Titlu nou"]
    assert document.history.latest().history_user == filing.people.clerk


def test_text_is_downloaded_as_an_attachment_and_a_pdf_may_open_inline(client, filing):
    clerk = filing.people.clerk
    text = file_one(by=clerk, folder=filing.sales_folder)
    pdf = file_one(by=clerk, folder=filing.sales_folder, name="a.pdf", content=PDF_HEAD)
    client.force_login(clerk)
    response = client.get(reverse("clerical:document-download", args=[text.pk]), {"inline": "1"})
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
    response = client.get(reverse("clerical:document-download", args=[pdf.pk]), {"inline": "1"})
    assert response["Content-Disposition"].startswith("inline")


def _zip_bomb() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b"0" * (3 * 1024 * 1024))
    return out.getvalue()


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("factura.pdf", b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 64, "not an accepted kind"),
        (
            "desen.svg",
            b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
            "not an accepted kind",
        ),
        ("mare.txt", b"x" * 2048, "the limit is"),
        ("bomba.docx", "bomb", "zip bomb"),
    ],
)
def test_bad_files_are_refused_with_a_clear_message_and_nothing_is_stored(
    client, filing, settings, name, content, message
):
    settings.CLERICAL_DOCUMENT_MAX_BYTES = 1024 if name == "mare.txt" else 10 * 1024 * 1024
    settings.UPLOAD_UNZIPPED_MAX_BYTES = 1024 * 1024
    content = _zip_bomb() if content == "bomb" else content
    client.force_login(filing.people.clerk)
    response = _post(client, filing.sales_folder, upload("ok.txt", b"bun"), upload(name, content))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Document.objects.exists() and not DocumentVersion.objects.exists()
    media = settings.MEDIA_ROOT
    assert not media.exists() or not any(path.is_file() for path in media.rglob("*"))


def test_someone_outside_the_department_cannot_file_into_its_folder(client, filing):
    client.force_login(filing.people.outsider)
    response = _post(client, filing.sales_folder, upload("a.txt", b"x"))
    assert response.status_code == 200
    assert not Document.objects.exists()
