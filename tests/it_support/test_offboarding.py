"""IT's side of offboarding: its open items on its own page, and "done" reported to
HR through the event, never by writing HR's records."""

import ast
from datetime import date, timedelta
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from hr.models.discipline import OffboardingItem
from hr.services import dismissals as dismissals_services
from it_support.errors import ItSupportError
from it_support.services.offboarding import offboarding_item_report_done
from tests.factories import EmployeeFactory


@pytest.fixture
def leaver(role_users):
    employee = EmployeeFactory(hire_date=date(2020, 1, 1), first_name="Lea", last_name="Vance")
    dismissals_services.employee_terminate(
        by=role_users["hr"],
        employee=employee,
        kind="end_of_contract",
        reason="Fixed term ended",
        last_day=timezone.localdate() + timedelta(days=7),
    )
    return employee


def item_of(employee, task) -> OffboardingItem:
    return OffboardingItem.objects.get(termination__employee=employee, task=task)


def done_url(employee, task) -> str:
    return reverse("it_support:offboarding-item-done", args=[item_of(employee, task).pk])


def test_the_page_lists_its_open_items_of_departing_people(client, role_users, leaver):
    client.force_login(role_users["it"])
    response = client.get(reverse("it_support:offboarding-list"))
    assert [(i.termination.employee, i.task) for i in response.context["items"]] == [
        (leaver, "equipment"),
        (leaver, "access"),
    ]
    page = response.content.decode()
    assert "Lea Vance" in page
    assert done_url(leaver, "equipment") in page
    assert done_url(leaver, "final_pay") not in page


def test_it_marking_its_items_done_ticks_them_on_hrs_checklist(client, role_users, leaver):
    client.force_login(role_users["it"])
    for task in ("equipment", "access"):
        response = client.post(done_url(leaver, task), follow=True)
        assert "Reported to HR as done." in response.content.decode()
    for task in ("equipment", "access"):
        item = item_of(leaver, task)
        assert (item.done_by, item.done_at is not None) == (role_users["it"], True)
    assert item_of(leaver, "final_pay").done_at is None
    assert item_of(leaver, "exit_interview").done_at is None
    assert list(client.get(reverse("it_support:offboarding-list")).context["items"]) == []
    client.force_login(role_users["hr"])
    page = client.get(reverse("hr:offboarding-list")).content.decode()
    assert page.count("Done by IT on") == 2


def test_marking_done_twice_is_refused_and_changes_nothing(client, role_users, leaver):
    client.force_login(role_users["it"])
    client.post(done_url(leaver, "equipment"))
    first = item_of(leaver, "equipment").done_at
    client.force_login(role_users["admin"])
    response = client.post(done_url(leaver, "equipment"), follow=True)
    assert "This item is already done." in response.content.decode()
    item = item_of(leaver, "equipment")
    assert (item.done_by, item.done_at) == (role_users["it"], first)
    with pytest.raises(ItSupportError, match="already done"):
        offboarding_item_report_done(by=role_users["it"], item=item)


def test_it_cannot_reach_payrolls_or_hrs_items(client, role_users, leaver):
    client.force_login(role_users["it"])
    for task in ("final_pay", "exit_interview"):
        assert client.post(done_url(leaver, task)).status_code == 404
        assert item_of(leaver, task).done_at is None


@pytest.mark.parametrize("role", ["hr", "accountant", "employee"])
def test_other_roles_may_not_open_the_page_nor_report(client, role_users, leaver, role):
    client.force_login(role_users[role])
    assert client.get(reverse("it_support:offboarding-list")).status_code == 403
    assert client.post(done_url(leaver, "equipment")).status_code == 403
    assert item_of(leaver, "equipment").done_at is None


def test_it_support_reads_hr_only_through_its_selectors():
    imported = set()
    for path in (Path(settings.BASE_DIR) / "it_support").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.ImportFrom) and node.module:
                imported.add(node.module)
            elif isinstance(node, ast.Import):
                imported.update(alias.name for alias in node.names)
    from_hr = {name for name in imported if name == "hr" or name.startswith("hr.")}
    # The inventory's foreign keys name `Employee` (an item's owner and holder).
    assert from_hr <= {"hr.selectors.offboarding", "hr.models.employees"}
