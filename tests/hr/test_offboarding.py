"""Offboarding belongs to the departments that do it: HR ticks its own items,
IT's and payroll's are ticked by their report (the `offboarding_item_done` event)."""

from datetime import date, timedelta

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from backoffice import events
from hr.models.discipline import OffboardingItem
from hr.models.employees import Employee
from hr.services import dismissals as dismissals_services
from hr.services.offboarding import OffboardingError, offboarding_item_done
from tests.factories import EmployeeFactory


@pytest.fixture
def leaver(role_users):
    employee = EmployeeFactory(hire_date=date(2020, 1, 1))
    dismissals_services.employee_terminate(
        by=role_users["hr"],
        employee=employee,
        kind="resignation",
        reason="Moving abroad",
        last_day=timezone.localdate() + timedelta(days=14),
    )
    return employee


def item_of(employee, task) -> OffboardingItem:
    return OffboardingItem.objects.get(termination__employee=employee, task=task)


def report(employee, task, by, when=None):
    events.offboarding_item_done.send(
        sender=Employee, employee=employee, item=task, by=by, when=when or timezone.now()
    )


def test_each_item_belongs_to_the_department_that_does_it(leaver):
    owners = dict(
        OffboardingItem.objects.filter(termination__employee=leaver).values_list(
            "task", "department"
        )
    )
    assert owners == {
        "equipment": "it",
        "access": "it",
        "final_pay": "payroll",
        "exit_interview": "hr",
    }
    assert [item_of(leaver, task).is_hrs_own for task in owners] == [False, False, False, True]


def test_the_database_keeps_each_item_with_its_owner(leaver):
    with pytest.raises(IntegrityError), transaction.atomic():
        OffboardingItem.objects.filter(pk=item_of(leaver, "final_pay").pk).update(department="hr")


def test_hr_ticks_its_own_exit_interview(role_users, leaver):
    item = offboarding_item_done(by=role_users["hr"], item=item_of(leaver, "exit_interview"))
    assert (item.done_by, item.done_at is not None) == (role_users["hr"], True)
    with pytest.raises(OffboardingError, match="already done"):
        offboarding_item_done(by=role_users["hr"], item=item)


@pytest.mark.parametrize(
    ("task", "department"),
    [("equipment", "IT"), ("access", "IT"), ("final_pay", "Payroll / accounting")],
)
def test_hr_cannot_tick_another_departments_item(role_users, leaver, task, department):
    for user in (role_users["hr"], role_users["admin"]):
        with pytest.raises(OffboardingError, match=f"^{department} marks this item done, not HR"):
            offboarding_item_done(by=user, item=item_of(leaver, task))
    item = item_of(leaver, task)
    assert (item.done_by, item.done_at) == (None, None)


def test_the_page_offers_hr_a_button_only_for_its_own_items(client, role_users, leaver):
    client.force_login(role_users["hr"])
    page = client.get(reverse("hr:offboarding-list")).content.decode()
    own = reverse("hr:offboarding-item-done", args=[item_of(leaver, "exit_interview").pk])
    assert f'action="{own}"' in page
    for task in ("equipment", "access", "final_pay"):
        other = reverse("hr:offboarding-item-done", args=[item_of(leaver, task).pk])
        assert other not in page
    assert page.count("Waiting for IT") == 2
    assert page.count("Waiting for Payroll / accounting") == 1


def test_posting_to_an_it_item_from_hrs_page_is_refused_with_a_message(client, role_users, leaver):
    client.force_login(role_users["hr"])
    item = item_of(leaver, "equipment")
    response = client.post(reverse("hr:offboarding-item-done", args=[item.pk]), follow=True)
    assert response.redirect_chain[-1][0] == reverse("hr:offboarding-list")
    assert "IT marks this item done, not HR" in response.content.decode()
    item.refresh_from_db()
    assert item.done_at is None


def test_a_report_ticks_the_item_and_the_page_says_who_and_when(client, role_users, leaver):
    when = timezone.now() - timedelta(hours=1)
    report(leaver, "access", role_users["it"], when)
    item = item_of(leaver, "access")
    assert (item.done_by, item.done_at) == (role_users["it"], when)
    assert item_of(leaver, "equipment").done_at is None
    client.force_login(role_users["hr"])
    page = client.get(reverse("hr:offboarding-list")).content.decode()
    done_on = timezone.localtime(when).date()
    assert f"Done by IT on {date_format(done_on)}" in page
    assert page.count("Waiting for IT") == 1


def test_the_same_report_twice_changes_nothing(role_users, leaver):
    first = timezone.now() - timedelta(days=1)
    report(leaver, "final_pay", role_users["accountant"], first)
    report(leaver, "final_pay", role_users["admin"], timezone.now())
    item = item_of(leaver, "final_pay")
    assert (item.done_by, item.done_at) == (role_users["accountant"], first)


def test_a_report_about_someone_without_a_departure_changes_nothing(role_users, leaver):
    staying = role_users["employee"].employee
    report(staying, "equipment", role_users["it"])
    report(Employee(first_name="Nobody", last_name="Known"), "equipment", role_users["it"])
    report(None, "equipment", role_users["it"])
    assert not OffboardingItem.objects.filter(done_at__isnull=False).exists()


def test_a_report_of_hrs_own_item_or_an_unknown_one_is_a_senders_mistake(role_users, leaver):
    for task in ("exit_interview", "laptop"):
        with pytest.raises(ValueError, match="not an offboarding item another department"):
            report(leaver, task, role_users["it"])
    assert item_of(leaver, "exit_interview").done_at is None


def test_a_report_ticks_the_latest_departure_only(role_users, leaver):
    termination = leaver.terminations.get()
    report(leaver, "equipment", role_users["it"])
    # Rehired and leaving again: the new checklist is the one a report ticks.
    Employee.objects.filter(pk=leaver.pk).update(status="active", termination_date=None)
    leaver.refresh_from_db()
    dismissals_services.employee_terminate(
        by=role_users["hr"],
        employee=leaver,
        kind="retirement",
        reason="Retiring",
        last_day=timezone.localdate() + timedelta(days=30),
    )
    latest = leaver.terminations.exclude(pk=termination.pk).get()
    report(leaver, "access", role_users["it"])
    assert latest.items.get(task="access").done_at is not None
    assert termination.items.get(task="access").done_at is None
    assert latest.items.get(task="equipment").done_at is None
