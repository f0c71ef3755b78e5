"""Text extraction from real files: PDF text layers, Office XML, OCR of scans (ron+eng)."""

import io
import zipfile

from django.urls import reverse

from clerical.demo import files
from clerical.models.documents import DocumentVersion
from clerical.selectors.documents import document_search
from clerical.services.documents import document_version_extract
from tests.clerical.conftest import file_one


def _extract(document):
    version = document.versions.get()
    assert document_version_extract(version_id=version.pk) is True
    version.refresh_from_db()
    document.refresh_from_db()
    return version


def test_a_pdf_text_layer_is_read_without_ocr_and_found_unaccented(filing):
    pdf = files.pdf_with_text("Decizie nr. 12", ["Ședința consiliului a aprobat bugetul."])
    document = file_one(
        by=filing.people.clerk, folder=filing.sales_folder, name="d.pdf", content=pdf
    )
    version = _extract(document)
    assert version.text_status == DocumentVersion.Text.DONE
    assert "Ședința consiliului" in version.text and version.pages_ocr == 0
    assert version.thumbnail.name.endswith(".png")
    assert list(document_search(filing.people.clerk, "sedinta")) == [document]


def test_a_scanned_image_is_read_by_ocr_and_its_pages_and_time_recorded(filing):
    png = files.scan_png(["Factura fiscala 2041", "Furnizor Lumina SRL"])
    document = file_one(
        by=filing.people.clerk, folder=filing.sales_folder, name="s.png", content=png
    )
    version = _extract(document)
    assert "Lumina" in version.text and version.pages_ocr == 1 and version.ocr_seconds > 0
    assert [d.pk for d in document_search(filing.people.clerk, "lumina")] == [document.pk]


def test_an_image_only_pdf_is_rendered_and_read_by_ocr(filing):
    pdf = files.scan_pdf(["Contract de inchiriere", "Strada Florilor"])
    document = file_one(
        by=filing.people.clerk, folder=filing.sales_folder, name="c.pdf", content=pdf
    )
    version = _extract(document)
    assert "Florilor" in version.text and version.pages_ocr == 1


def test_docx_text_is_read_from_its_xml(filing):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr(
            "word/document.xml",
            "<w:document><w:body><w:p><w:r><w:t>Proces verbal</w:t></w:r></w:p>"
            "<w:p><w:r><w:t>receptie &amp; predare</w:t></w:r></w:p></w:body></w:document>",
        )
    document = file_one(
        by=filing.people.clerk, folder=filing.sales_folder, name="p.docx", content=out.getvalue()
    )
    assert _extract(document).text == "Proces verbal\nreceptie & predare"


def test_extracting_twice_does_the_work_once(filing):
    document = file_one(by=filing.people.clerk, folder=filing.sales_folder)
    version = _extract(document)
    assert document_version_extract(version_id=version.pk) is False


def test_a_file_that_cannot_be_read_is_marked_failed_not_left_running(filing):
    broken = b"%PDF-1.4\nnot really a pdf"
    document = file_one(
        by=filing.people.clerk, folder=filing.sales_folder, name="x.pdf", content=broken
    )
    version = _extract(document)
    assert version.text_status == DocumentVersion.Text.FAILED and version.text_error


def test_snippets_highlight_the_hit_and_escape_the_text(client, filing):
    document = file_one(
        by=filing.people.clerk,
        folder=filing.sales_folder,
        content=b"nota <img src=x onerror=alert(1)> 5 < 7 inventar anual",
    )
    _extract(document)
    client.force_login(filing.people.clerk)
    page = client.get(reverse("clerical:document-list"), {"q": "inventar"}).content.decode()
    assert "<mark>inventar</mark>" in page
    assert "<img" not in page and "&lt;" in page


def test_the_search_page_runs_a_bounded_number_of_queries(
    client, filing, django_assert_max_num_queries
):
    for index in range(30):
        file_one(
            by=filing.people.clerk,
            folder=filing.sales_folder,
            name=f"n{index}.txt",
            content=b"registru intrari",
        )
    for version in DocumentVersion.objects.all():
        document_version_extract(version_id=version.pk)
    client.force_login(filing.people.clerk)
    with django_assert_max_num_queries(12):
        response = client.get(reverse("clerical:document-list"), {"q": "registru"})
    assert response.content.decode().count('data-testid="snippet"') == 25


def test_a_preview_is_served_only_to_those_who_see_the_document(client, filing):
    png = files.scan_png(["Nota interna"])
    document = file_one(
        by=filing.people.hr_staff, folder=filing.hr_folder, name="n.png", content=png
    )
    _extract(document)
    url = reverse("clerical:document-thumbnail", args=[document.pk])
    client.force_login(filing.people.hr_staff)
    response = client.get(url)
    assert response.status_code == 200 and response["Content-Type"] == "image/png"
    client.force_login(filing.people.clerk)
    assert client.get(url).status_code == 404
