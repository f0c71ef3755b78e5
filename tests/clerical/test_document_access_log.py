"""Openings and downloads of a confidential document are logged; the department head reads them."""

from django.urls import reverse

from clerical.models.documents import DocumentAccess
from tests.clerical.conftest import file_one


def test_opening_and_downloading_a_confidential_document_is_logged(client, filing):
    secret = file_one(by=filing.people.hr_staff, folder=filing.hr_folder)
    client.force_login(filing.people.hr_staff)
    client.get(reverse("clerical:document-detail", args=[secret.pk]))
    client.get(reverse("clerical:document-download", args=[secret.pk]))
    log = list(secret.accesses.values_list("user__username", "action", "version").order_by("pk"))
    assert log == [("hr_staff", "open", None), ("hr_staff", "download", 1)]


def test_ordinary_documents_are_not_logged(client, filing):
    document = file_one(by=filing.people.clerk, folder=filing.sales_folder)
    client.force_login(filing.people.clerk)
    client.get(reverse("clerical:document-download", args=[document.pk]))
    assert not DocumentAccess.objects.exists()


def test_the_head_of_the_owning_department_sees_the_log_and_colleagues_do_not(client, filing):
    secret = file_one(by=filing.people.hr_staff, folder=filing.hr_folder)
    client.force_login(filing.people.hr_staff)
    client.get(reverse("clerical:document-detail", args=[secret.pk]))
    url = reverse("clerical:document-accesses", args=[secret.pk])
    assert client.get(url).status_code == 404
    client.force_login(filing.people.hr_head)
    page = client.get(url)
    assert page.status_code == 200
    assert "hr_staff" in page.content.decode() or "Opened" in page.content.decode()
