"""Submitting, approving and rejecting purchase orders."""

from decimal import Decimal

import pytest

from accounting.models.payables import PurchaseOrder
from accounting.services.purchasing import (
    PurchasingError,
    purchase_order_approve,
    purchase_order_cancel,
    purchase_order_close,
    purchase_order_reject,
    purchase_order_send,
    purchase_order_submit,
    purchase_order_update,
)
from backoffice.models import Notification
from tests.accounting.factories import make_order, order_lines

Status = PurchaseOrder.Status


@pytest.fixture(autouse=True)
def _threshold(settings):
    settings.PURCHASE_APPROVAL_THRESHOLD = Decimal("5000.00")


@pytest.fixture
def accountant(role_users):
    return role_users["accountant"]


@pytest.fixture
def controller(role_users):
    return role_users["controller"]


def big_order(by):
    return make_order(by=by, lines=order_lines(("10", "1000.00")))  # 12,100.00 with VAT


def test_an_order_exactly_at_the_threshold_is_approved_on_submission(accountant):
    # 4,132.23 net + 867.77 VAT (21 %, rounded half up) = 5,000.00
    order = make_order(by=accountant, lines=order_lines(("1", "4132.23")))

    order = purchase_order_submit(by=accountant, order=order)

    assert order.status == Status.APPROVED
    assert order.approved_at is not None
    assert order.approved_by is None


def test_an_order_one_cent_over_the_threshold_waits_for_an_approver(accountant):
    # 4,132.24 net + 867.77 VAT = 5,000.01
    order = make_order(by=accountant, lines=order_lines(("1", "4132.24")))

    order = purchase_order_submit(by=accountant, order=order)

    assert order.status == Status.AWAITING_APPROVAL
    assert order.approved_at is None


def test_submission_over_the_threshold_tells_the_controllers(accountant, controller):
    order = purchase_order_submit(by=accountant, order=big_order(accountant))

    notification = Notification.objects.get(recipient=controller)
    assert order.number in notification.title


def test_it_refuses_approval_by_the_preparer(accountant):
    order = purchase_order_submit(by=accountant, order=big_order(accountant))

    with pytest.raises(PurchasingError, match="someone else must approve"):
        purchase_order_approve(by=accountant, order=order)

    order.refresh_from_db()
    assert order.status == Status.AWAITING_APPROVAL
    assert order.approved_by is None


def test_another_approver_approves(accountant, controller):
    order = purchase_order_submit(by=accountant, order=big_order(accountant))

    order = purchase_order_approve(by=controller, order=order)

    order.refresh_from_db()
    assert order.status == Status.APPROVED
    assert order.approved_by == controller
    assert Notification.objects.filter(recipient=accountant, title__contains="approved").exists()


def test_a_user_without_the_approval_permission_cannot_approve(accountant, role_users):
    order = purchase_order_submit(by=accountant, order=big_order(accountant))

    with pytest.raises(PurchasingError, match="may not approve"):
        purchase_order_approve(by=role_users["hr"], order=order)


def test_rejection_returns_the_order_to_draft_with_the_comment(accountant, controller):
    order = purchase_order_submit(by=accountant, order=big_order(accountant))

    purchase_order_reject(by=controller, order=order, comment="Ask for a second quote.")

    order.refresh_from_db()
    assert order.status == Status.DRAFT
    assert order.review_comment == "Ask for a second quote."
    assert order.history.first().history_change_reason.startswith("returned to draft")
    # The preparer fixes it and submits again; the comment is cleared.
    purchase_order_update(
        by=accountant,
        order=order,
        supplier=order.supplier,
        order_date=order.order_date,
        lines=order_lines(("5", "1000.00")),
    )
    order = purchase_order_submit(by=accountant, order=order)
    assert order.status == Status.AWAITING_APPROVAL
    assert order.review_comment == ""


def test_rejection_needs_a_comment(accountant, controller):
    order = purchase_order_submit(by=accountant, order=big_order(accountant))

    with pytest.raises(PurchasingError, match="Say why"):
        purchase_order_reject(by=controller, order=order, comment="  ")

    order.refresh_from_db()
    assert order.status == Status.AWAITING_APPROVAL


def test_steps_out_of_order_are_refused_and_change_nothing(accountant, controller):
    order = big_order(accountant)
    refusals = [
        (purchase_order_approve, {"by": controller}, "Only an order awaiting approval"),
        (purchase_order_send, {"by": accountant}, "Only an approved order"),
        (purchase_order_close, {"by": accountant}, "Only an order with goods received"),
    ]
    for service, kwargs, message in refusals:
        with pytest.raises(PurchasingError, match=message):
            service(order=order, **kwargs)
        order.refresh_from_db()
        assert order.status == Status.DRAFT

    purchase_order_submit(by=accountant, order=order)
    with pytest.raises(PurchasingError, match="Only a draft can be submitted"):
        purchase_order_submit(by=accountant, order=order)
    with pytest.raises(PurchasingError, match="Only a draft can be edited"):
        purchase_order_update(
            by=accountant,
            order=order,
            supplier=order.supplier,
            order_date=order.order_date,
            lines=order_lines(("1", "1.00")),
        )
    with pytest.raises(PurchasingError, match="Only an approved order"):
        purchase_order_send(by=accountant, order=order)
    order.refresh_from_db()
    assert order.status == Status.AWAITING_APPROVAL
    assert order.lines.get().quantity == Decimal("10")


def test_a_cancelled_order_goes_no_further(accountant):
    order = purchase_order_cancel(by=accountant, order=big_order(accountant), reason="Not needed")

    assert order.status == Status.CANCELLED
    with pytest.raises(PurchasingError, match="Only a draft can be submitted"):
        purchase_order_submit(by=accountant, order=order)
    with pytest.raises(PurchasingError, match="cancelled only before goods arrive"):
        purchase_order_cancel(by=accountant, order=order)


def test_an_order_for_an_inactive_supplier_is_not_submitted(accountant):
    order = big_order(accountant)
    order.supplier.is_active = False
    order.supplier.save()

    with pytest.raises(PurchasingError, match="inactive"):
        purchase_order_submit(by=accountant, order=order)
