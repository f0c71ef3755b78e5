"""IT's inventory pages: systems and equipment filtered, searched and paginated in a bounded
number of queries; created and edited through services with history; equipment handed to
an employee."""

import pytest
from django.urls import reverse

from it_support.models.inventory import Equipment, System
from tests.factories import EmployeeFactory
from tests.it_support.factories import (
    ChangeRequestFactory,
    EquipmentFactory,
    MaintenancePlanFactory,
    SystemFactory,
)


@pytest.fixture
def it_client(client, role_users):
    client.force_login(role_users["it"])
    return client


def test_the_equipment_list_filters_by_kind_and_searches_location(it_client):
    EquipmentFactory(tag="CASA-1", kind=Equipment.Kind.REGISTER, location="Magazin Obor")
    EquipmentFactory(tag="PRN-1", kind=Equipment.Kind.PRINTER, location="Magazin Obor")
    EquipmentFactory(tag="CASA-2", kind=Equipment.Kind.REGISTER, location="Magazin Unirii")
    response = it_client.get(
        reverse("it_support:equipment-list"), {"kind": "register", "q": "obor"}
    )
    tags = [e.tag for e in response.context["page"].object_list]
    assert tags == ["CASA-1"]


def test_the_lists_run_a_bounded_number_of_queries_whatever_the_rows(
    it_client, django_assert_max_num_queries
):
    system = SystemFactory()
    EquipmentFactory.create_batch(60, system=system, assigned_to=EmployeeFactory())
    SystemFactory.create_batch(30, owner=EmployeeFactory())
    for name in ["equipment-list", "system-list", "licence-list", "maintenance-list"]:
        with django_assert_max_num_queries(12):
            response = it_client.get(reverse(f"it_support:{name}"))
        assert response.status_code == 200
    assert len(it_client.get(reverse("it_support:equipment-list")).context["page"]) == 50


def test_an_item_page_shows_its_changes_maintenance_and_the_ticket_history_place(
    it_client, role_users, django_assert_max_num_queries
):
    system = SystemFactory()
    item = EquipmentFactory(system=system)
    ChangeRequestFactory(system=system, title="Faster card payments")
    MaintenancePlanFactory(equipment=item, system=None, title="Clean the printer head")
    with django_assert_max_num_queries(15):
        page = it_client.get(reverse("it_support:equipment-detail", args=[item.pk]))
    html = page.content.decode()
    assert "Faster card payments" in html
    assert "Clean the printer head" in html
    assert 'data-testid="ticket-history"' in html


def test_a_system_is_created_and_edited_with_its_history(it_client, role_users):
    owner = EmployeeFactory()
    data = {
        "name": "Program de casă",
        "kind": "cash_register",
        "owner": owner.pk,
        "criticality": "critical",
        "active": "on",
    }
    response = it_client.post(reverse("it_support:system-create"), data)
    system = System.objects.get(name="Program de casă")
    assert response.status_code == 302
    it_client.post(reverse("it_support:system-edit", args=[system.pk]), data | {"version": "5.1"})
    system.refresh_from_db()
    assert system.version == "5.1"
    history = list(system.history.order_by("history_date"))
    assert [h.history_user for h in history] == [role_users["it"]] * 2
    assert history[-1].history_change_reason == "Edited"


def test_a_warranty_ending_before_purchase_is_refused_and_nothing_is_saved(it_client):
    data = {
        "tag": "PC-9",
        "name": "PC",
        "kind": "pc",
        "status": "in_use",
        "purchase_date": "2025-05-01",
        "warranty_end": "2024-05-01",
    }
    response = it_client.post(reverse("it_support:equipment-create"), data)
    assert response.status_code == 200
    assert "warranty cannot end before purchase" in response.content.decode()
    assert not Equipment.objects.filter(tag="PC-9").exists()


def test_equipment_is_assigned_to_an_employee_and_taken_back_into_stock(it_client, role_users):
    item = EquipmentFactory(status=Equipment.Status.IN_STOCK)
    cashier = EmployeeFactory(first_name="Ana", last_name="Pop")
    url = reverse("it_support:equipment-assign", args=[item.pk])
    it_client.post(url, {"employee": cashier.pk})
    item.refresh_from_db()
    assert (item.assigned_to, item.status) == (cashier, Equipment.Status.IN_USE)
    assert item.history.first().history_change_reason == "Assigned to Ana Pop"
    it_client.post(url, {"employee": ""})
    item.refresh_from_db()
    assert (item.assigned_to, item.status) == (None, Equipment.Status.IN_STOCK)
