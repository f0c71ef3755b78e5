"""Each item of the inventory shows its tickets, the list names the items that keep failing,
and the new-ticket form asks the knowledge base as the person types."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from it_support.models.tickets import Ticket
from tests.it_support.factories import (
    ArticleFactory,
    EquipmentFactory,
    SystemFactory,
    TicketFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def it_client(client, role_users):
    client.force_login(role_users["it"])
    return client


def test_an_item_page_lists_its_own_tickets_and_counts_the_last_90_days(
    it_client, django_assert_max_num_queries
):
    till, other = EquipmentFactory(tag="REG-7"), EquipmentFactory(tag="REG-8")
    TicketFactory(equipment=till, subject="Drawer does not open")
    old = TicketFactory(equipment=till, subject="Screen flickers")
    Ticket.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=120))
    TicketFactory(equipment=other, subject="Another till's fault")

    with django_assert_max_num_queries(17):
        html = it_client.get(reverse("it_support:equipment-detail", args=[till.pk])).content
    html = html.decode()
    assert "Drawer does not open" in html and "Screen flickers" in html
    assert "Another till&#x27;s fault" not in html and "Another till's fault" not in html
    assert "1 ticket in the last 90 days." in html


def test_a_system_page_lists_the_tickets_about_the_program(it_client):
    program = SystemFactory(name="Casa POS 4")
    TicketFactory(system=program, subject="Receipts print twice")
    html = it_client.get(reverse("it_support:system-detail", args=[program.pk])).content.decode()
    assert "Receipts print twice" in html


def test_the_equipment_list_ranks_the_items_with_most_tickets_in_90_days(it_client):
    flaky, steady = EquipmentFactory(tag="REG-1"), EquipmentFactory(tag="REG-2")
    for _ in range(3):
        TicketFactory(equipment=flaky)
    TicketFactory(equipment=steady)
    html = it_client.get(reverse("it_support:equipment-list")).content.decode()
    section = html[html.index('data-testid="recurring-faults"') :]
    assert section.index("REG-1") < section.index("REG-2")
    assert "3 tickets" in section


def test_the_new_ticket_form_suggests_articles_as_the_subject_is_typed(client, role_users):
    ArticleFactory(title="Imprimanta de bonuri nu printează", body="Verificați rola.")
    client.force_login(role_users["employee"])
    form = client.get(reverse("it_support:ticket-create")).content.decode()
    assert f'hx-get="{reverse("it_support:article-suggest")}"' in form
    assert 'id="article-suggestions"' in form
    # htmx sends the field under its own name as the person types.
    hint = client.get(reverse("it_support:article-suggest"), {"subject": "imprimanta"})
    assert "Imprimanta de bonuri" in hint.content.decode()
