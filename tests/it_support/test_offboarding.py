"""IT's side of offboarding: HR's departure opens an IT ticket listing the access to
revoke and each item of equipment; it closes only when every line is done, and then
HR's checklist shows IT's part done, without HR or IT writing HR's records."""

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
from it_support.models.inventory import Equipment
from it_support.models.offboarding import OffboardingTicketItem
from it_support.models.tickets import Ticket
from it_support.services import tickets as tickets_services
from tests.factories import EmployeeFactory
from tests.it_support.factories import EquipmentFactory

Item = OffboardingTicketItem


@pytest.fixture
def leaver(role_users):
    employee = EmployeeFactory(hire_date=date(2020, 1, 1), first_name="Lea", last_name="Vance")
    EquipmentFactory(tag="LAP-001", name="Laptop", kind="laptop", assigned_to=employee)
    EquipmentFactory(tag="PHN-001", name="Phone", kind="phone", assigned_to=employee)
    dismissals_services.employee_terminate(
        by=role_users["hr"],
        employee=employee,
        kind="end_of_contract",
        reason="Fixed term ended",
        last_day=timezone.localdate() + timedelta(days=7),
    )
    return employee


def hr_item(employee, task) -> OffboardingItem:
    return OffboardingItem.objects.get(termination__employee=employee, task=task)


def settle(client, item, outcome):
    return client.post(
        reverse("it_support:offboarding-item-done", args=[item.pk]),
        {"outcome": outcome},
        follow=True,
    )


def test_a_departure_opens_a_ticket_listing_access_and_each_item(role_users, leaver):
    ticket = Ticket.objects.get(source=Ticket.Source.OFFBOARDING)
    assert ticket.requester == role_users["hr"]
    assert "Lea Vance" in ticket.subject and "LAP-001" in ticket.description
    lines = [(i.kind, i.equipment and i.equipment.tag) for i in ticket.offboarding_items.all()]
    assert lines == [("access", None), ("equipment", "LAP-001"), ("equipment", "PHN-001")]


def test_the_ticket_closes_when_every_item_is_done_and_hr_sees_its_part_done(
    client, role_users, leaver
):
    client.force_login(role_users["it"])
    assert len(client.get(reverse("it_support:offboarding-list")).context["items"]) == 3
    access, laptop, phone = Item.objects.order_by("kind", "pk")
    settle(client, access, "revoked")
    settle(client, laptop, "returned")
    assert hr_item(leaver, "equipment").done_at is None  # one item still out
    response = settle(client, phone, "written_off")
    assert "the ticket is closed and HR told" in response.content.decode()
    ticket = Ticket.objects.get(source=Ticket.Source.OFFBOARDING)
    assert (ticket.status, ticket.closed_by) == (Ticket.Status.CLOSED, role_users["it"])
    assert Equipment.objects.get(tag="LAP-001").status == Equipment.Status.IN_STOCK
    assert Equipment.objects.get(tag="PHN-001").status == Equipment.Status.RETIRED
    assert not Equipment.objects.filter(assigned_to=leaver).exists()
    for task in ("equipment", "access"):
        assert hr_item(leaver, task).done_by == role_users["it"]
    assert hr_item(leaver, "final_pay").done_at is None
    client.force_login(role_users["hr"])
    page = client.get(reverse("hr:offboarding-list")).content.decode()
    assert page.count("Done by IT on") == 2


def test_the_ticket_cannot_be_resolved_while_an_item_is_out(role_users, leaver):
    ticket = Ticket.objects.get(source=Ticket.Source.OFFBOARDING)
    with pytest.raises(ItSupportError, match="each offboarding item first"):
        tickets_services.ticket_resolve(by=role_users["it"], ticket=ticket)


def test_a_wrong_or_repeated_outcome_is_refused_and_changes_nothing(client, role_users, leaver):
    client.force_login(role_users["it"])
    access = Item.objects.get(kind="access")
    assert "does not fit" in settle(client, access, "returned").content.decode()
    settle(client, access, "revoked")
    assert "already done" in settle(client, access, "revoked").content.decode()
    access.refresh_from_db()
    assert (access.outcome, access.done_by) == ("revoked", role_users["it"])


@pytest.mark.parametrize("role", ["hr", "accountant", "employee"])
def test_other_roles_may_not_open_the_page_nor_settle(client, role_users, leaver, role):
    client.force_login(role_users[role])
    assert client.get(reverse("it_support:offboarding-list")).status_code == 403
    item = Item.objects.get(kind="access")
    assert settle(client, item, "revoked").status_code == 403
    item.refresh_from_db()
    assert item.outcome == "open"


def test_it_support_reads_hr_only_through_its_selectors():
    imported = set()
    for path in (Path(settings.BASE_DIR) / "it_support").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.ImportFrom) and node.module:
                imported.add(node.module)
            elif isinstance(node, ast.Import):
                imported.update(alias.name for alias in node.names)
    from_hr = {name for name in imported if name == "hr" or name.startswith("hr.")}
    # Foreign keys name `Employee` (an item's holder, a leaver); HR's records are never written.
    assert from_hr <= {"hr.selectors.offboarding", "hr.selectors.employees", "hr.models.employees"}
