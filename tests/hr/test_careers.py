import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from hr.models.hiring import Applicant, ApplicantStageChange, JobOpening
from tests.hr.hiring_factories import (
    PDF_BYTES,
    JobOpeningFactory,
    docx_upload,
    odt_upload,
    pdf_upload,
    zip_upload,
)


@pytest.fixture
def opening(db):
    return JobOpeningFactory(description="Sell shoes with a smile.", internal_notes="Budget tight")


def apply(client, opening, cv, **overrides):
    data = {
        "first_name": "Ana",
        "last_name": "Candidată",
        "email": "Ana@Example.net",
        "phone": "+40 744 123 456",
        "letter": "I like shoes.",
        "cv": cv,
    } | overrides
    return client.post(reverse("careers:apply", args=[opening.pk]), data)


def test_the_careers_page_lists_open_openings_without_internal_notes(client, opening):
    JobOpeningFactory(status=JobOpening.Status.DRAFT, position__title="Secret role")
    response = client.get(reverse("careers:list"))
    assert response.status_code == 200
    assert opening.position.title.encode() in response.content
    assert b"Secret role" not in response.content
    page = client.get(reverse("careers:apply", args=[opening.pk]))
    assert b"Sell shoes with a smile." in page.content
    assert b"Budget tight" not in page.content


def test_a_draft_or_closed_opening_cannot_be_applied_to(client, db):
    for status in (JobOpening.Status.DRAFT, JobOpening.Status.CLOSED, JobOpening.Status.ON_HOLD):
        hidden = JobOpeningFactory(status=status)
        assert client.get(reverse("careers:apply", args=[hidden.pk])).status_code == 404
        assert apply(client, hidden, pdf_upload()).status_code == 404
    assert not Applicant.objects.exists()


@pytest.mark.parametrize("make_cv", [pdf_upload, docx_upload, odt_upload])
def test_a_candidate_applies_anonymously_with_a_real_cv(client, opening, make_cv):
    cv = make_cv()
    response = apply(client, opening, cv)
    assert response.status_code == 302
    applicant = Applicant.objects.get()
    assert applicant.stage == Applicant.Stage.APPLIED
    assert applicant.source == Applicant.Source.CAREERS
    assert applicant.email == "ana@example.net"
    assert applicant.cv_name == cv.name
    assert "ana" not in applicant.cv.name.lower()  # stored under a random name
    assert ApplicantStageChange.objects.get().to_stage == Applicant.Stage.APPLIED


def test_a_doc_file_is_recognised_by_its_ole_signature(client, opening):
    ole = bytes.fromhex("d0cf11e0a1b11ae1") + b"\0" * 504
    assert apply(client, opening, SimpleUploadedFile("cv.doc", ole)).status_code == 302


@pytest.mark.parametrize(
    ("cv", "message"),
    [
        (SimpleUploadedFile("cv.pdf", b"MZ\x90\x00 not a pdf at all"), "not a PDF"),
        (SimpleUploadedFile("cv.exe", PDF_BYTES), "PDF, DOC, DOCX or ODT"),
        (SimpleUploadedFile("cv.docx", PDF_BYTES), "not a DOCX"),
        (zip_upload("cv.docx", {"evil.sh": b"rm -rf /"}), "not a DOCX"),
        (SimpleUploadedFile("cv.odt", b"PK\x03\x04broken zip"), "not a ODT"),
        (SimpleUploadedFile("cv.pdf", b""), "empty"),
    ],
)
def test_a_file_that_is_not_what_it_claims_is_refused_and_nothing_is_stored(
    client, opening, settings, cv, message
):
    response = apply(client, opening, cv)
    assert response.status_code == 200
    assert message in str(response.context["form"].errors["cv"])
    assert not Applicant.objects.exists()
    assert not (settings.MEDIA_ROOT / "hiring").exists()


def test_a_cv_over_the_size_limit_is_refused(client, opening, settings):
    settings.HIRING_CV_MAX_BYTES = 1024
    response = apply(client, opening, pdf_upload(content=PDF_BYTES + b"0" * 2000))
    assert "too large" in str(response.context["form"].errors["cv"])
    assert not Applicant.objects.exists()


def test_missing_fields_are_named_and_nothing_is_stored(client, opening):
    response = apply(client, opening, pdf_upload(), email="not-an-email", first_name="")
    assert set(response.context["form"].errors) == {"email", "first_name"}
    response = client.post(reverse("careers:apply", args=[opening.pk]), {"first_name": "A"})
    assert "cv" in response.context["form"].errors
    assert not Applicant.objects.exists()


def test_applying_twice_to_the_same_opening_is_refused_clearly(client, opening):
    apply(client, opening, pdf_upload())
    response = apply(client, opening, pdf_upload(), email="ana@example.NET")
    assert response.status_code == 200
    assert "already applied" in str(response.context["form"].non_field_errors())
    assert Applicant.objects.count() == 1
