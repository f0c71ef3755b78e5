"""Every documents model has a working admin list, search and change page."""

import pytest
from django.urls import reverse

from tests.clerical.conftest import file_one

MODELS = ["cabinet", "folder", "tag", "document", "documentversion", "documentaccess"]


@pytest.mark.parametrize("model", MODELS)
def test_the_admin_lists_and_searches_each_model(admin_client, filing, model):
    secret = file_one(by=filing.people.hr_staff, folder=filing.hr_folder, tags=["hr"])
    secret.accesses.create(user=filing.people.hr_staff, action="open")
    url = reverse(f"admin:clerical_{model}_changelist")
    assert admin_client.get(url).status_code == 200
    assert admin_client.get(url, {"q": "x"}).status_code == 200


def test_the_admin_opens_a_document_with_its_versions(admin_client, filing):
    document = file_one(by=filing.people.clerk, folder=filing.sales_folder)
    page = admin_client.get(reverse("admin:clerical_document_change", args=[document.pk]))
    assert page.status_code == 200 and "scrisoare.txt" in page.content.decode()


def test_the_admin_sends_a_failed_version_to_be_read_again(
    admin_client, filing, django_capture_on_commit_callbacks
):
    document = file_one(
        by=filing.people.clerk,
        folder=filing.sales_folder,
        name="x.pdf",
        content=b"%PDF-1.4\nbroken",
    )
    version = document.versions.get()
    version.text_status, version.text_error = "failed", "pdfinfo: broken"
    version.save()
    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(
            reverse("admin:clerical_documentversion_changelist"),
            {"action": "extract_again", "_selected_action": [version.pk]},
        )
    version.refresh_from_db()
    # Run eagerly at commit (no broker in tests): read again, and failed again for this file.
    assert version.text_status == "failed" and version.extraction_started_at is not None
