"""Goods received against a sent order; the order's status follows."""

from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from accounting.models.payables import GoodsReceipt, GoodsReceiptLine, PurchaseOrder
from accounting.services.goods_receipts import goods_receipt_record
from accounting.services.purchasing import (
    PurchasingError,
    purchase_order_cancel,
    purchase_order_close,
)
from tests.accounting.factories import make_order, order_lines

Status = PurchaseOrder.Status
DAY = date(2026, 3, 10)


@pytest.fixture
def sent(role_users):
    order = make_order(
        by=role_users["accountant"], lines=order_lines(("10", "5.00"), ("4", "2.50"))
    )
    PurchaseOrder.objects.filter(pk=order.pk).update(status=Status.SENT)
    order.refresh_from_db()
    return order


def quantities(order, *amounts):
    return {
        line.pk: Decimal(amount) for line, amount in zip(order.lines.all(), amounts, strict=True)
    }


def test_a_partial_receipt_then_the_rest_receives_the_order(role_users, sent):
    by = role_users["accountant"]

    goods_receipt_record(by=by, order=sent, received_on=DAY, quantities=quantities(sent, "6", "0"))
    sent.refresh_from_db()
    assert sent.status == Status.PARTIALLY_RECEIVED

    goods_receipt_record(by=by, order=sent, received_on=DAY, quantities=quantities(sent, "4", "4"))
    sent.refresh_from_db()
    assert sent.status == Status.RECEIVED
    assert sent.receipts.count() == 2
    assert GoodsReceiptLine.objects.filter(receipt__order=sent).count() == 3

    purchase_order_close(by=by, order=sent)
    sent.refresh_from_db()
    assert sent.status == Status.CLOSED


def test_more_than_outstanding_is_refused_and_nothing_is_saved(role_users, sent):
    by = role_users["accountant"]
    goods_receipt_record(by=by, order=sent, received_on=DAY, quantities=quantities(sent, "6", "0"))

    with pytest.raises(PurchasingError, match=r"Item 1: 5 received, but only 4 of 10"):
        goods_receipt_record(
            by=by, order=sent, received_on=DAY, quantities=quantities(sent, "5", "1")
        )

    sent.refresh_from_db()
    assert sent.status == Status.PARTIALLY_RECEIVED
    assert sent.receipts.count() == 1
    assert GoodsReceiptLine.objects.count() == 1


def test_an_empty_receipt_is_refused(role_users, sent):
    with pytest.raises(PurchasingError, match="at least one line"):
        goods_receipt_record(
            by=role_users["accountant"],
            order=sent,
            received_on=DAY,
            quantities=quantities(sent, "0", "0"),
        )
    assert not GoodsReceipt.objects.exists()


def test_goods_are_not_received_on_an_order_not_sent(role_users):
    draft = make_order(by=role_users["accountant"])

    with pytest.raises(PurchasingError, match="only on an order sent"):
        goods_receipt_record(
            by=role_users["accountant"],
            order=draft,
            received_on=DAY,
            quantities=quantities(draft, "1"),
        )
    assert not GoodsReceipt.objects.exists()


def test_an_order_with_goods_received_cannot_be_cancelled(role_users, sent):
    by = role_users["accountant"]
    goods_receipt_record(by=by, order=sent, received_on=DAY, quantities=quantities(sent, "1", "0"))

    with pytest.raises(PurchasingError, match="cancelled only before goods arrive"):
        purchase_order_cancel(by=by, order=sent)


def test_a_sent_order_without_receipts_can_be_cancelled(role_users, sent):
    order = purchase_order_cancel(by=role_users["accountant"], order=sent)
    assert order.status == Status.CANCELLED


def test_the_receipt_page_refuses_over_receipt_with_a_message(client, role_users, sent):
    client.force_login(role_users["accountant"])
    first, second = sent.lines.all()
    url = reverse("accounting:goodsreceipt-create", kwargs={"pk": sent.pk})

    response = client.post(
        url, {"received_on": "2026-03-10", f"line_{first.pk}": "11", f"line_{second.pk}": ""}
    )

    assert response.status_code == 200
    assert "only 10 of 10 are still expected" in response.content.decode()
    assert not GoodsReceipt.objects.exists()

    response = client.post(
        url, {"received_on": "2026-03-10", f"line_{first.pk}": "10", f"line_{second.pk}": "1"}
    )
    assert response.status_code == 302
    sent.refresh_from_db()
    assert sent.status == Status.PARTIALLY_RECEIVED
    page = client.get(reverse("accounting:purchaseorder-detail", kwargs={"pk": sent.pk}))
    assert page.context["lines"][0].received == Decimal("10")
    assert page.context["lines"][1].outstanding == Decimal("3")
    assert len(page.context["receipts"]) == 1
