from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from accounting.models.ledger import FiscalPeriod, JournalEntry
from accounting.services.ledger import (
    LedgerError,
    fiscal_period_close,
    fiscal_period_reopen,
    fiscal_year_create,
    journal_entry_create,
    journal_entry_post,
)

DAY = date(2026, 3, 2)


def draft(*, by, cash, sales, day=DAY):
    return journal_entry_create(
        by=by,
        date=day,
        description="Cash sale",
        lines=[
            {"account": cash, "debit": Decimal("50.00")},
            {"account": sales, "credit": Decimal("50.00")},
        ],
    )


@pytest.fixture
def year(role_users):
    return fiscal_year_create(by=role_users["accountant"], start=date(2026, 1, 1))


def march(year):
    return year.periods.get(start=date(2026, 3, 1))


def test_a_fiscal_year_has_twelve_monthly_periods(year):
    periods = list(year.periods.all())
    assert len(periods) == 12
    assert (periods[1].start, periods[1].end) == (date(2026, 2, 1), date(2026, 2, 28))
    assert periods[-1].end == year.end == date(2026, 12, 31)


def test_closing_a_period_refuses_posting_into_it_and_nothing_changes(
    role_users, year, cash, sales
):
    accountant = role_users["accountant"]
    fiscal_period_close(by=accountant, period=march(year))
    entry = draft(by=accountant, cash=cash, sales=sales)

    with pytest.raises(LedgerError, match="closed"):
        journal_entry_post(by=accountant, entry=entry)

    entry.refresh_from_db()
    assert entry.status == JournalEntry.Status.DRAFT
    assert entry.posted_at is None


def test_posting_outside_every_period_is_refused_once_a_year_exists(role_users, year, cash, sales):
    accountant = role_users["accountant"]
    entry = draft(by=accountant, cash=cash, sales=sales, day=date(2027, 1, 5))

    with pytest.raises(LedgerError, match="No fiscal period"):
        journal_entry_post(by=accountant, entry=entry)


def test_posting_is_allowed_when_no_fiscal_year_is_defined(accountant, cash, sales):
    entry = journal_entry_post(by=accountant, entry=draft(by=accountant, cash=cash, sales=sales))
    assert entry.is_posted


def test_reopening_needs_the_permission(role_users, year):
    period = fiscal_period_close(by=role_users["accountant"], period=march(year))

    with pytest.raises(LedgerError):
        fiscal_period_reopen(by=role_users["accountant"], period=period, reason="Late invoice")

    period.refresh_from_db()
    assert period.is_closed


def test_reopening_records_the_reason_in_history(role_users, year, cash, sales):
    period = fiscal_period_close(by=role_users["accountant"], period=march(year))

    fiscal_period_reopen(by=role_users["admin"], period=period, reason="Late supplier invoice")

    latest = period.history.latest()
    assert latest.status == FiscalPeriod.Status.OPEN
    assert latest.history_change_reason == "Late supplier invoice"
    assert latest.history_user == role_users["admin"]
    entry = draft(by=role_users["accountant"], cash=cash, sales=sales)
    assert journal_entry_post(by=role_users["accountant"], entry=entry).is_posted


def test_reopening_without_a_reason_is_refused(role_users, year):
    period = fiscal_period_close(by=role_users["accountant"], period=march(year))

    with pytest.raises(LedgerError, match="why"):
        fiscal_period_reopen(by=role_users["admin"], period=period, reason="  ")


def test_an_accountant_closes_a_period_through_the_view(client, role_users, year):
    client.force_login(role_users["accountant"])
    period = march(year)

    response = client.post(reverse("accounting:period-close", kwargs={"pk": period.pk}))

    assert response.status_code == 302
    period.refresh_from_db()
    assert period.is_closed


def test_an_admin_reopens_a_period_through_the_view_with_a_reason(client, role_users, year):
    period = fiscal_period_close(by=role_users["accountant"], period=march(year))
    client.force_login(role_users["admin"])

    client.post(
        reverse("accounting:period-reopen", kwargs={"pk": period.pk}), {"reason": "Audit fix"}
    )

    assert period.history.latest().history_change_reason == "Audit fix"


def test_the_period_list_shows_close_buttons_to_an_accountant(client, role_users, year):
    client.force_login(role_users["accountant"])

    response = client.get(reverse("accounting:period-list"))

    assert response.status_code == 200
    assert reverse("accounting:period-close", kwargs={"pk": march(year).pk}) in response.text


def test_posting_and_reversing_through_the_views_works(client, role_users, year, cash, sales):
    entry = draft(by=role_users["accountant"], cash=cash, sales=sales)
    client.force_login(role_users["accountant"])

    client.post(reverse("accounting:entry-post", kwargs={"pk": entry.pk}))
    entry.refresh_from_db()
    assert entry.is_posted
    client.post(reverse("accounting:entry-reverse", kwargs={"pk": entry.pk}))

    assert JournalEntry.objects.get(reverses=entry).is_posted


@pytest.mark.parametrize("line_pairs", [1, 20])
def test_the_entry_detail_page_query_count_is_bounded(
    client, role_users, cash, sales, django_assert_max_num_queries, line_pairs
):
    lines = []
    for _n in range(line_pairs):
        lines += [{"account": cash, "debit": "1.00"}, {"account": sales, "credit": "1.00"}]
    entry = journal_entry_create(
        by=role_users["accountant"], date=DAY, description="x", lines=lines
    )
    client.force_login(role_users["controller"])

    with django_assert_max_num_queries(12):
        response = client.get(reverse("accounting:entry-detail", kwargs={"pk": entry.pk}))

    assert response.status_code == 200


def entry_data(cash, sales, debit="10.00", credit="10.00"):
    return {
        "date": "2026-03-02",
        "description": "Sale",
        "lines-TOTAL_FORMS": "2",
        "lines-INITIAL_FORMS": "0",
        "lines-MIN_NUM_FORMS": "2",
        "lines-MAX_NUM_FORMS": "1000",
        "lines-0-account": cash.pk,
        "lines-0-debit": debit,
        "lines-1-account": sales.pk,
        "lines-1-credit": credit,
    }


def test_the_entry_form_with_unbalanced_lines_shows_a_clear_error_and_saves_nothing(
    client, role_users, cash, sales
):
    client.force_login(role_users["accountant"])

    response = client.post(
        reverse("accounting:entry-create"), entry_data(cash, sales, credit="9.00")
    )

    assert response.status_code == 200
    assert "does not balance" in response.text
    assert not JournalEntry.objects.exists()


@pytest.mark.parametrize("amount", ["12.345", "abc"])
def test_a_bad_amount_shows_a_field_error(client, role_users, cash, sales, amount):
    client.force_login(role_users["accountant"])

    response = client.post(reverse("accounting:entry-create"), entry_data(cash, sales, amount))

    assert response.status_code == 200
    assert response.context["formset"].forms[0].errors["debit"]
    assert not JournalEntry.objects.exists()


def test_a_balanced_entry_form_saves_a_draft(client, role_users, cash, sales):
    client.force_login(role_users["accountant"])

    response = client.post(reverse("accounting:entry-create"), entry_data(cash, sales))

    entry = JournalEntry.objects.get()
    assert response.url == reverse("accounting:entry-detail", kwargs={"pk": entry.pk})
    assert entry.lines.count() == 2
