"""Copying a document into another folder keeps where it came from."""

from django.urls import reverse

from clerical.models.documents import Document
from clerical.services.documents import document_version_extract
from tests.clerical.conftest import file_one


def test_a_copy_lands_in_the_other_folder_with_its_file_text_and_origin(client, filing):
    clerk = filing.people.clerk
    source = file_one(
        by=clerk, folder=filing.sales_folder, content=b"Anexa contract", reference="A-1"
    )
    document_version_extract(version_id=source.versions.get().pk)
    source.refresh_from_db()
    client.force_login(clerk)
    response = client.post(
        reverse("clerical:document-copy", args=[source.pk]), {"folder": filing.sales_archive.pk}
    )
    copy = Document.objects.exclude(pk=source.pk).get()
    assert response.url == reverse("clerical:document-detail", args=[copy.pk])
    assert copy.folder == filing.sales_archive and copy.copied_from == source
    assert copy.reference == "A-1" and copy.content == source.content
    version = copy.versions.get()
    assert version.file.name != source.versions.get().file.name
    assert version.file.read() == b"Anexa contract"
    page = client.get(response.url).content.decode()
    assert f"#{source.pk}" in page


def test_nobody_copies_into_a_folder_they_may_not_file_in(client, filing):
    clerk = filing.people.clerk
    source = file_one(by=clerk, folder=filing.sales_folder)
    client.force_login(clerk)
    response = client.post(
        reverse("clerical:document-copy", args=[source.pk]), {"folder": filing.hr_folder.pk}
    )
    assert response.status_code == 200
    assert Document.objects.count() == 1
