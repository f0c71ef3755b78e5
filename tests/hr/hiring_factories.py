"""factory_boy factories of HR's hiring records, and sample CV files."""

import io
import zipfile
from datetime import date

import factory
from django.core.files.uploadedfile import SimpleUploadedFile

from hr.models.hiring import Applicant, JobOpening
from tests.factories import PositionFactory

PDF_BYTES = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def pdf_upload(name: str = "cv.pdf", content: bytes = PDF_BYTES) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def zip_upload(name: str, members: dict[str, bytes]) -> SimpleUploadedFile:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for member, data in members.items():
            archive.writestr(member, data)
    return SimpleUploadedFile(name, buffer.getvalue())


def docx_upload(name: str = "cv.docx") -> SimpleUploadedFile:
    return zip_upload(name, {"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w/>"})


def odt_upload(name: str = "cv.odt") -> SimpleUploadedFile:
    return zip_upload(
        name, {"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": b"<x/>"}
    )


class JobOpeningFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = JobOpening

    position = factory.SubFactory(PositionFactory)
    department = factory.LazyAttribute(lambda o: o.position.department)
    places = 1
    description = factory.Sequence(lambda n: f"Join us as number {n}.")
    status = JobOpening.Status.OPEN
    opened_on = date(2026, 11, 1)


class ApplicantFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Applicant

    opening = factory.SubFactory(JobOpeningFactory)
    first_name = factory.Faker("first_name")
    last_name = factory.Faker("last_name")
    email = factory.Sequence(lambda n: f"candidate{n}@example.net")
    phone = factory.Sequence(lambda n: f"+40 744 {n:06d}")
    stage = Applicant.Stage.APPLIED
