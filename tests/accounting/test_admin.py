from datetime import date

import pytest
from django.urls import reverse

from accounting.models.ledger import JournalEntry
from accounting.services.ledger import journal_entry_create, journal_entry_post


@pytest.fixture
def admin_client(client, role_users):
    client.force_login(role_users["admin"])
    return client


@pytest.fixture
def draft(accountant, cash, sales):
    return journal_entry_create(
        by=accountant,
        date=date(2026, 3, 2),
        description="Till",
        lines=[{"account": cash, "debit": "3.00"}, {"account": sales, "credit": "3.00"}],
    )


def test_the_admin_lists_accounts_and_entries(admin_client, draft):
    for name in ("accounting_account_changelist", "accounting_journalentry_changelist"):
        assert admin_client.get(reverse(f"admin:{name}")).status_code == 200
    assert admin_client.get(reverse("admin:accounting_journalentry_add")).status_code == 200


def test_the_admin_posts_drafts_through_the_service(admin_client, draft):
    response = admin_client.post(
        reverse("admin:accounting_journalentry_changelist"),
        {"action": "post_entries", "_selected_action": [draft.pk]},
    )

    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.status == JournalEntry.Status.POSTED


def test_the_admin_shows_a_posted_entry_read_only(admin_client, accountant, draft):
    journal_entry_post(by=accountant, entry=draft)
    url = reverse("admin:accounting_journalentry_change", args=[draft.pk])

    response = admin_client.get(url)

    assert response.status_code == 200
    assert response.context["has_change_permission"] is False
    assert response.context["has_delete_permission"] is False
