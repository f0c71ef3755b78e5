"""The demo company's accounts payable: a year of supplier bills and payments.

Bills are entered by the demo accountant and approved by the demo
controller; each posted bill and paid batch has the balanced journal entry
the services write (same accounts, same source keys), written set-based so
`seed_demo` stays quick. Most bills are paid by a batch
at the end of each month; the last weeks' bills are open, and a few older
ones are overdue or paid in part, so the ageing page has something to show.

Suppliers are looked up by tax id, so the purchasing demo and this one share
them whichever runs first. Running again changes nothing.
"""

import random
from collections import defaultdict
from datetime import date, timedelta
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history

from accounting.chart import account_for
from accounting.models.ledger import Account, JournalEntry, JournalLine
from accounting.models.payables import (
    Payment,
    PaymentBatch,
    Supplier,
    SupplierBill,
    SupplierBillLine,
)
from accounting.money import ZERO, line_amounts, to_cent
from accounting.services.ledger import _add_months

User = get_user_model()
DEMO_PREFIX = "DEMO-"
DEMO_USERS = ["accountant", "controller"]
VAT = Decimal("21")

# tax id: (name, kind, bank code + account, BIC, expense account, items)
DEMO_SUPPLIERS = {
    "RO14399840": (
        "Papetăria Centrală SRL",
        Supplier.Kind.WAREHOUSE,
        "BTRL0000001234567890",
        "BTRLRO22",
        "604",
        [("Hârtie A4, cutie", "89.90"), ("Toner imprimantă", "349.00"), ("Dosare", "4.50")],
    ),
    "RO22334455": (
        "Electrica Furnizare SA",
        Supplier.Kind.SERVICES,
        "RNCB0000009876543210",
        "RNCBROBU",
        "605",
        [("Energie electrică", "1840.00")],
    ),
    "RO30112233": (
        "Imobiliara Nord SRL",
        Supplier.Kind.SERVICES,
        "BRDE0000005555666677",
        "BRDEROBU",
        "612",
        [("Chirie spațiu comercial", "6500.00")],
    ),
    "RO18776655": (
        "Trans Cargo Express SRL",
        Supplier.Kind.SERVICES,
        "INGB0000001122334455",
        "INGBROBU",
        "624",
        [("Transport marfă", "420.00"), ("Manipulare paleți", "65.00")],
    ),
    "RO40998877": (
        "Distribuția Alimentară SA",
        Supplier.Kind.WAREHOUSE,
        "BACX0000007766554433",
        "BACXROBU",
        "371",
        [("Cafea boabe 1 kg", "62.40"), ("Apă minerală bax", "14.90"), ("Biscuiți", "3.20")],
    ),
}


def _iban(country: str, bban: str) -> str:
    """A well-formed IBAN for `bban` (check digits computed, ISO 13616)."""
    digits = "".join(str(int(c, 36)) for c in f"{bban}{country}00")
    return f"{country}{98 - int(digits) % 97:02d}{bban}"


def _suppliers() -> list[Supplier]:
    accounts = dict(Account.objects.values_list("code", "pk"))
    suppliers = []
    for tax_id, (name, kind, bban, bic, account, _items) in DEMO_SUPPLIERS.items():
        supplier, _created = Supplier.objects.get_or_create(
            tax_id=tax_id,
            defaults={
                "name": name,
                "kind": kind,
                "iban": _iban("RO", bban),
                "bic": bic,
                "email": f"facturi@{tax_id.lower()}.example",
                "payment_terms_days": 30,
                "default_expense_account_id": accounts.get(account),
            },
        )
        suppliers.append(supplier)
    return suppliers


class _Ledger:
    """Journal entries written set-based: drafts with their lines, then posted at once."""

    def __init__(self, *, by, now):
        self.by, self.now = by, now
        self.entries: list[tuple[JournalEntry, list[JournalLine]]] = []

    def add(self, *, day, description, source, source_key, lines) -> JournalEntry:
        entry = JournalEntry(
            date=day,
            description=description[:255],
            source=source,
            source_key=source_key,
            created_by=self.by,
        )
        self.entries.append((entry, [JournalLine(**line) for line in lines]))
        return entry

    def write(self) -> None:
        JournalEntry.objects.bulk_create([entry for entry, _lines in self.entries])
        lines = []
        for entry, entry_lines in self.entries:
            for line in entry_lines:
                line.entry = entry
                lines.append(line)
        JournalLine.objects.bulk_create(lines, batch_size=2000)
        # Posted only now: the database refuses lines added to a posted entry.
        JournalEntry.objects.filter(pk__in=[entry.pk for entry, _lines in self.entries]).update(
            status=JournalEntry.Status.POSTED, posted_by=self.by, posted_at=self.now
        )


def _bill(supplier, index, *, bill_date, rng, users, now) -> tuple[SupplierBill, list]:
    items = DEMO_SUPPLIERS[supplier.tax_id][5]
    # A supplier the purchasing demo made first may have no default account.
    account_id = supplier.default_expense_account_id or account_for("default_expense").pk
    lines = []
    for item, price in rng.sample(items, k=rng.randint(1, len(items))):
        quantity = Decimal(rng.randint(1, 40) if len(items) > 1 else 1)
        net, vat = line_amounts(quantity=quantity, unit_price=Decimal(price), vat_rate=VAT)
        lines.append(
            SupplierBillLine(
                description=item,
                account_id=account_id,
                quantity=quantity,
                unit_price=Decimal(price),
                vat_rate=VAT,
                net_amount=net,
                vat_amount=vat,
            )
        )
    net = sum((line.net_amount for line in lines), ZERO)
    vat = sum((line.vat_amount for line in lines), ZERO)
    bill = SupplierBill(
        supplier=supplier,
        number=f"{DEMO_PREFIX}{bill_date:%y%m}-{index + 1}",
        bill_date=bill_date,
        due_date=bill_date + timedelta(days=supplier.payment_terms_days),
        status=SupplierBill.Status.POSTED,
        net_amount=net,
        vat_amount=vat,
        total=net + vat,
        created_by=users["accountant"],
        approved_by=users["controller"],
        approved_at=now,
    )
    return bill, lines


def _bills(suppliers, *, today, rng, users, now) -> list[SupplierBill]:
    start = _add_months(today.replace(day=1), -12)
    bills, lines = [], []
    for month in range(13):
        first = _add_months(start, month)
        for index, supplier in enumerate(suppliers):
            bill_date = first + timedelta(days=2 + 4 * index)
            if bill_date <= today:
                bill, bill_lines = _bill(
                    supplier, index, bill_date=bill_date, rng=rng, users=users, now=now
                )
                bills.append(bill)
                lines.append(bill_lines)
    bulk_create_with_history(bills, SupplierBill, default_user=users["accountant"])
    for bill, bill_lines in zip(bills, lines, strict=True):
        for line in bill_lines:
            line.bill = bill
    SupplierBillLine.objects.bulk_create([line for group in lines for line in group])
    return bills


def _post_bills(bills, ledger: _Ledger) -> None:
    payables, vat_deductible = account_for("payables"), account_for("vat_deductible")
    nets = defaultdict(lambda: ZERO)
    for line in SupplierBillLine.objects.filter(bill__in=bills):
        nets[(line.bill_id, line.account_id)] += line.net_amount
    for bill in bills:
        description = str(bill)
        lines = [
            {"account_id": account, "debit": net, "description": description}
            for (bill_id, account), net in nets.items()
            if bill_id == bill.pk
        ]
        if bill.vat_amount:
            lines.append({"account": vat_deductible, "debit": bill.vat_amount})
        lines.append({"account": payables, "credit": bill.total, "description": description})
        bill.journal_entry = ledger.add(
            day=bill.bill_date,
            description=_("Bill %(number)s from %(supplier)s")
            % {"number": bill.number, "supplier": bill.supplier},
            source=JournalEntry.Source.SUPPLIER_BILL,
            source_key=f"supplier-bill:{bill.pk}",
            lines=lines,
        )


def _payment_plan(bills, *, today, rng) -> list[tuple[date, list[tuple[SupplierBill, Decimal]]]]:
    """Monthly batches paying what falls due by mid next month, bar a few left open."""
    older = [bill for bill in bills if bill.due_date < today - timedelta(days=40)]
    unpaid = set(rng.sample([bill.number for bill in older], k=min(3, len(older))))
    left = {bill.pk: bill.total for bill in bills}
    plan = []
    month_end = _add_months(today.replace(day=1), -11) - timedelta(days=1)
    while month_end < today - timedelta(days=20):
        horizon = month_end + timedelta(days=15)
        due = [
            (bill, left[bill.pk])
            for bill in bills
            if bill.bill_date <= month_end
            and bill.due_date <= horizon
            and left[bill.pk]
            and bill.number not in unpaid
        ]
        for bill, amount in due:
            left[bill.pk] -= amount
        if due:
            plan.append((month_end, due))
        month_end = _add_months(month_end + timedelta(days=1), 1) - timedelta(days=1)
    # An instalment on two bills not yet due, paid yesterday.
    yesterday = today - timedelta(days=1)
    current = [b for b in bills if b.due_date >= today and b.bill_date <= yesterday][:2]
    if current:
        plan.append((yesterday, [(bill, to_cent(bill.total / 2)) for bill in current]))
    return plan


def _pay(plan, ledger: _Ledger, *, users, now) -> list[PaymentBatch]:
    bank, payables = account_for("bank"), account_for("payables")
    batches = [
        PaymentBatch(
            reference=f"PAY-{day:%Y%m%d}-1",
            payment_date=day,
            bank_account=bank,
            status=PaymentBatch.Status.POSTED,
            created_by=users["accountant"],
            approved_by=users["controller"],
            approved_at=now,
            exported_at=now,
        )
        for day, _payments in plan
    ]
    bulk_create_with_history(batches, PaymentBatch, default_user=users["accountant"])
    payments = []
    for batch, (day, paid) in zip(batches, plan, strict=True):
        payments += [Payment(batch=batch, bill=bill, amount=amount) for bill, amount in paid]
        by_supplier = defaultdict(lambda: ZERO)
        for bill, amount in paid:
            by_supplier[bill.supplier.name] += amount
        lines = [
            {"account": payables, "debit": amount, "description": name}
            for name, amount in sorted(by_supplier.items())
        ]
        lines.append({"account": bank, "credit": sum(by_supplier.values(), ZERO)})
        batch.journal_entry = ledger.add(
            day=day,
            description=_("Supplier payments %(reference)s") % {"reference": batch.reference},
            source=JournalEntry.Source.PAYMENT,
            source_key=f"payment-batch:{batch.pk}",
            lines=lines,
        )
    Payment.objects.bulk_create(payments)
    return batches


@transaction.atomic
def payables_demo_create(*, today: date | None = None) -> int:
    """Add the demo year of bills and payments once; returns how many bills were added.

    Set-based (a few dozen queries for the year), writing exactly what the
    services would: bills with their totals, one balanced entry per bill and
    per batch, each with the source key the services use.
    """
    if SupplierBill.objects.filter(number__startswith=DEMO_PREFIX).exists():
        return 0
    users = {user.username: user for user in User.objects.filter(username__in=DEMO_USERS)}
    today = today or timezone.localdate()
    now = timezone.now()
    rng = random.Random(20260401)
    suppliers = _suppliers()
    bills = _bills(suppliers, today=today, rng=rng, users=users, now=now)
    ledger = _Ledger(by=users["accountant"], now=now)
    _post_bills(bills, ledger)
    batches = _pay(_payment_plan(bills, today=today, rng=rng), ledger, users=users, now=now)
    ledger.write()
    SupplierBill.objects.bulk_update(bills, ["journal_entry"])
    PaymentBatch.objects.bulk_update(batches, ["journal_entry"])
    return len(bills)
