"""The clerk's home panel, the demo documents, and the sweep that reads what waits."""

from django.urls import reverse

from clerical.demo.documents import documents_demo_create as create
from clerical.models.documents import Document, DocumentVersion
from clerical.services import documents as services
from hr.demo import people
from tests.clerical.conftest import file_one
from tests.conftest import ROLE_OF_USER
from tests.factories import UserFactory


def test_the_clerks_panel_counts_work_in_a_fixed_number_of_queries(
    client, filing, django_assert_max_num_queries
):
    for index in range(8):
        file_one(by=filing.people.clerk, folder=filing.sales_folder, name=f"{index}.txt")
    client.force_login(filing.people.clerk)
    client.get(reverse("home"))
    with django_assert_max_num_queries(40):
        page = client.get(reverse("home")).content.decode()
    assert 'data-testid="clerical-documents-panel"' in page
    assert "8 waiting for text" in page


def test_the_panel_is_not_shown_to_staff_without_filing_rights(client, filing):
    client.force_login(filing.people.seller)
    assert (
        'data-testid="clerical-documents-panel"' not in client.get(reverse("home")).content.decode()
    )


def test_the_demo_files_real_documents_once_and_leaves_their_text_to_the_workers(
    db, django_capture_on_commit_callbacks
):
    role_users = {
        name: UserFactory(username=name, roles=[role]) for name, role in ROLE_OF_USER.items()
    }
    people.people_install(users=role_users, employees=0)
    with django_capture_on_commit_callbacks() as callbacks:
        assert create(users=role_users)
    assert create(users=role_users) is None
    assert Document.objects.count() == 6 and callbacks == []
    assert set(DocumentVersion.objects.values_list("text_status", flat=True)) == {"pending"}
    assert set(DocumentVersion.objects.values_list("kind", flat=True)) == {"pdf", "png"}


def test_the_sweep_sends_waiting_versions_to_the_workers(filing, monkeypatch):
    file_one(by=filing.people.clerk, folder=filing.sales_folder, enqueue=False)
    sent = []
    monkeypatch.setattr(services, "_enqueue_extraction", sent.append)
    assert services.documents_extract_pending() == 1
    assert sent == [DocumentVersion.objects.get().pk]
