"""The demo company's purchasing: suppliers and a year of purchase orders.

Called by `seed_demo` after the chart of accounts is installed. Suppliers
are looked up by tax id before they are created; the orders, their lines
and goods receipts are written set-based (bulk_create) only when the
database has no purchase order yet, so a second run changes nothing.
"""

import random
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from decimal import Decimal

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from accounting.models.ledger import Account
from accounting.models.payables import (
    GoodsReceipt,
    GoodsReceiptLine,
    PurchaseOrder,
    PurchaseOrderLine,
    Supplier,
)
from accounting.money import line_amounts
from accounting.services.numbering import document_numbers_reserve
from accounting.services.purchasing import PO_SERIES

Status = PurchaseOrder.Status
Kind = Supplier.Kind
CUI_KEY = "753217532"
ORDERS_PER_MONTH = 10


def romanian_tax_id(base: int) -> str:
    """A CUI with its control digit (key 753217532), prefixed RO for VAT payers."""
    digits = str(base)
    padded = digits.rjust(9, "0")
    control = sum(int(d) * int(k) for d, k in zip(padded, CUI_KEY, strict=True)) * 10 % 11
    return f"RO{digits}{control % 10}"


def romanian_iban(bank: str, account: str) -> str:
    """An IBAN of a Romanian bank (4 letters) and a 16-character account, check digits computed."""
    bban = f"{bank}{account}".upper()
    numeric = "".join(str(int(c, 36)) for c in bban + "RO00")
    return f"RO{98 - int(numeric) % 97:02d}{bban}"


@dataclass(frozen=True)
class DemoSupplier:
    name: str
    kind: str
    tax_base: int
    bank: str
    email: str
    account_code: str
    items: tuple[tuple[str, str, str], ...]  # item, unit price, line account code


SUPPLIERS = [
    DemoSupplier(
        "Mobila Carpați SA",
        Kind.MANUFACTURER,
        1459871,
        "BTRL",
        "comenzi@mobilacarpati.example",
        "371",
        (
            ("Shelving unit 180 cm", "640.00", "371"),
            ("Display table oak", "1180.00", "371"),
            ("Cash desk counter", "3450.00", "2131"),
        ),
    ),
    DemoSupplier(
        "Textila Moldova SRL",
        Kind.MANUFACTURER,
        2734519,
        "BRDE",
        "vanzari@textilamoldova.example",
        "371",
        (
            ("Cotton T-shirt, pack of 10", "185.50", "371"),
            ("Wool scarf", "42.90", "371"),
            ("Denim jacket", "219.00", "371"),
        ),
    ),
    DemoSupplier(
        "Electro Banat SRL",
        Kind.MANUFACTURER,
        3318205,
        "RNCB",
        "office@electrobanat.example",
        "2131",
        (
            ("POS terminal", "1890.00", "2131"),
            ("Barcode scanner", "412.75", "2131"),
            ("Label printer", "960.00", "2131"),
        ),
    ),
    DemoSupplier(
        "Depozitul Central Logistic SRL",
        Kind.WAREHOUSE,
        4102387,
        "INGB",
        "orders@depozitulcentral.example",
        "371",
        (
            ("Mineral water 0.5 l, pallet", "540.00", "371"),
            ("Coffee beans 1 kg", "64.30", "371"),
            ("Chocolate bar, box of 24", "96.00", "371"),
        ),
    ),
    DemoSupplier(
        "Distribuție Nord SRL",
        Kind.WAREHOUSE,
        5290114,
        "BACX",
        "comenzi@distributienord.example",
        "302",
        (
            ("Shopping bags, 1000", "310.00", "302"),
            ("Receipt paper rolls, 50", "87.50", "302"),
            ("Cleaning supplies kit", "145.20", "302"),
        ),
    ),
    DemoSupplier(
        "CurățenieExpert SRL",
        Kind.SERVICES,
        6183947,
        "BTRL",
        "contact@curatenieexpert.example",
        "628",
        (("Monthly store cleaning", "2400.00", "628"), ("Window cleaning", "380.00", "628")),
    ),
    DemoSupplier(
        "Transport Rapid Dunărea SRL",
        Kind.SERVICES,
        7051236,
        "CECE",
        "dispecerat@transportrapid.example",
        "624",
        (("Pallet delivery Bucharest", "210.00", "624"), ("Truck rental, day", "1150.00", "624")),
    ),
    DemoSupplier(
        "ServIT Mentenanță SRL",
        Kind.SERVICES,
        8364420,
        "RZBR",
        "suport@servit.example",
        "611",
        (
            ("Equipment maintenance visit", "450.00", "611"),
            ("Network cabling, hour", "120.00", "611"),
        ),
    ),
]


def suppliers_install() -> list[Supplier]:
    accounts = dict(Account.objects.values_list("code", "pk"))
    existing = {s.tax_id: s for s in Supplier.objects.all()}
    new = []
    for index, demo in enumerate(SUPPLIERS, start=1):
        tax_id = romanian_tax_id(demo.tax_base)
        if tax_id in existing:
            continue
        new.append(
            Supplier(
                name=demo.name,
                kind=demo.kind,
                tax_id=tax_id,
                contact_name=["Ana Pop", "Dan Ilie", "Ioana Vlad", "Sorin Mihai"][index % 4],
                email=demo.email,
                phone=f"+40 21 555 {index:04d}",
                address=f"Str. Industriei {index * 7}, București",
                iban=romanian_iban(demo.bank, f"{demo.tax_base:016d}"),
                bank_name={"BTRL": "Banca Transilvania", "BRDE": "BRD"}.get(demo.bank, demo.bank),
                payment_terms_days=[30, 45, 15, 60][index % 4],
                default_expense_account_id=accounts.get(demo.account_code),
            )
        )
    Supplier.objects.bulk_create(new)
    by_tax_id = {s.tax_id: s for s in Supplier.objects.all()}
    return [by_tax_id[romanian_tax_id(demo.tax_base)] for demo in SUPPLIERS]


RECENT_STATUSES = [
    Status.DRAFT,
    Status.AWAITING_APPROVAL,
    Status.APPROVED,
    Status.SENT,
    Status.PARTIALLY_RECEIVED,
]


def _status_for(age_days: int, rng: random.Random, position: int) -> str:
    """Older orders have run their course; recent ones are still on their way."""
    if age_days > 90:
        return rng.choices([Status.CLOSED, Status.RECEIVED, Status.CANCELLED], [6, 3, 1])[0]
    if age_days > 30:
        return rng.choices(
            [Status.RECEIVED, Status.PARTIALLY_RECEIVED, Status.SENT, Status.CLOSED], [4, 2, 2, 2]
        )[0]
    # Every open state shows up in the demo, whatever the draw.
    return RECENT_STATUSES[position % len(RECENT_STATUSES)]


def _at(day, hour: int):
    return timezone.make_aware(datetime.combine(day, time(hour, 0)))


@transaction.atomic
def purchasing_demo_install(*, months: int = 12, seed: int = 2026) -> int:
    """Install the demo suppliers and, on a database without orders, a year of them.

    Returns how many orders were added.
    """
    suppliers = suppliers_install()
    if PurchaseOrder.objects.exists():
        return 0
    User = get_user_model()
    users = {u.username: u for u in User.objects.filter(username__in=["accountant", "controller"])}
    preparer = users.get("accountant") or User.objects.filter(is_superuser=True).first()
    approver = users.get("controller")
    if preparer is None:
        return 0
    rng = random.Random(seed)
    today = timezone.localdate()
    days = sorted(
        today - timedelta(days=rng.randrange(0, months * 30))
        for _ in range(months * ORDERS_PER_MONTH)
    )
    orders, lines_of = [], []
    for position, day in enumerate(days):
        order, lines = _order(position, day, rng=rng, suppliers=suppliers, today=today)
        order.created_by = preparer
        if order.approved_at and _total(lines) > settings.PURCHASE_APPROVAL_THRESHOLD:
            order.approved_by = approver
        orders.append(order)
        lines_of.append(lines)
    _number(orders)
    PurchaseOrder.objects.bulk_create(orders, batch_size=500)
    _order_lines(orders, lines_of)
    _receipts(orders, rng, receiver=preparer, today=today)
    return len(orders)


def _order(position: int, day, *, rng: random.Random, suppliers, today):
    """One order of the year and its lines as (item, quantity, price, account code)."""
    index = rng.randrange(len(SUPPLIERS))
    demo, supplier = SUPPLIERS[index], suppliers[index]
    lines = [
        (item, Decimal(rng.choice([1, 2, 3, 5, 10, 20])), Decimal(price), code)
        for item, price, code in rng.sample(demo.items, rng.randint(1, len(demo.items)))
    ]
    status = _status_for((today - day).days, rng, position)
    if status == Status.PARTIALLY_RECEIVED and lines[0][1] < 2:
        lines[0] = (lines[0][0], Decimal(2), *lines[0][2:])  # so half of it can arrive
    if status == Status.AWAITING_APPROVAL:
        # Only an order over the threshold waits for an approver.
        item, _quantity, price, code = lines[0]
        lines[0] = (item, (settings.PURCHASE_APPROVAL_THRESHOLD // price) + 1, price, code)
    approved = status not in (Status.DRAFT, Status.AWAITING_APPROVAL)
    sent = status in (Status.SENT, Status.PARTIALLY_RECEIVED, Status.RECEIVED, Status.CLOSED)
    order = PurchaseOrder(
        supplier=supplier,
        order_date=day,
        expected_date=day + timedelta(days=rng.choice([3, 7, 14])),
        deliver_to="Main warehouse, Str. Depozitului 4, București",
        status=status,
        approved_at=_at(day, 11) if approved else None,
        sent_at=_at(day, 12) if sent else None,
    )
    return order, lines


def _total(lines) -> Decimal:
    return sum(
        sum(line_amounts(quantity=q, unit_price=p, vat_rate=settings.DEFAULT_VAT_RATE))
        for _, q, p, _ in lines
    )


def _order_lines(orders, lines_of) -> None:
    accounts = dict(Account.objects.values_list("code", "pk"))
    order_lines = []
    for order, lines in zip(orders, lines_of, strict=True):
        order_lines += [
            PurchaseOrderLine(
                order=order,
                item=item,
                quantity=quantity,
                unit_price=price,
                vat_rate=settings.DEFAULT_VAT_RATE,
                account_id=accounts.get(code),
            )
            for item, quantity, price, code in lines
        ]
    PurchaseOrderLine.objects.bulk_create(order_lines, batch_size=1000)


def _number(orders: list[PurchaseOrder]) -> None:
    """Number the orders in date order from each year's counter."""
    by_year: dict[int, list[PurchaseOrder]] = {}
    for order in orders:
        by_year.setdefault(order.order_date.year, []).append(order)
    for year, of_year in by_year.items():
        first = document_numbers_reserve(series=PO_SERIES, year=year, count=len(of_year))
        for offset, order in enumerate(of_year):
            order.number = f"{PO_SERIES}-{year}-{first + offset:05d}"


def _receipts(orders, rng: random.Random, *, receiver, today) -> None:
    received_statuses = (Status.RECEIVED, Status.CLOSED, Status.PARTIALLY_RECEIVED)
    wanted = [order for order in orders if order.status in received_statuses]
    lines = {}
    for line in PurchaseOrderLine.objects.filter(order__in=wanted).order_by("pk"):
        lines.setdefault(line.order_id, []).append(line)
    receipts, receipt_lines = [], []
    for order in wanted:
        received_on = min(order.expected_date, today)
        receipt = GoodsReceipt(
            order=order, received_on=received_on, received_by=receiver, note="Delivery note"
        )
        receipts.append(receipt)
        partial = order.status == Status.PARTIALLY_RECEIVED
        for position, line in enumerate(lines[order.pk]):
            quantity = line.quantity
            if partial and position == 0:
                quantity = line.quantity // 2  # at least 1, never all: the order stays open
            elif partial and rng.random() < 0.5:
                continue
            receipt_lines.append(
                GoodsReceiptLine(receipt=receipt, order_line=line, quantity=quantity)
            )
    GoodsReceipt.objects.bulk_create(receipts, batch_size=500)
    GoodsReceiptLine.objects.bulk_create(receipt_lines, batch_size=1000)
