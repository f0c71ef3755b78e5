from datetime import date, timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from hr.models.documents import EmployeeDocument
from hr.selectors import records as records_selectors
from hr.services import documents as documents_services

PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


def upload(by, employee, *, kind=EmployeeDocument.Kind.CONTRACT, content=PDF, name="c.pdf", **kw):
    return documents_services.document_upload(
        by=by,
        employee=employee,
        kind=kind,
        uploaded_file=SimpleUploadedFile(name, content),
        issue_date=kw.pop("issue_date", date(2024, 1, 15)),
        **kw,
    )


def test_hr_files_a_pdf_through_the_page_and_history_is_kept(client, role_users):
    member = role_users["employee"].employee
    client.force_login(role_users["hr"])
    response = client.post(
        reverse("hr:document-upload", args=[member.pk]),
        {
            "kind": "work_permit",
            "file": SimpleUploadedFile("permit.pdf", PDF),
            "issue_date": "2025-01-01",
            "expiry_date": "2027-01-01",
        },
    )
    assert response.status_code == 302
    document = EmployeeDocument.objects.get(employee=member)
    assert (document.content_type, document.size, document.uploaded_by) == (
        "application/pdf",
        len(PDF),
        role_users["hr"],
    )
    assert "permit" not in document.file.name  # the stored name reveals nothing
    assert document.history.get().history_user == role_users["hr"]


def test_a_file_that_only_pretends_to_be_a_pdf_is_refused(client, role_users):
    member = role_users["employee"].employee
    client.force_login(role_users["hr"])
    response = client.post(
        reverse("hr:document-upload", args=[member.pk]),
        {
            "kind": "contract",
            "file": SimpleUploadedFile("contract.pdf", b"MZ\x90\x00 not a pdf"),
            "issue_date": "2025-01-01",
        },
    )
    assert response.status_code == 200
    assert "Only PDF, JPEG and PNG" in str(response.context["form"].errors["file"])
    assert not EmployeeDocument.objects.exists()


def test_a_file_over_the_size_limit_is_refused(client, role_users, settings):
    settings.HR_DOCUMENT_MAX_BYTES = 100
    client.force_login(role_users["hr"])
    response = client.post(
        reverse("hr:document-upload", args=[role_users["employee"].employee.pk]),
        {
            "kind": "contract",
            "file": SimpleUploadedFile("big.pdf", PDF + b"x" * 200),
            "issue_date": "2025-01-01",
        },
    )
    assert "the limit is" in str(response.context["form"].errors["file"])
    assert not EmployeeDocument.objects.exists()
    with pytest.raises(documents_services.DocumentError, match="the limit is"):
        upload(role_users["hr"], role_users["employee"].employee, content=PDF + b"x" * 200)


def test_an_expiry_date_not_after_the_issue_date_is_refused(client, role_users):
    client.force_login(role_users["hr"])
    response = client.post(
        reverse("hr:document-upload", args=[role_users["employee"].employee.pk]),
        {
            "kind": "certificate",
            "file": SimpleUploadedFile("c.png", PNG),
            "issue_date": "2025-01-01",
            "expiry_date": "2024-12-31",
        },
    )
    assert "expiry_date" in response.context["form"].errors
    with pytest.raises(documents_services.DocumentError, match="after the issue date"):
        upload(
            role_users["hr"],
            role_users["employee"].employee,
            issue_date=date(2025, 1, 1),
            expiry_date=date(2025, 1, 1),
        )
    assert not EmployeeDocument.objects.exists()


def test_the_employee_sees_and_downloads_their_own_documents_only(client, role_users):
    own = upload(role_users["hr"], role_users["employee"].employee, kind="id_copy", content=PNG)
    other = upload(role_users["hr"], role_users["clerk"].employee)
    client.force_login(role_users["employee"])
    response = client.get(reverse("hr:document-download", args=[own.pk]))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PNG
    assert response["Content-Type"] == "image/png"
    assert "attachment" in response["Content-Disposition"]
    assert client.get(reverse("hr:document-download", args=[other.pk])).status_code == 404
    detail = client.get(reverse("hr:employee-detail", args=[own.employee.pk]))
    assert list(detail.context["documents"]) == [own]


def test_a_manager_sees_none_of_the_teams_documents(client, role_users):
    member = role_users["employee"].employee
    contract = upload(role_users["hr"], member)
    id_copy = upload(role_users["hr"], member, kind="id_copy", content=PNG)
    manager = role_users["manager"]
    assert list(records_selectors.documents_visible_to(manager)) == []
    client.force_login(manager)
    for document in (contract, id_copy):
        assert client.get(reverse("hr:document-download", args=[document.pk])).status_code == 404


def test_other_roles_never_see_someone_elses_documents(role_users):
    upload(role_users["hr"], role_users["employee"].employee, kind="id_copy", content=PNG)
    for username in ("manager", "accountant", "controller", "it", "clerk"):
        assert not records_selectors.documents_visible_to(role_users[username]).exists()


def test_hr_sees_everyones_documents(role_users):
    documents = [
        upload(role_users["hr"], role_users[name].employee, kind="id_copy", content=PNG)
        for name in ("employee", "clerk")
    ]
    assert set(records_selectors.documents_visible_to(role_users["hr"])) == set(documents)


def test_id_copies_need_personal_data_access_even_for_document_readers(role_users):
    from django.contrib.auth.models import Permission

    from tests.factories import UserFactory

    reader = UserFactory(username="reader")
    reader.user_permissions.add(Permission.objects.get(codename="view_employeedocument"))
    member = role_users["employee"].employee
    contract = upload(role_users["hr"], member)
    upload(role_users["hr"], member, kind="id_copy", content=PNG)
    assert list(records_selectors.documents_visible_to(reader)) == [contract]


def test_documents_are_not_reachable_under_media_url(client, role_users):
    document = upload(role_users["hr"], role_users["employee"].employee)
    client.force_login(role_users["hr"])
    assert client.get(f"/media/{document.file.name}").status_code == 404


def test_the_expiring_documents_page_lists_what_expires_within_thirty_days(client, role_users):
    today = timezone.localdate()
    soon = upload(
        role_users["hr"],
        role_users["employee"].employee,
        kind="work_permit",
        expiry_date=today + timedelta(days=10),
    )
    upload(role_users["hr"], role_users["clerk"].employee, expiry_date=today + timedelta(days=90))
    client.force_login(role_users["hr"])
    response = client.get(reverse("hr:documents-expiring"))
    assert list(response.context["documents"]) == [soon]


def test_the_employee_detail_query_count_does_not_grow_with_documents(client, role_users):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    member = role_users["employee"].employee
    client.force_login(role_users["hr"])
    url = reverse("hr:employee-detail", args=[member.pk])
    upload(role_users["hr"], member)
    client.get(url)
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for _ in range(6):
        upload(role_users["hr"], member)
    with CaptureQueriesContext(connection) as many:
        client.get(url)
    assert len(many) == len(few)
