from datetime import date, timedelta

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse
from django.utils import timezone

from backoffice.models import Notification
from hr.models.complaints import Complaint
from hr.selectors import complaints as complaints_selectors
from hr.services import complaints as complaints_services
from hr.services.complaints import add_working_days
from tests.factories import EmployeeFactory, UserFactory


def raise_complaint(user, *, about=(), anonymous=False, subject="Shouting in the stock room"):
    return complaints_services.complaint_raise(
        by=user,
        category=Complaint.Category.CONFLICT,
        subject=subject,
        description="He shouts at the cashiers every morning.",
        about=about,
        anonymous=anonymous,
    )


@pytest.fixture
def people(role_users):
    """The raiser (the demo employee), the person it is about, a handler and outsiders."""
    subject = EmployeeFactory(user=UserFactory(username="accused"))
    handler = role_users["hr"]  # the standing HR user, who manages all complaints
    # An HR assistant who handles the complaints assigned to them only.
    plain_handler = UserFactory(username="hr-assistant")
    plain_handler.user_permissions.add(Permission.objects.get(codename="handle_complaint"))
    EmployeeFactory(user=plain_handler)
    colleague = UserFactory(username="colleague")
    EmployeeFactory(user=colleague)
    return {
        "raiser": role_users["employee"],
        "subject": subject,
        "manager": role_users["manager"],
        "hr": handler,
        "assistant": plain_handler,
        "colleague": colleague,
    }


def visible(user, complaint) -> bool:
    return complaints_selectors.complaints_visible_to(user).filter(pk=complaint.pk).exists()


def test_the_raiser_the_assigned_handler_and_hr_managers_see_a_complaint(people):
    complaint = raise_complaint(people["raiser"], about=[people["subject"]])
    complaints_services.complaint_assign(
        by=people["hr"], complaint=complaint, handlers=[people["assistant"]]
    )
    assert visible(people["raiser"], complaint)
    assert visible(people["assistant"], complaint)
    assert visible(people["hr"], complaint)


def test_the_person_it_is_about_the_filers_manager_and_colleagues_never_see_it(people):
    complaint = raise_complaint(people["raiser"], about=[people["subject"]])
    for name in ("manager", "colleague", "assistant"):  # the assistant is not assigned
        assert not visible(people[name], complaint), name
    assert not visible(people["subject"].user, complaint)


def test_an_hr_manager_who_is_complained_about_does_not_see_the_complaint(people, client):
    complaint = raise_complaint(people["raiser"], about=[people["hr"].employee])
    assert not visible(people["hr"], complaint)
    client.force_login(people["hr"])
    assert client.get(reverse("hr:complaint-detail", args=[complaint.pk])).status_code == 404
    history = reverse("backoffice:history", args=["hr", "complaint", complaint.pk])
    assert client.get(history).status_code == 404


def test_outsiders_get_404_on_the_page(people, client):
    complaint = raise_complaint(people["raiser"], about=[people["subject"]])
    url = reverse("hr:complaint-detail", args=[complaint.pk])
    for user in (people["subject"].user, people["manager"], people["colleague"]):
        client.force_login(user)
        assert client.get(url).status_code == 404, user
    client.force_login(people["raiser"])
    assert client.get(url).status_code == 200


def test_an_anonymous_raiser_is_named_only_to_the_assigned_handlers(people, client):
    complaint = raise_complaint(people["raiser"], anonymous=True)
    raiser_name = people["raiser"].get_full_name()
    complaints_services.complaint_assign(
        by=people["hr"], complaint=complaint, handlers=[people["assistant"]]
    )
    url = reverse("hr:complaint-detail", args=[complaint.pk])

    client.force_login(people["hr"])  # manages all complaints, not assigned to this one
    for page in (url, reverse("hr:complaint-list"), reverse("hr:index")):
        body = client.get(page).content.decode()
        assert raiser_name not in body, page
        assert "Anonymous" in body, page

    client.force_login(people["assistant"])
    assert raiser_name in client.get(url).content.decode()


def test_the_admin_list_hides_an_anonymous_raiser_from_an_unassigned_administrator(
    people, role_users, client
):
    raise_complaint(people["raiser"], anonymous=True)
    client.force_login(role_users["admin"])
    body = client.get(reverse("admin:hr_complaint_changelist")).content.decode()
    assert "Anonymous" in body
    assert people["raiser"].get_full_name() not in body


def test_an_anonymous_complaint_keeps_no_author_in_its_history(people):
    complaint = raise_complaint(people["raiser"], anonymous=True)
    assert complaint.history.get().history_user is None
    named = raise_complaint(people["raiser"])
    assert named.history.get().history_user == people["raiser"]


def test_a_complaint_must_be_acknowledged_within_five_working_days(people):
    complaint = raise_complaint(people["raiser"])
    assert complaint.acknowledge_by == add_working_days(timezone.localdate(), 5)
    assert add_working_days(date(2026, 11, 27), 5) == date(2026, 12, 4)  # Friday -> Friday


def test_the_workflow_refuses_skipping_a_step_and_changes_nothing(people):
    complaint = raise_complaint(people["raiser"])
    with pytest.raises(
        complaints_services.ComplaintError, match="cannot go from Received to Resolved"
    ):
        complaints_services.complaint_transition(
            by=people["hr"], complaint=complaint, status="resolved", outcome="Done"
        )
    complaint.refresh_from_db()
    assert complaint.status == "received"
    assert not Notification.objects.filter(recipient=people["raiser"]).exists()


def test_closing_needs_an_outcome(people):
    complaint = raise_complaint(people["raiser"])
    for status in ("acknowledged", "investigating"):
        complaints_services.complaint_transition(
            by=people["hr"], complaint=complaint, status=status
        )
    with pytest.raises(complaints_services.ComplaintError, match="outcome"):
        complaints_services.complaint_transition(
            by=people["hr"], complaint=complaint, status="resolved"
        )
    complaint.refresh_from_db()
    assert complaint.status == "investigating"


def test_an_unassigned_handler_cannot_move_a_complaint(people):
    complaint = raise_complaint(people["raiser"])
    with pytest.raises(complaints_services.ComplaintError, match="handling"):
        complaints_services.complaint_transition(
            by=people["assistant"], complaint=complaint, status="acknowledged"
        )


def test_the_raiser_is_told_each_status_and_the_outcome_but_never_the_notes(people, client):
    complaint = raise_complaint(people["raiser"])
    complaints_services.complaint_note_add(
        by=people["hr"], complaint=complaint, text="Secret: witness is Dana"
    )
    for status in ("acknowledged", "investigating"):
        complaints_services.complaint_transition(
            by=people["hr"], complaint=complaint, status=status
        )
    complaints_services.complaint_transition(
        by=people["hr"], complaint=complaint, status="resolved", outcome="Shifts separated."
    )
    notes = Notification.objects.filter(recipient=people["raiser"]).order_by("pk")
    assert [n.title.rsplit(": ", 1)[1] for n in notes] == [
        "Acknowledged",
        "Investigating",
        "Resolved",
    ]
    assert notes.last().body == "Shifts separated."
    assert not any("Secret" in n.title + n.body for n in notes)

    client.force_login(people["raiser"])
    body = client.get(reverse("hr:complaint-detail", args=[complaint.pk])).content.decode()
    assert "Shifts separated." in body
    assert "Resolved" in body
    assert "Secret" not in body


def test_the_handler_sees_the_notes_on_the_page(people, client):
    complaint = raise_complaint(people["raiser"])
    complaints_services.complaint_note_add(
        by=people["hr"], complaint=complaint, text="Witness is Dana"
    )
    client.force_login(people["hr"])
    body = client.get(reverse("hr:complaint-detail", args=[complaint.pk])).content.decode()
    assert "Witness is Dana" in body


def test_the_raiser_cannot_change_the_status_of_their_own_complaint(people, client):
    complaint = raise_complaint(people["raiser"])
    client.force_login(people["raiser"])
    response = client.post(
        reverse("hr:complaint-transition", args=[complaint.pk]), {"status": "acknowledged"}
    )
    assert response.status_code == 403
    complaint.refresh_from_db()
    assert complaint.status == "received"


def test_an_employee_raises_a_complaint_through_the_page(people, client):
    client.force_login(people["raiser"])
    response = client.post(
        reverse("hr:complaint-create"),
        {
            "category": "harassment",
            "subject": "Remarks",
            "description": "Remarks about my accent.",
            "about": [people["subject"].pk],
            "anonymous": "on",
        },
    )
    complaint = Complaint.objects.get()
    assert response.status_code == 302
    assert (complaint.anonymous, list(complaint.about.all())) == (True, [people["subject"]])


def test_a_complaint_about_oneself_is_refused(people):
    with pytest.raises(complaints_services.ComplaintError):
        raise_complaint(people["raiser"], about=[people["raiser"].employee])
    assert not Complaint.objects.exists()


def test_a_bad_move_posted_to_the_page_shows_a_message_and_changes_nothing(people, client):
    complaint = raise_complaint(people["raiser"])
    client.force_login(people["hr"])
    response = client.post(
        reverse("hr:complaint-transition", args=[complaint.pk]),
        {"status": "dismissed", "outcome": "No"},
        follow=True,
    )
    assert "cannot go from Received to Dismissed" in response.content.decode()
    complaint.refresh_from_db()
    assert complaint.status == "received"


def test_overdue_complaints_are_flagged_on_the_hr_index(people, client):
    late = raise_complaint(people["raiser"], subject="Late one")
    Complaint.objects.filter(pk=late.pk).update(
        acknowledge_by=timezone.localdate() - timedelta(days=1)
    )
    raise_complaint(people["raiser"], subject="Fresh one")
    client.force_login(people["hr"])
    response = client.get(reverse("hr:index"))
    flagged = [c.subject for c in response.context["open_complaints"] if c.is_overdue]
    assert flagged == ["Late one"]
    assert response.context["overdue_count"] == 1
    assert 'data-testid="overdue-count"' in response.content.decode()


def test_the_complaint_list_and_index_take_a_bounded_number_of_queries(
    people, client, django_assert_max_num_queries
):
    raiser = people["raiser"]
    Complaint.objects.bulk_create(
        Complaint(
            raised_by=raiser,
            category="pay",
            subject=f"Pay {n}",
            description="x",
            anonymous=n % 2 == 0,
            acknowledge_by=timezone.localdate(),
        )
        for n in range(70)
    )
    client.force_login(people["hr"])
    with django_assert_max_num_queries(12):
        response = client.get(reverse("hr:complaint-list"))
    assert len(response.context["page"].object_list) == 50
    with django_assert_max_num_queries(14):
        client.get(reverse("hr:index"))


def test_the_export_names_an_anonymous_raiser_only_to_the_assigned_handler(people, client):
    anonymous = raise_complaint(people["raiser"], anonymous=True, subject="Hidden one")
    raise_complaint(people["raiser"], subject="Named one")
    complaints_services.complaint_assign(
        by=people["hr"], complaint=anonymous, handlers=[people["assistant"]]
    )
    name = people["raiser"].get_full_name()

    client.force_login(people["hr"])
    rows = client.get(reverse("hr:complaint-export")).content.decode().splitlines()
    by_subject = {row.split(",")[1]: row for row in rows[1:]}
    assert "Anonymous" in by_subject["Hidden one"]
    assert name not in by_subject["Hidden one"]
    assert name in by_subject["Named one"]

    client.force_login(people["assistant"])
    rows = client.get(reverse("hr:complaint-export")).content.decode().splitlines()
    assert len(rows) == 2  # the header and the one complaint assigned to them
    assert name in rows[1]


def test_the_export_defuses_spreadsheet_formulas_typed_by_employees(people, client):
    raise_complaint(people["raiser"], subject='=HYPERLINK("http://x","pay")')
    client.force_login(people["hr"])
    body = client.get(reverse("hr:complaint-export")).content.decode()
    assert "'=HYPERLINK" in body
