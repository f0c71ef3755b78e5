"""Leave pages: request with preview, approval, object rules, team calendar, feeds, the panel."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from hr.models.leave import LeaveCalendarFeed, LeaveLedgerEntry, LeaveRequest, TeamStaffing
from hr.services import leave as leave_services
from hr.services.leave_calendar import feed_create
from hr.services.leave_counting import balance
from tests.factories import EmployeeFactory, UserFactory
from tests.hr.leave_factories import grant, leave_type

pytestmark = pytest.mark.django_db
MONDAY = date(2030, 3, 4)


def _ask(by, employee, start=MONDAY, end=MONDAY + timedelta(days=1), code="annual"):
    return leave_services.leave_request(
        by=by, employee=employee, leave_type=leave_type(code), start=start, end=end
    )


def test_an_employee_sees_the_balance_before_and_after_then_sends_the_request(client, role_users):
    employee = role_users["employee"].employee
    grant(employee, "10", year=2030)
    client.force_login(role_users["employee"])
    form = {"leave_type": leave_type().pk, "start": "2030-03-04", "end": "2030-03-08", "half": ""}
    page = client.post(reverse("hr:leave-request"), form | {"preview": "1"})
    assert "Balance before: 10.00 (waiting for approval: 0.00); after: 5.00." in page.text
    assert not LeaveRequest.objects.filter(employee=employee).exists()
    response = client.post(reverse("hr:leave-request"), form | {"confirm": "1"})
    made = LeaveRequest.objects.get(employee=employee)
    assert response.url == reverse("hr:leave-detail", args=[made.pk]) and made.days == 5
    assert role_users["manager"].notifications.filter(url__contains=str(made.pk)).exists()


def test_a_request_beyond_the_balance_is_refused_with_a_message_and_nothing_saved(
    client, role_users
):
    client.force_login(role_users["employee"])
    form = {"leave_type": leave_type().pk, "start": "2030-03-04", "end": "2030-03-05"}
    page = client.post(reverse("hr:leave-request"), form | {"confirm": "1"})
    assert page.status_code == 200 and "only 0 are free" in page.text
    assert not LeaveRequest.objects.exists()


def test_the_manager_approves_with_a_comment_and_the_days_leave_the_ledger(client, role_users):
    employee = role_users["employee"].employee
    grant(employee, "10", year=2030)
    leave = _ask(role_users["employee"], employee)
    client.force_login(role_users["manager"])
    client.post(
        reverse("hr:leave-decide", args=[leave.pk]), {"decision": "approve", "comment": "ok"}
    )
    leave.refresh_from_db()
    assert leave.status == "approved" and leave.decided_by == role_users["manager"]
    assert balance(employee, leave_type()) == Decimal("8.00")
    assert leave.history.first().history_change_reason == "pending -> approved"


def test_a_manager_of_another_team_and_a_colleague_get_404(client, role_users):
    leave = _ask(role_users["employee"], role_users["employee"].employee, code="unpaid")
    other_manager = UserFactory(username="other-manager", roles=["Manager", "Employee"])
    EmployeeFactory(user=other_manager)
    for user in (other_manager, role_users["it"]):
        client.force_login(user)
        assert client.get(reverse("hr:leave-detail", args=[leave.pk])).status_code == 404
        url = reverse("hr:leave-ledger", args=[leave.employee_id])
        assert client.get(url).status_code == 404
    client.force_login(other_manager)
    client.post(reverse("hr:leave-decide", args=[leave.pk]), {"decision": "approve"})
    leave.refresh_from_db()
    assert leave.status == "pending"


def test_types_approved_by_hr_are_not_decided_by_the_manager(role_users):
    leave = _ask(role_users["employee"], role_users["employee"].employee, code="study")
    with pytest.raises(leave_services.LeaveError, match="may not decide"):
        leave_services.leave_decide(by=role_users["manager"], request=leave, approve=True)
    leave_services.leave_decide(by=role_users["hr"], request=leave, approve=True)


def test_approved_leave_is_cancelled_before_it_starts_and_cut_short_by_hr(role_users):
    employee = role_users["employee"].employee
    grant(employee, "10", year=2030)
    leave = _ask(role_users["employee"], employee, end=MONDAY + timedelta(days=4))
    leave_services.leave_decide(by=role_users["manager"], request=leave, approve=True)
    leave_services.leave_cut_short(
        by=role_users["hr"], request=leave, new_end=MONDAY + timedelta(days=1), comment="back"
    )
    assert balance(employee, leave_type()) == Decimal("8.00")
    leave_services.leave_cancel(by=role_users["employee"], request=leave)
    assert balance(employee, leave_type()) == Decimal("10.00")
    kinds = list(LeaveLedgerEntry.objects.filter(request=leave).values_list("kind", flat=True))
    assert kinds == ["use", "cancellation", "cancellation"]


def test_leave_that_has_started_cannot_be_cancelled(role_users):
    today = timezone.localdate()
    leave = _ask(
        role_users["hr"],
        role_users["employee"].employee,
        start=today,
        end=today + timedelta(days=7),
        code="unpaid",
    )
    leave_services.leave_decide(by=role_users["manager"], request=leave, approve=True)
    with pytest.raises(leave_services.LeaveError, match="cut it short"):
        leave_services.leave_cancel(by=role_users["employee"], request=leave)


def test_hr_records_leave_for_staff_without_a_login(client, role_users):
    warehouse = EmployeeFactory(user=None)
    client.force_login(role_users["hr"])
    form = {
        "employee": warehouse.pk,
        "leave_type": leave_type("sick").pk,
        "start": "2030-03-04",
        "end": "2030-03-06",
        "confirm": "1",
    }
    client.post(reverse("hr:leave-record"), form)
    assert LeaveRequest.objects.get(employee=warehouse).days == 3


def test_approving_warns_when_the_team_would_fall_under_its_minimum(client, role_users):
    manager = role_users["manager"].employee
    TeamStaffing.objects.create(manager=manager, minimum_present=1)
    leave = _ask(role_users["employee"], role_users["employee"].employee, code="unpaid")
    client.force_login(role_users["manager"])
    page = client.get(reverse("hr:leave-detail", args=[leave.pk]))
    assert 'data-testid="staffing-warning"' in page.text and "0 present, minimum 1" in page.text


def test_the_team_calendar_runs_a_bounded_number_of_queries(
    client, role_users, django_assert_max_num_queries
):
    manager = role_users["manager"].employee
    for _n in range(15):
        person = EmployeeFactory(manager=manager)
        _ask(role_users["hr"], person, code="unpaid")
    client.force_login(role_users["manager"])
    with django_assert_max_num_queries(15):
        page = client.get(reverse("hr:leave-team"), {"month": "2030-03-01"})
    assert page.text.count('data-away="2030-03-04"') == 15


def test_the_ical_feed_lists_the_teams_leave_until_revoked(client, role_users):
    manager = role_users["manager"].employee
    soon = timezone.localdate() + timedelta(days=14)
    soon += timedelta(days=-soon.weekday())  # a Monday, a year ahead at most
    _ask(
        role_users["employee"], role_users["employee"].employee, start=soon, end=soon, code="unpaid"
    )
    feed = feed_create(owner=manager, scope=LeaveCalendarFeed.Scope.TEAM)
    response = client.get(reverse("hr:leave-feed", args=[feed.token]))
    assert response["Content-Type"] == "text/calendar"
    assert f"DTSTART;VALUE=DATE:{soon:%Y%m%d}".encode() in response.content
    client.force_login(role_users["manager"])
    client.post(reverse("hr:leave-feed-revoke", args=[feed.pk]))
    client.logout()
    assert client.get(reverse("hr:leave-feed", args=[feed.token])).status_code == 404


def test_the_home_panel_shows_the_ledger_sum_and_requests_waiting_for_the_manager(
    client, role_users
):
    employee = role_users["employee"].employee
    grant(employee, "7.5", year=2030)
    grant(employee, "-2.25", year=2030, kind="adjustment")
    _ask(role_users["employee"], employee)
    client.force_login(role_users["employee"])
    assert '<strong data-testid="home-balance">5.25</strong>' in client.get("/").text
    client.force_login(role_users["manager"])
    assert 'data-testid="home-leave-to-decide"' in client.get("/").text


def test_a_holiday_added_in_the_admin_recounts_approved_leave(client, role_users):
    employee = role_users["employee"].employee
    grant(employee, "10", year=2030)
    leave = _ask(role_users["employee"], employee, end=MONDAY + timedelta(days=4))
    leave_services.leave_decide(by=role_users["manager"], request=leave, approve=True)
    client.force_login(role_users["admin"])
    client.post(
        reverse("admin:backoffice_publicholiday_add"), {"date": "2030-03-06", "name": "Test day"}
    )
    leave.refresh_from_db()
    assert leave.days == 4 and balance(employee, leave_type()) == Decimal("6.00")
    assert LeaveLedgerEntry.objects.get(request=leave, kind="correction").days == 1


def test_hr_adjusts_a_balance_with_a_reason_and_a_missing_reason_changes_nothing(
    client, role_users
):
    employee = role_users["employee"].employee
    url = reverse("hr:leave-adjust", args=[employee.pk])
    client.force_login(role_users["hr"])
    client.post(url, {"leave_type": leave_type("compensatory").pk, "days": "1.5", "reason": ""})
    assert not LeaveLedgerEntry.objects.filter(employee=employee).exists()
    form = {"leave_type": leave_type("compensatory").pk, "days": "1.5", "reason": "Saturday stock"}
    client.post(url, form)
    assert balance(employee, leave_type("compensatory")) == Decimal("1.50")
    page = client.get(reverse("hr:leave-ledger", args=[employee.pk]))
    assert "Saturday stock" in page.text
