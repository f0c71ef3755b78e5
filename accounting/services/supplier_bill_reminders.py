"""Reminders to the accountants of supplier bills due soon and overdue, once
per bill and state."""

from datetime import date

from django.conf import settings
from django.db import connection, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from accounting.models.payables import SupplierBill, SupplierBillReminder
from accounting.selectors.payables import bills_due_soon, bills_overdue
from backoffice import roles
from backoffice.models import Notification
from backoffice.services import notification_send_to_group

REMINDER_LIST_LENGTH = 20


def _claim_reminders(*, bills, kind: str) -> list[int]:
    """Record a reminder for each of `bills` not yet reminded of `kind`; return their ids.

    One INSERT ... SELECT ... ON CONFLICT DO NOTHING: set-based, and two runs
    at the same time cannot both claim the same bill.
    """
    # The annotated selection nested once more, so the outer select is the id alone.
    chosen = SupplierBill.objects.filter(pk__in=bills.order_by().values("pk")).values("id")
    select, params = chosen.query.sql_with_params()
    table = SupplierBillReminder._meta.db_table
    # "WHERE true" keeps SQLite from reading ON CONFLICT as part of the SELECT.
    sql = (
        f"INSERT INTO {table} (bill_id, kind, sent_at) "  # noqa: S608 (names are ours)
        f"SELECT chosen.id, %s, %s FROM ({select}) AS chosen WHERE true "
        "ON CONFLICT (bill_id, kind) DO NOTHING RETURNING bill_id"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [kind, timezone.now(), *params])
        return [row[0] for row in cursor.fetchall()]


def _remind(*, kind: str, bill_ids: list[int], title: str, level: str, url: str) -> None:
    bills = list(
        SupplierBill.objects.filter(pk__in=bill_ids)
        .select_related("supplier")
        .order_by("due_date", "pk")[:REMINDER_LIST_LENGTH]
    )
    body = "\n".join(f"{bill.due_date}: {bill} ({bill.total})" for bill in bills)
    if len(bill_ids) > len(bills):
        body += "\n" + _("and %(count)s more.") % {"count": len(bill_ids) - len(bills)}
    notification_send_to_group(
        group=roles.ACCOUNTANT,
        title=title,
        body=body,
        url=url,
        level=level,
        source=f"accounting.supplier_bill_{kind}",
    )


@transaction.atomic
def supplier_bill_reminders_send(*, today: date | None = None, days: int | None = None) -> dict:
    """Tell the accountants, once per bill and state, of bills due soon and overdue."""
    today = today or timezone.localdate()
    days = settings.PAYABLES_REMINDER_DAYS if days is None else days
    due_soon = _claim_reminders(
        bills=bills_due_soon(today=today, days=days), kind=SupplierBillReminder.Kind.DUE_SOON
    )
    overdue = _claim_reminders(
        bills=bills_overdue(today=today), kind=SupplierBillReminder.Kind.OVERDUE
    )
    if due_soon:
        _remind(
            kind="due_soon",
            bill_ids=due_soon,
            title=ngettext(
                "%(count)s supplier bill falls due within %(days)s days",
                "%(count)s supplier bills fall due within %(days)s days",
                len(due_soon),
            )
            % {"count": len(due_soon), "days": days},
            level=Notification.Level.INFO,
            url=reverse("accounting:bill-due-soon"),
        )
    if overdue:
        _remind(
            kind="overdue",
            bill_ids=overdue,
            title=ngettext(
                "%(count)s supplier bill is overdue",
                "%(count)s supplier bills are overdue",
                len(overdue),
            )
            % {"count": len(overdue)},
            level=Notification.Level.WARNING,
            url=reverse("accounting:payables-ageing"),
        )
    return {"due_soon": len(due_soon), "overdue": len(overdue)}
