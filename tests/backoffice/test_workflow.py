"""The toolkit's status change: allowed moves only, who and when, a history row."""

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.db import transaction

from accounting.models.payables import PurchaseOrder
from backoffice.errors import DomainError
from backoffice.models import Job
from backoffice.workflow import require_status, transition
from tests.accounting.factories import PurchaseOrderFactory
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

Status = PurchaseOrder.Status


class OrderError(DomainError):
    pass


def awaiting_order():
    return PurchaseOrderFactory(status=Status.AWAITING_APPROVAL)


def test_it_moves_an_allowed_state_and_stamps_who_and_when():
    order, approver = awaiting_order(), UserFactory()
    with transaction.atomic():
        transition(
            order,
            to=Status.APPROVED,
            allowed_from=[Status.AWAITING_APPROVAL],
            by=approver,
            stamp="approved",
            error=OrderError,
        )
    order.refresh_from_db()
    assert order.status == Status.APPROVED
    assert order.approved_by == approver
    assert order.approved_at is not None


def test_it_writes_a_history_row_with_the_user_and_the_move():
    order, approver = awaiting_order(), UserFactory()
    before = order.history.count()
    with transaction.atomic():
        transition(
            order,
            to=Status.APPROVED,
            allowed_from=[Status.AWAITING_APPROVAL],
            by=approver,
            error=OrderError,
        )
    assert order.history.count() == before + 1
    latest = order.history.first()
    assert latest.history_user == approver
    assert latest.status == Status.APPROVED
    assert latest.history_change_reason == "awaiting_approval -> approved"


def test_it_refuses_a_move_from_another_state_and_changes_nothing():
    order = PurchaseOrderFactory(status=Status.DRAFT)
    before = order.history.count()
    with pytest.raises(OrderError, match="purchase order is draft"), transaction.atomic():
        transition(
            order,
            to=Status.APPROVED,
            allowed_from=[Status.AWAITING_APPROVAL],
            by=UserFactory(),
            error=OrderError,
        )
    order.refresh_from_db()
    assert order.status == Status.DRAFT
    assert order.history.count() == before


def test_it_says_the_message_it_is_given():
    order = PurchaseOrderFactory(status=Status.CLOSED)
    with pytest.raises(OrderError, match="^Only a draft can be sent.$"):
        require_status(order, [Status.DRAFT], error=OrderError, message="Only a draft can be sent.")


def test_it_keeps_a_long_reason_to_the_history_column():
    order = awaiting_order()
    with transaction.atomic():
        transition(
            order,
            to=Status.CANCELLED,
            allowed_from=[Status.AWAITING_APPROVAL],
            by=UserFactory(),
            error=OrderError,
            reason="x" * 300,
        )
    assert order.history.first().history_change_reason == "x" * 100


@pytest.mark.django_db(transaction=True)
def test_it_refuses_to_run_outside_a_transaction():
    with pytest.raises(ImproperlyConfigured):
        transition(
            awaiting_order(),
            to=Status.APPROVED,
            allowed_from=[Status.AWAITING_APPROVAL],
            by=None,
            error=OrderError,
        )


def test_it_refuses_a_model_without_history():
    job = Job.objects.create(kind="x", requested_by=UserFactory())
    with pytest.raises(ImproperlyConfigured), transaction.atomic():
        transition(
            job, to=Job.Status.RUNNING, allowed_from=[Job.Status.QUEUED], by=None, error=OrderError
        )
