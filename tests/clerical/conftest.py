"""Clerical's standing records: an HR department with a confidential cabinet, a general one."""

from types import SimpleNamespace

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from backoffice import roles
from clerical.services.documents import document_upload
from tests.clerical.factories import CabinetFactory, FolderFactory
from tests.factories import DepartmentFactory, EmployeeFactory, UserFactory
from tests.smtp import smtp_server  # noqa: F401

PDF_HEAD = b"%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"


def staff(department, username, *role_names):
    user = UserFactory(username=username, roles=list(role_names))
    EmployeeFactory(user=user, department=department)
    return user


def make_filing():
    """HR's confidential cabinet, Sales's ordinary one, and the people around them."""
    hr = DepartmentFactory(name="Resurse umane", code="HRX")
    sales = DepartmentFactory(name="Vânzări", code="SAL")
    office = DepartmentFactory(name="Secretariat", code="SEC")
    people = SimpleNamespace(
        hr_head=staff(hr, "hr_head", roles.HR),
        hr_staff=staff(hr, "hr_staff", roles.HR),
        seller=staff(sales, "seller"),
        clerk=staff(office, "clerk1", roles.CLERK),
        outsider=staff(office, "outsider"),
    )
    hr.head = people.hr_head.employee
    hr.save()
    confidential = CabinetFactory(name="Dosare personal", department=hr, confidential=True)
    general = CabinetFactory(name="Contracte clienți", department=sales)
    return SimpleNamespace(
        hr=hr,
        sales=sales,
        people=people,
        hr_folder=FolderFactory(name="2026", cabinet=confidential),
        sales_folder=FolderFactory(name="Clienți", cabinet=general),
        sales_archive=FolderFactory(name="Arhivă", cabinet=general),
    )


def upload(name: str, content: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="application/octet-stream")


def file_one(*, by, folder, name="scrisoare.txt", content=b"Scrisoare de test", **metadata):
    metadata.setdefault("title", name)
    (document,) = document_upload(by=by, folder=folder, uploads=[upload(name, content)], **metadata)
    return document


@pytest.fixture
def filing(db):
    return make_filing()
