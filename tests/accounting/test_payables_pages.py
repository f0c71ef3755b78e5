"""The payables pages: what people type, what they are told, how many queries."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from accounting.models.payables import PaymentBatch, SupplierBill
from accounting.views.payables import PAGE_SIZE
from tests.accounting.factories import (
    GoodsReceiptLineFactory,
    PurchaseOrderFactory,
    PurchaseOrderLineFactory,
    SupplierFactory,
)
from tests.accounting.payables import line, posted_bill


@pytest.fixture
def supplier(standard_chart):
    return SupplierFactory(name="Papetăria SRL", default_expense_account=standard_chart["604"])


@pytest.fixture
def as_accountant(client, bookkeeper):
    client.force_login(bookkeeper)
    return client


@pytest.fixture
def as_controller(client, controller):
    client.force_login(controller)
    return client


def messages_of(response) -> list[str]:
    return [str(m) for m in get_messages(response.wsgi_request)]


def bill_data(supplier, lines, **fields):
    data = {
        "supplier": supplier.pk,
        "number": "F-1",
        "bill_date": "2026-03-02",
        "due_date": "",
        "lines-TOTAL_FORMS": str(len(lines)),
        "lines-INITIAL_FORMS": "0",
        "lines-MIN_NUM_FORMS": "0",
        "lines-MAX_NUM_FORMS": "1000",
        **fields,
    }
    for i, values in enumerate(lines):
        for key, value in values.items():
            data[f"lines-{i}-{key}"] = value
    return data


GOOD_LINE = {"description": "Paper", "quantity": "2", "unit_price": "10.00", "vat_rate": "21"}
EMPTY_LINE = {"description": "", "quantity": "", "unit_price": "", "vat_rate": "21.00"}


def test_an_accountant_enters_a_bill_in_the_form(as_accountant, supplier):
    response = as_accountant.post(
        reverse("accounting:bill-create"), bill_data(supplier, [GOOD_LINE, EMPTY_LINE])
    )

    bill = SupplierBill.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("accounting:bill-detail", kwargs={"pk": bill.pk})
    assert (bill.total, bill.lines.get().account.code) == (Decimal("24.20"), "604")
    page = as_accountant.get(response["Location"])
    assert "Papetăria SRL F-1" in page.text


@pytest.mark.parametrize(
    ("lines", "fields", "message"),
    [
        ([EMPTY_LINE, EMPTY_LINE], {}, "A bill needs at least one line."),
        ([{**GOOD_LINE, "unit_price": "-3"}], {}, "Line 1: the unit price cannot be negative."),
        ([GOOD_LINE], {"due_date": "2026-03-01"}, "A bill cannot fall due before its date."),
    ],
)
def test_bad_bills_are_refused_with_a_clear_message_and_nothing_saved(
    as_accountant, supplier, lines, fields, message
):
    response = as_accountant.post(
        reverse("accounting:bill-create"), bill_data(supplier, lines, **fields)
    )

    assert response.status_code == 200
    assert message in messages_of(response)
    assert SupplierBill.objects.count() == 0


def test_a_duplicate_invoice_number_is_refused_in_the_form(as_accountant, supplier):
    url = reverse("accounting:bill-create")
    as_accountant.post(url, bill_data(supplier, [GOOD_LINE]))
    response = as_accountant.post(url, bill_data(supplier, [GOOD_LINE]))

    assert response.status_code == 200
    assert "The invoice F-1 of Papetăria SRL is already entered." in messages_of(response)
    assert SupplierBill.objects.count() == 1


def test_a_bill_from_an_order_is_prefilled_with_what_was_received(
    as_accountant, bookkeeper, supplier
):
    order = PurchaseOrderFactory(supplier=supplier, created_by=bookkeeper)
    order_line = PurchaseOrderLineFactory(order=order, item="Toner", quantity=10)
    GoodsReceiptLineFactory(
        receipt__order=order, receipt__received_by=bookkeeper, order_line=order_line, quantity=4
    )
    url = reverse("accounting:bill-create-from-order", kwargs={"order_pk": order.pk})

    page = as_accountant.get(url)

    formset = page.context["formset"]
    assert [form.initial["quantity"] for form in formset] == [Decimal("4")]
    assert formset[0].initial["order_line"] == order_line.pk

    data = bill_data(supplier, [{**GOOD_LINE, "quantity": "5", "unit_price": "12.50"}])
    data["lines-0-order_line"] = str(order_line.pk)
    del data["supplier"]
    response = as_accountant.post(url, data)

    bill = SupplierBill.objects.get()
    assert response.status_code == 302
    assert (bill.status, bill.purchase_order, bill.lines.get().order_line) == (
        SupplierBill.Status.ON_HOLD,
        order,
        order_line,
    )
    assert "The bill does not match the order and is on hold." in messages_of(response)


def test_the_order_chooser_leads_to_the_order_bill(as_accountant, bookkeeper, supplier):
    order = PurchaseOrderFactory(supplier=supplier, created_by=bookkeeper)
    response = as_accountant.get(reverse("accounting:bill-create"), {"order": order.pk})
    assert response["Location"] == reverse(
        "accounting:bill-create-from-order", kwargs={"order_pk": order.pk}
    )


def test_the_approver_approves_in_the_browser_but_not_the_enterer(
    client, bookkeeper, controller, supplier
):
    client.force_login(bookkeeper)
    client.post(reverse("accounting:bill-create"), bill_data(supplier, [GOOD_LINE]))
    bill = SupplierBill.objects.get()
    url = reverse("accounting:bill-approve", kwargs={"pk": bill.pk})

    refused = client.post(url)
    assert "The person who entered a bill cannot approve it." in messages_of(refused)
    bill.refresh_from_db()
    assert bill.status == SupplierBill.Status.DRAFT

    client.force_login(controller)
    client.post(url)
    bill.refresh_from_db()
    assert bill.status == SupplierBill.Status.APPROVED


def test_the_bill_list_costs_the_same_queries_for_more_than_a_page(
    as_accountant, bookkeeper, controller, supplier, django_assert_max_num_queries
):
    for n in range(PAGE_SIZE + 5):
        posted_bill(by=bookkeeper, approver=controller, supplier=supplier, number=f"F-{n}")

    with django_assert_max_num_queries(10):
        response = as_accountant.get(reverse("accounting:bill-list"))
    assert len(response.context["page"].object_list) == PAGE_SIZE

    unpaid = as_accountant.get(reverse("accounting:bill-list"), {"state": "overdue"})
    assert unpaid.context["page"].paginator.count == PAGE_SIZE + 5


def test_ageing_and_due_soon_pages_cost_a_bounded_number_of_queries(
    as_accountant, bookkeeper, controller, standard_chart, django_assert_max_num_queries
):
    today = date.today()
    for n in range(PAGE_SIZE + 5):
        posted_bill(
            by=bookkeeper,
            approver=controller,
            supplier=SupplierFactory(),
            number=f"F-{n}",
            bill_date=today - timedelta(days=n),
            due_date=today + timedelta(days=n % 10),
        )

    with django_assert_max_num_queries(8):
        ageing = as_accountant.get(reverse("accounting:payables-ageing"))
    with django_assert_max_num_queries(10):
        due = as_accountant.get(reverse("accounting:bill-due-soon"))

    assert len(ageing.context["ageing"]["rows"]) == PAGE_SIZE + 5
    assert ageing.context["ageing"]["totals"]["total"] == Decimal("121.00") * (PAGE_SIZE + 5)
    assert due.context["page"].paginator.count == PAGE_SIZE + 5


@pytest.fixture
def open_bills(bookkeeper, controller, supplier):
    return [
        posted_bill(by=bookkeeper, approver=controller, supplier=supplier, number=f"P-{n}")
        for n in range(3)
    ]


def batch_data(bills, chosen: dict, payment_date="2026-04-01"):
    from accounting.chart import account_for

    data = {
        "payment_date": payment_date,
        "bank_account": account_for("bank").pk,
        "pay-TOTAL_FORMS": str(len(bills)),
        "pay-INITIAL_FORMS": str(len(bills)),
        "pay-MIN_NUM_FORMS": "0",
        "pay-MAX_NUM_FORMS": "1000",
    }
    for i, bill in enumerate(bills):
        data[f"pay-{i}-bill"] = str(bill.pk)
        data[f"pay-{i}-amount"] = str(chosen.get(bill.number, bill.total))
        if bill.number in chosen:
            data[f"pay-{i}-pay"] = "on"
    return data


def test_a_batch_is_prepared_from_the_open_bills(as_accountant, open_bills):
    page = as_accountant.get(reverse("accounting:batch-create"))
    assert [bill.number for _, bill in page.context["rows"]] == ["P-0", "P-1", "P-2"]

    response = as_accountant.post(
        reverse("accounting:batch-create"),
        batch_data(open_bills, {"P-0": "121.00", "P-2": "20.00"}),
    )

    batch = PaymentBatch.objects.get()
    assert response.status_code == 302
    assert dict(batch.payments.values_list("bill__number", "amount")) == {
        "P-0": Decimal("121.00"),
        "P-2": Decimal("20.00"),
    }


def test_an_overpayment_is_refused_in_the_form_and_nothing_saved(as_accountant, open_bills):
    response = as_accountant.post(
        reverse("accounting:batch-create"), batch_data(open_bills, {"P-1": "121.01"})
    )

    assert response.status_code == 200
    assert any("more than its open amount of 121.00" in m for m in messages_of(response))
    assert PaymentBatch.objects.count() == 0
    # The page still shows the bills that were sent.
    assert [bill.number for _, bill in response.context["rows"]] == ["P-0", "P-1", "P-2"]


def test_the_batch_pages_cost_a_bounded_number_of_queries(
    as_accountant, bookkeeper, controller, supplier, django_assert_max_num_queries
):
    bills = [
        posted_bill(by=bookkeeper, approver=controller, supplier=supplier, number=f"Q-{n}")
        for n in range(PAGE_SIZE + 5)
    ]
    from accounting.services.payment_batches import payment_batch_create

    batch = None
    for bill in bills:
        batch = payment_batch_create(
            by=bookkeeper,
            payment_date=date(2026, 4, 1),
            payments=[{"bill": bill, "amount": Decimal("1.00")}],
        )
    with django_assert_max_num_queries(10):
        listed = as_accountant.get(reverse("accounting:batch-list"))
    with django_assert_max_num_queries(10):
        as_accountant.get(reverse("accounting:batch-create"))
    with django_assert_max_num_queries(10):
        as_accountant.get(reverse("accounting:batch-detail", kwargs={"pk": batch.pk}))
    assert len(listed.context["page"].object_list) == PAGE_SIZE


def test_the_bank_file_downloads_and_the_controller_cannot_download_it(
    client, bookkeeper, controller, open_bills
):
    from accounting.services.payment_batches import payment_batch_approve, payment_batch_create

    batch = payment_batch_create(
        by=bookkeeper,
        payment_date=date(2026, 4, 1),
        payments=[{"bill": open_bills[0], "amount": Decimal("121.00")}],
    )
    payment_batch_approve(by=controller, batch=batch)
    url = reverse("accounting:batch-export", kwargs={"pk": batch.pk, "file_format": "xml"})

    client.force_login(controller)
    assert client.post(url).status_code == 403
    client.force_login(bookkeeper)
    response = client.post(url)

    assert response.status_code == 200
    assert response["Content-Type"] == "application/xml"
    assert response["Content-Disposition"] == f'attachment; filename="{batch.reference}.xml"'
    assert b"pain.001.001.03" in response.content
    unknown = client.post(
        reverse("accounting:batch-export", kwargs={"pk": batch.pk, "file_format": "pdf"})
    )
    assert unknown.status_code == 302
    assert "Unknown bank file format." in messages_of(unknown)


def test_an_unknown_bill_or_batch_is_not_found(as_accountant, db):
    assert (
        as_accountant.get(reverse("accounting:bill-detail", kwargs={"pk": 999})).status_code == 404
    )
    assert (
        as_accountant.get(reverse("accounting:batch-detail", kwargs={"pk": 999})).status_code == 404
    )
    assert (
        as_accountant.post(reverse("accounting:bill-post", kwargs={"pk": 999})).status_code == 404
    )


def test_a_bill_line_for_a_missing_order_line_is_refused(as_accountant, bookkeeper, supplier):
    order = PurchaseOrderFactory(supplier=supplier, created_by=bookkeeper)
    data = bill_data(supplier, [line() | {"order_line": "999999"}])
    del data["supplier"]
    response = as_accountant.post(
        reverse("accounting:bill-create-from-order", kwargs={"order_pk": order.pk}), data
    )
    assert "A line refers to an order line that does not exist." in messages_of(response)
    assert SupplierBill.objects.count() == 0


def test_a_hold_is_released_only_with_a_reason(as_accountant, bookkeeper, supplier):
    order = PurchaseOrderFactory(supplier=supplier, created_by=bookkeeper)
    order_line = PurchaseOrderLineFactory(order=order, item="Toner")
    from accounting.services.supplier_bills import supplier_bill_create

    bill = supplier_bill_create(
        by=bookkeeper,
        supplier=supplier,
        number="F-9",
        bill_date=date(2026, 3, 2),
        purchase_order=order,
        lines=[line("12.50", quantity="2", order_line=order_line)],
    )
    assert bill.status == SupplierBill.Status.ON_HOLD  # nothing received yet
    url = reverse("accounting:bill-release", kwargs={"pk": bill.pk})

    refused = as_accountant.post(url, {"reason": ""})
    assert "Say why the bill is released despite the differences." in messages_of(refused)
    bill.refresh_from_db()
    assert bill.status == SupplierBill.Status.ON_HOLD

    as_accountant.post(url, {"reason": "Delivered to the shop directly"})
    bill.refresh_from_db()
    assert bill.status == SupplierBill.Status.DRAFT
    page = as_accountant.get(reverse("accounting:bill-detail", kwargs={"pk": bill.pk}))
    assert "Toner: billed 2, received 0, of which 0 billed before." in page.text
    assert "Delivered to the shop directly" in page.text


def test_the_reminder_runs_daily_from_the_beat_schedule():
    from accounting.tasks import supplier_bill_reminders_task
    from backoffice.celery import app

    entry = app.conf.beat_schedule["remind-supplier-bills-due"]
    assert entry["task"] == supplier_bill_reminders_task.name
