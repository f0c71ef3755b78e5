"""Every status change of accounting's workflows leaves a history row naming who
made it; a refused move changes nothing and writes no row."""

from datetime import date
from decimal import Decimal

import pytest

from accounting.models.ledger import FiscalPeriod
from accounting.models.payables import PaymentBatch, PurchaseOrder, SupplierBill
from accounting.models.payroll_rules import PayrollRuleSet
from accounting.models.payroll_runs import PayrollRun
from accounting.models.takings import TakingsImport
from accounting.services.ledger import LedgerError, fiscal_period_close, fiscal_year_create
from accounting.services.payables import PayablesError
from accounting.services.payment_batches import payment_batch_approve, payment_batch_create
from accounting.services.payroll_rules import payroll_rule_sets_install
from accounting.services.payroll_runs import (
    PayrollRunError,
    payroll_run_approve,
    payroll_run_calculate,
    payroll_run_create,
    payroll_run_post,
)
from accounting.services.purchasing import (
    PurchasingError,
    purchase_order_cancel,
    purchase_order_close,
    purchase_order_submit,
)
from accounting.services.supplier_bills import (
    supplier_bill_approve,
    supplier_bill_cancel,
    supplier_bill_create,
)
from accounting.services.takings import (
    TakingsImportError,
    takings_import_confirm,
    takings_import_discard,
    takings_import_upload,
)
from backoffice import roles
from backoffice.models import Job
from backoffice.services import job_run
from tests.accounting.factories import SupplierFactory, make_order, order_lines
from tests.accounting.pay import profile
from tests.accounting.payables import line, posted_bill
from tests.factories import EmployeeFactory, UserFactory

pytestmark = pytest.mark.django_db


def moves(record) -> list[tuple[str, object]]:
    """(status, user) of each change of status in the history, oldest first (a row
    that changed other fields alone, such as the payslip documents job, is not one)."""
    rows = [(row.status, row.history_user) for row in record.history.order_by("history_id")]
    return [row for n, row in enumerate(rows) if n == 0 or row[0] != rows[n - 1][0]]


def test_a_payroll_run_keeps_who_calculated_approved_and_posted_it(standard_chart):
    calculator = UserFactory(roles=[roles.ACCOUNTANT])
    approver = UserFactory(roles=[roles.PAYROLL_APPROVER])
    fiscal_year_create(by=calculator, start=date(2026, 1, 1))
    payroll_rule_sets_install()
    profile(EmployeeFactory(), monthly_salary=Decimal("5000.00"))
    run = payroll_run_create(
        by=calculator,
        month=date(2026, 3, 1),
        pay_date=date(2026, 4, 10),
        rule_set=PayrollRuleSet.objects.get(code="SIMPLE"),
    )

    job = payroll_run_calculate(by=calculator, run=run)
    assert job_run(job_id=job.pk).status == Job.Status.SUCCEEDED
    payroll_run_approve(by=approver, run=run)
    payroll_run_post(by=calculator, run=run)

    Status = PayrollRun.Status
    assert moves(run) == [
        (Status.DRAFT, calculator),
        (Status.CALCULATING, calculator),
        (Status.CALCULATED, calculator),
        (Status.APPROVED, approver),
        (Status.POSTED, calculator),
    ]
    assert run.history.first().journal_entry_id is not None


def test_a_refused_payroll_move_changes_nothing():
    calculator = UserFactory(roles=[roles.ACCOUNTANT])
    approver = UserFactory(roles=[roles.PAYROLL_APPROVER])
    payroll_rule_sets_install()
    run = payroll_run_create(
        by=calculator,
        month=date(2026, 3, 1),
        pay_date=date(2026, 4, 10),
        rule_set=PayrollRuleSet.objects.get(code="SIMPLE"),
    )
    before = run.history.count()

    with pytest.raises(PayrollRunError, match="Only a calculated payroll run"):
        payroll_run_approve(by=approver, run=run)
    with pytest.raises(PayrollRunError, match="Only an approved payroll run"):
        payroll_run_post(by=calculator, run=run)

    run.refresh_from_db()
    assert (run.status, run.approved_by) == (PayrollRun.Status.DRAFT, None)
    assert run.history.count() == before


@pytest.fixture
def supplier(standard_chart):
    return SupplierFactory(default_expense_account=standard_chart["604"])


def test_a_bill_approval_is_kept_with_the_approver(bookkeeper, controller, supplier):
    bill = supplier_bill_create(
        by=bookkeeper, supplier=supplier, number="F-1", bill_date=date(2026, 3, 2), lines=[line()]
    )

    supplier_bill_approve(by=controller, bill=bill)

    latest = bill.history.latest()
    assert (latest.status, latest.history_user, latest.history_change_reason) == (
        SupplierBill.Status.APPROVED,
        controller,
        "approved",
    )
    assert (latest.approved_by, latest.approved_at is not None) == (controller, True)


def test_cancelling_a_posted_bill_is_refused_and_changes_nothing(bookkeeper, controller, supplier):
    bill = posted_bill(by=bookkeeper, approver=controller, supplier=supplier, number="F-2")
    before = bill.history.count()

    with pytest.raises(PayablesError, match="posted bill cannot be cancelled"):
        supplier_bill_cancel(by=bookkeeper, bill=bill)

    bill.refresh_from_db()
    assert (bill.status, bill.history.count()) == (SupplierBill.Status.POSTED, before)


def test_a_batch_approved_once_is_not_approved_again(bookkeeper, controller, supplier):
    bill = posted_bill(by=bookkeeper, approver=controller, supplier=supplier, number="F-3")
    batch = payment_batch_create(
        by=bookkeeper,
        payment_date=date(2026, 4, 1),
        payments=[{"bill": bill, "amount": Decimal("121.00")}],
    )
    payment_batch_approve(by=controller, batch=batch)
    before = batch.history.count()

    with pytest.raises(PayablesError, match="only a draft can be approved"):
        payment_batch_approve(by=controller, batch=batch)

    batch.refresh_from_db()
    assert moves(batch)[-1] == (PaymentBatch.Status.APPROVED, controller)
    assert batch.history.count() == before


def test_an_order_keeps_each_step_and_refuses_closing_before_goods(accountant):
    order = make_order(by=accountant, lines=order_lines(("1", "10.00")))
    purchase_order_submit(by=accountant, order=order)

    with pytest.raises(PurchasingError, match="Only an order with goods received"):
        purchase_order_close(by=accountant, order=order)
    purchase_order_cancel(by=accountant, order=order, reason="Not needed")

    Status = PurchaseOrder.Status
    assert moves(order)[-2:] == [(Status.APPROVED, accountant), (Status.CANCELLED, accountant)]
    assert order.history.first().history_change_reason == "cancelled: Not needed"


def test_a_takings_import_keeps_who_confirmed_or_discarded_it(role_users, standard_chart):
    accountant = role_users["accountant"]
    data = b"date,register,gross,vat,cash,card,vouchers\n2026-11-02,R1,121.00,21.00,121.00,0,0\n"
    confirmed = takings_import_upload(by=accountant, filename="a.csv", data=data)
    discarded = takings_import_upload(by=accountant, filename="b.csv", data=data)

    takings_import_confirm(by=accountant, takings_import=confirmed)
    takings_import_discard(by=accountant, takings_import=discarded)
    with pytest.raises(TakingsImportError, match="already been imported or discarded"):
        takings_import_discard(by=accountant, takings_import=confirmed)

    Status = TakingsImport.Status
    assert moves(confirmed) == [(Status.PREVIEW, accountant), (Status.IMPORTED, accountant)]
    assert moves(discarded) == [(Status.PREVIEW, accountant), (Status.DISCARDED, accountant)]


def test_closing_a_period_twice_is_refused_and_writes_one_row(role_users):
    accountant = role_users["accountant"]
    year = fiscal_year_create(by=accountant, start=date(2026, 1, 1))
    period = year.periods.get(start=date(2026, 3, 1))

    fiscal_period_close(by=accountant, period=period)
    with pytest.raises(LedgerError, match="already closed"):
        fiscal_period_close(by=accountant, period=period)

    assert moves(period) == [(FiscalPeriod.Status.CLOSED, accountant)]
