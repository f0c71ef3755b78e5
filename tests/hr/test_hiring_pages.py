"""The pipeline pages: bounded queries whatever the number of applicants, filters, tiles."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from hr.models.hiring import Applicant, JobOpening
from hr.views.hiring import APPLICANT_PAGE_SIZE
from tests.hr.hiring_factories import ApplicantFactory, JobOpeningFactory

STAGES = [s for s in Applicant.Stage.values if s != Applicant.Stage.HIRED]


def spread(count, opening=None):
    opening = opening or JobOpeningFactory()
    for index in range(count):
        stage = STAGES[index % len(STAGES)]
        ApplicantFactory(
            opening=opening,
            stage=stage,
            rejection_reason="x" if stage == Applicant.Stage.REJECTED else "",
        )


def queries(client, url, params=None):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, params or {})
    assert response.status_code == 200
    return len(captured)


def test_the_board_and_the_list_cost_the_same_queries_for_few_and_many_applicants(
    client, role_users, django_assert_max_num_queries
):
    client.force_login(role_users["hr"])
    spread(6)
    few = {
        name: queries(client, reverse(name)) for name in ("hr:applicant-board", "hr:applicant-list")
    }
    spread(APPLICANT_PAGE_SIZE * 2 + 7)
    many = {
        name: queries(client, reverse(name)) for name in ("hr:applicant-board", "hr:applicant-list")
    }
    assert many == few
    with django_assert_max_num_queries(20):
        client.get(reverse("hr:applicant-board"))


def test_the_list_pages_and_filters_by_stage_and_opening(client, role_users):
    client.force_login(role_users["hr"])
    target = JobOpeningFactory()
    spread(12, opening=target)
    spread(APPLICANT_PAGE_SIZE + 5)
    response = client.get(reverse("hr:applicant-list"))
    assert len(response.context["page"].object_list) == APPLICANT_PAGE_SIZE
    assert response.context["page"].paginator.count == APPLICANT_PAGE_SIZE + 17
    filtered = client.get(reverse("hr:applicant-list"), {"opening": target.pk, "stage": "offer"})
    assert {a.opening_id for a in filtered.context["page"].object_list} == {target.pk}
    assert {a.stage for a in filtered.context["page"].object_list} == {"offer"}
    bad = client.get(reverse("hr:applicant-list"), {"opening": "x", "page": "zz"})
    assert bad.status_code == 200
    assert bad.context["filter"].errors


def test_the_board_shows_a_column_per_stage_with_its_total(client, role_users):
    client.force_login(role_users["hr"])
    spread(5 * 30)
    response = client.get(reverse("hr:applicant-board"))
    columns = {c["stage"]: c for c in response.context["columns"]}
    assert list(columns) == Applicant.Stage.values
    assert columns["applied"]["count"] == 30
    assert len(columns["applied"]["applicants"]) == 25  # the rest are one link away
    assert columns["hired"]["count"] == 0
    partial = client.get(reverse("hr:applicant-board"), headers={"HX-Request": "true"})
    assert b"<html" not in partial.content
    assert b'id="board"' in partial.content


def test_the_board_moves_an_applicant_with_one_button(client, role_users):
    applicant = ApplicantFactory(stage=Applicant.Stage.APPLIED)
    client.force_login(role_users["hr"])
    response = client.post(
        reverse("hr:applicant-move", args=[applicant.pk]),
        {"to_stage": "screening", "next": "board"},
    )
    assert response["Location"] == reverse("hr:applicant-board")
    applicant.refresh_from_db()
    assert applicant.stage == "screening"


def test_the_hr_overview_shows_open_openings_and_applicants_by_stage(client, role_users):
    JobOpeningFactory.create_batch(2)
    JobOpeningFactory(status=JobOpening.Status.DRAFT)
    spread(10)
    client.force_login(role_users["hr"])
    response = client.get(reverse("hr:index"))
    hiring = response.context["hiring"]
    assert hiring["open_openings"] == 3  # two, and the one spread() made
    assert {row["stage"]: row["count"] for row in hiring["by_stage"]}["applied"] == 2


def test_the_openings_list_costs_the_same_queries_for_few_and_many(client, role_users):
    client.force_login(role_users["hr"])
    JobOpeningFactory.create_batch(3)
    few = queries(client, reverse("hr:opening-list"))
    JobOpeningFactory.create_batch(60)
    assert queries(client, reverse("hr:opening-list")) == few


def test_hr_creates_an_opening_and_opens_it(client, role_users):
    client.force_login(role_users["hr"])
    position = role_users["clerk"].employee.position
    response = client.post(
        reverse("hr:opening-create"),
        {
            "position": position.pk,
            "department": position.department_id,
            "places": 2,
            "description": "Keep the files.",
            "hiring_manager": role_users["manager"].employee.pk,
        },
    )
    opening = JobOpening.objects.get()
    assert response["Location"] == reverse("hr:opening-detail", args=[opening.pk])
    assert opening.status == JobOpening.Status.DRAFT
    client.post(reverse("hr:opening-status", args=[opening.pk]), {"status": "open"})
    opening.refresh_from_db()
    assert opening.status == JobOpening.Status.OPEN
    assert opening.opened_on is not None


def test_an_opening_whose_position_is_in_another_department_is_refused(client, role_users):
    client.force_login(role_users["hr"])
    position = role_users["clerk"].employee.position
    other = role_users["it"].employee.department
    response = client.post(
        reverse("hr:opening-create"),
        {"position": position.pk, "department": other.pk, "places": 1, "description": "x"},
    )
    assert response.status_code == 200
    assert "another department" in str(response.context["form"].non_field_errors())
    assert not JobOpening.objects.exists()
