"""Who sees which cabinet: the department, the clerks, and a confidential cabinet's limit."""

import pytest
from django.urls import reverse

from clerical.selectors.documents import cabinets_visible_to, document_search, documents_visible_to
from clerical.services.documents import document_version_extract
from tests.clerical.conftest import file_one


@pytest.fixture
def filed(filing):
    people = filing.people
    secret = file_one(
        by=people.hr_staff,
        folder=filing.hr_folder,
        name="evaluare.txt",
        content=b"Evaluare confidentiala salariu",
        title="Evaluare anuala",
    )
    ordinary = file_one(
        by=people.clerk,
        folder=filing.sales_folder,
        name="oferta.txt",
        content=b"Oferta salariu client",
        title="Oferta client",
    )
    for document in (secret, ordinary):  # the worker's part, in-process
        document_version_extract(version_id=document.versions.get().pk)
    return filing, secret, ordinary


def test_the_departments_staff_see_its_confidential_cabinet(filed):
    filing, secret, _ = filed
    assert secret in documents_visible_to(filing.people.hr_head)
    assert secret in documents_visible_to(filing.people.hr_staff)


def test_a_confidential_cabinet_is_invisible_to_clerks_and_other_departments(filed):
    filing, secret, ordinary = filed
    for user in (filing.people.clerk, filing.people.seller, filing.people.outsider):
        assert secret not in documents_visible_to(user)
    assert set(documents_visible_to(filing.people.clerk)) == {ordinary}


def test_a_confidential_cabinet_may_let_the_clerks_in(filed):
    filing, secret, _ = filed
    cabinet = filing.hr_folder.cabinet
    cabinet.clerks_may_see = True
    cabinet.save()
    assert secret in documents_visible_to(filing.people.clerk)
    assert secret not in documents_visible_to(filing.people.seller)


def test_an_ordinary_cabinet_is_seen_by_its_department_and_the_clerks_only(filed):
    filing, _, ordinary = filed
    assert ordinary in documents_visible_to(filing.people.seller)
    assert ordinary in documents_visible_to(filing.people.clerk)
    assert ordinary not in documents_visible_to(filing.people.outsider)
    assert ordinary not in documents_visible_to(filing.people.hr_staff)
    assert [c.name for c in cabinets_visible_to(filing.people.outsider)] == []


def test_search_leaves_out_what_the_user_may_not_see(filed):
    filing, secret, ordinary = filed
    assert list(document_search(filing.people.clerk, "salariu")) == [ordinary]
    assert list(document_search(filing.people.hr_staff, "salariu")) == [secret]


@pytest.mark.parametrize(
    "name",
    [
        "document-detail",
        "document-download",
        "document-thumbnail",
        "document-copy",
        "document-edit",
        "document-accesses",
    ],
)
def test_every_page_of_a_confidential_document_is_404_for_a_clerk(client, filed, name):
    filing, secret, _ = filed
    client.force_login(filing.people.clerk)
    assert client.get(reverse(f"clerical:{name}", args=[secret.pk])).status_code == 404


def test_the_search_page_shows_no_title_or_snippet_of_a_hidden_document(client, filed):
    filing, secret, ordinary = filed
    client.force_login(filing.people.clerk)
    page = client.get(reverse("clerical:document-list"), {"q": "salariu"}).content.decode()
    assert "Oferta client" in page
    assert "Evaluare" not in page and "confidentiala" not in page
