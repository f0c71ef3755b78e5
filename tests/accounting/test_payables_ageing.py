"""Accounts payable ageing, bills due soon, and the daily reminders."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from accounting.models.payables import SupplierBillReminder
from accounting.selectors import payables as payables_selectors
from accounting.selectors.payables import AGEING_BUCKETS
from accounting.services.supplier_bill_reminders import supplier_bill_reminders_send
from accounting.services.supplier_bills import supplier_bill_create
from accounting.tasks import supplier_bill_reminders_task
from backoffice.models import Notification
from tests.accounting.factories import SupplierFactory
from tests.accounting.payables import line, paid_batch, posted_bill

AS_OF = date(2026, 6, 30)


@pytest.fixture
def alpha(standard_chart):
    return SupplierFactory(name="Alpha SRL", payment_terms_days=0)


@pytest.fixture
def beta(standard_chart):
    return SupplierFactory(name="Beta SRL", payment_terms_days=0)


def bill(bookkeeper, controller, supplier, number, *, due, price="100.00", bill_date=None):
    """A posted bill of `price` + 21% VAT that falls due on `due`."""
    return posted_bill(
        by=bookkeeper,
        approver=controller,
        supplier=supplier,
        number=number,
        bill_date=bill_date or due - timedelta(days=1),
        due_date=due,
        lines=[line(price)],
    )


def test_open_amounts_fall_in_buckets_by_days_overdue_and_total_the_ledger(
    bookkeeper, controller, alpha, beta, django_assert_num_queries
):
    days = [0, -1, 1, 30, 31, 60, 61, 90, 91, 400]  # days overdue; -1 is due tomorrow
    for n, overdue in enumerate(days):
        bill(bookkeeper, controller, alpha, f"A-{n}", due=AS_OF - timedelta(days=overdue))
    half_paid = bill(bookkeeper, controller, beta, "B-1", due=AS_OF - timedelta(days=45))
    paid = bill(bookkeeper, controller, beta, "B-2", due=AS_OF - timedelta(days=5))
    paid_batch(
        by=bookkeeper,
        approver=controller,
        payment_date=AS_OF - timedelta(days=1),
        payments=[
            {"bill": half_paid, "amount": Decimal("60.50")},
            {"bill": paid, "amount": Decimal("121.00")},
        ],
    )

    with django_assert_num_queries(1):
        ageing = payables_selectors.payables_ageing(as_of=AS_OF)

    rows = {row["supplier__name"]: row for row in ageing["rows"]}
    assert set(rows) == {"Alpha SRL", "Beta SRL"}
    bill_amount = Decimal("121.00")
    assert {k: rows["Alpha SRL"][k] for k in AGEING_BUCKETS} == {
        "current": 2 * bill_amount,  # due today and due tomorrow
        "days_1_30": 2 * bill_amount,
        "days_31_60": 2 * bill_amount,
        "days_61_90": 2 * bill_amount,
        "over_90": 2 * bill_amount,
    }
    assert rows["Beta SRL"]["days_31_60"] == Decimal("60.50")
    assert rows["Beta SRL"]["total"] == Decimal("60.50")
    assert ageing["totals"]["total"] == 10 * bill_amount + Decimal("60.50")
    assert ageing["totals"]["total"] == payables_selectors.payables_ledger_balance()


def test_the_ageing_as_of_an_earlier_date_ignores_later_bills_and_payments(
    bookkeeper, controller, alpha
):
    early = bill(bookkeeper, controller, alpha, "A-1", due=date(2026, 3, 31))
    bill(bookkeeper, controller, alpha, "A-2", due=date(2026, 7, 31), bill_date=date(2026, 6, 1))
    paid_batch(
        by=bookkeeper,
        approver=controller,
        payment_date=date(2026, 5, 1),
        payments=[{"bill": early, "amount": early.total}],
    )

    april = payables_selectors.payables_ageing(as_of=date(2026, 4, 15))
    assert april["totals"]["total"] == Decimal("121.00")
    assert april["totals"]["days_1_30"] == Decimal("121.00")
    may = payables_selectors.payables_ageing(as_of=date(2026, 5, 15))
    assert may["rows"] == []
    assert may["totals"]["total"] == Decimal("0.00")


def test_bills_due_soon_are_the_open_posted_ones_within_the_window(bookkeeper, controller, alpha):
    today = AS_OF
    bill(bookkeeper, controller, alpha, "in-3", due=today + timedelta(days=3))
    bill(bookkeeper, controller, alpha, "in-14", due=today + timedelta(days=14))
    bill(bookkeeper, controller, alpha, "in-15", due=today + timedelta(days=15))
    bill(bookkeeper, controller, alpha, "late", due=today - timedelta(days=1))
    paid = bill(bookkeeper, controller, alpha, "paid", due=today + timedelta(days=2))
    paid_batch(
        by=bookkeeper,
        approver=controller,
        payment_date=today - timedelta(days=1),
        payments=[{"bill": paid, "amount": paid.total}],
    )
    supplier_bill_create(
        by=bookkeeper,
        supplier=alpha,
        number="draft",
        bill_date=today,
        due_date=today + timedelta(days=1),
        lines=[line()],
    )

    numbers = [b.number for b in payables_selectors.bills_due_soon(today=today, days=14)]

    assert numbers == ["in-3", "in-14"]


def test_the_daily_reminder_tells_accountants_once_per_bill_and_state(
    bookkeeper, controller, alpha, settings
):
    settings.PAYABLES_REMINDER_DAYS = 7
    today = timezone.localdate()
    soon = bill(bookkeeper, controller, alpha, "soon", due=today + timedelta(days=5))
    bill(bookkeeper, controller, alpha, "late", due=today - timedelta(days=3))
    bill(bookkeeper, controller, alpha, "later", due=today + timedelta(days=20))

    first = supplier_bill_reminders_task.delay().get()
    second = supplier_bill_reminders_task.delay().get()

    assert first == {"due_soon": 1, "overdue": 1}
    assert second == {"due_soon": 0, "overdue": 0}
    mine = Notification.objects.filter(recipient=bookkeeper).order_by("pk")
    assert [n.source for n in mine] == [
        "accounting.supplier_bill_due_soon",
        "accounting.supplier_bill_overdue",
    ]
    assert "soon" in mine[0].body and "late" in mine[1].body
    assert not Notification.objects.filter(recipient=controller).exists()

    # When the due-soon bill becomes overdue it is a new state: one more notice.
    assert supplier_bill_reminders_send(today=soon.due_date + timedelta(days=1), days=7) == {
        "due_soon": 0,
        "overdue": 1,
    }
    assert SupplierBillReminder.objects.count() == 3
    assert Notification.objects.filter(recipient=bookkeeper).count() == 3
