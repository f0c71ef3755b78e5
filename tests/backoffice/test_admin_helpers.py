"""The read-only admin helpers: what each admin lets even a superuser do."""

import pytest
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.test import RequestFactory

from accounting.admin.ledger import JournalLineInline
from accounting.admin.payables import SupplierBillLineInline
from accounting.models.ledger import AccountMonthTotal, FiscalPeriod, JournalEntry
from accounting.models.numbering import DocumentSequence
from accounting.models.pay import Timesheet, TimesheetDay, TimesheetReminder
from accounting.models.payables import (
    GoodsReceipt,
    PaymentBatch,
    PurchaseOrder,
    Supplier,
    SupplierBill,
    SupplierBillReminder,
)
from accounting.models.payroll_rules import PayrollParameter, PayrollRule, PayrollRuleSet
from accounting.models.payroll_runs import FinalPay, PayrollRun, Payslip, PayslipLine
from accounting.models.takings import TakingsImport
from backoffice.models import Job
from hr.models.complaints import Complaint, ComplaintNote
from hr.models.discipline import DismissalCase, Termination
from hr.models.employees import EmploymentChange
from hr.models.hiring import ApplicantStageChange
from hr.models.imports import EmployeeImport
from hr.models.policies import PolicyAcknowledgement

# model: may a superuser (add, change, delete) on the list page
ALLOWED = {
    Job: (False, True, True),
    FiscalPeriod: (False, False, True),
    AccountMonthTotal: (False, False, False),
    TakingsImport: (False, False, True),
    DocumentSequence: (False, False, False),
    JournalEntry: (True, True, True),
    SupplierBill: (True, True, False),
    PaymentBatch: (False, True, False),
    SupplierBillReminder: (False, False, True),
    Supplier: (True, True, False),
    PurchaseOrder: (False, True, False),
    GoodsReceipt: (False, False, False),
    PayrollRuleSet: (True, True, False),
    PayrollRule: (False, False, False),
    PayrollParameter: (False, False, False),
    Timesheet: (True, True, True),
    TimesheetDay: (True, True, True),
    TimesheetReminder: (False, False, True),
    PayrollRun: (False, False, False),
    Payslip: (False, False, False),
    PayslipLine: (False, False, False),
    FinalPay: (False, False, False),
    EmploymentChange: (False, False, False),
    Complaint: (False, False, False),
    ComplaintNote: (True, False, True),
    DismissalCase: (False, False, True),
    EmployeeImport: (True, True, False),
    Termination: (False, False, False),
    PolicyAcknowledgement: (False, False, True),
    ApplicantStageChange: (False, False, False),
}


@pytest.fixture
def request_():
    request = RequestFactory().get("/admin/")
    request.user = get_user_model()(username="root", is_superuser=True, is_active=True)
    return request


@pytest.mark.parametrize("model", list(ALLOWED), ids=lambda m: m.__name__)
def test_each_admin_allows_what_its_records_allow(request_, model):
    model_admin = admin.site._registry[model]
    allowed = (
        model_admin.has_add_permission(request_),
        model_admin.has_change_permission(request_),
        model_admin.has_delete_permission(request_),
    )
    assert allowed == ALLOWED[model]


def test_a_posted_entry_and_its_lines_are_read_only(request_):
    entry_admin = admin.site._registry[JournalEntry]
    lines = JournalLineInline(JournalEntry, admin.site)
    posted, draft = JournalEntry(status="posted"), JournalEntry(status="draft")
    assert not entry_admin.has_change_permission(request_, posted)
    assert not entry_admin.has_delete_permission(request_, posted)
    assert not lines.has_add_permission(request_, posted)
    assert not lines.has_change_permission(request_, posted)
    assert entry_admin.has_change_permission(request_, draft)
    assert lines.has_add_permission(request_, draft)


def test_an_approved_bill_keeps_its_lines(request_):
    lines = SupplierBillLineInline(SupplierBill, admin.site)
    assert not lines.has_delete_permission(request_, SupplierBill(status="approved"))
    assert lines.has_delete_permission(request_, SupplierBill(status="draft"))


def test_the_days_of_an_approved_timesheet_are_final(request_):
    day_admin = admin.site._registry[TimesheetDay]
    approved = TimesheetDay(timesheet=Timesheet(status=Timesheet.Status.APPROVED))
    submitted = TimesheetDay(timesheet=Timesheet(status=Timesheet.Status.SUBMITTED))
    assert not day_admin.has_change_permission(request_, approved)
    assert day_admin.has_change_permission(request_, submitted)


def test_an_order_is_deleted_one_at_a_time_and_only_as_a_draft(request_):
    order_admin = admin.site._registry[PurchaseOrder]
    assert not order_admin.has_delete_permission(request_)
    assert order_admin.has_delete_permission(request_, PurchaseOrder(status="draft"))
    assert not order_admin.has_delete_permission(request_, PurchaseOrder(status="approved"))
