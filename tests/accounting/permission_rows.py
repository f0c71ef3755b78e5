"""Accounting's rows of the permission matrix (tests/test_permission_matrix.py)."""

from datetime import date

from accounting.chart import chart_of_accounts_install
from accounting.models.ledger import Account
from accounting.models.payables import PurchaseOrder
from accounting.models.payroll_rules import (
    PayrollBracketTable,
    PayrollParameter,
    PayrollRule,
    PayrollRuleSet,
)
from accounting.models.takings import TakingsImport
from accounting.services.ledger import fiscal_year_create, journal_entry_create
from accounting.services.payment_batches import payment_batch_create
from accounting.services.supplier_bills import supplier_bill_create
from tests.accounting.factories import (
    AccountFactory,
    PurchaseOrderFactory,
    SupplierFactory,
    make_order,
)
from tests.accounting.pay import profile, timesheet
from tests.accounting.payables import line, posted_bill
from tests.permissions import Row, only, signed_in

LEDGER_READERS = ("accountant", "controller", "manager", "admin")
APPROVERS = ("accountant", "controller", "admin")


def make_objects(role_users) -> dict:
    year = fiscal_year_create(by=role_users["admin"], start=date(2026, 1, 1))
    cash = AccountFactory(code="1000", name="Cash", type=Account.Type.ASSET)
    sales = AccountFactory(code="4000", name="Sales", type=Account.Type.INCOME)
    entry = journal_entry_create(
        by=role_users["accountant"],
        date=date(2026, 3, 2),
        description="Cash sale",
        lines=[{"account": cash, "debit": "10.00"}, {"account": sales, "credit": "10.00"}],
    )
    takings = TakingsImport.objects.create(
        filename="t.csv", uploaded_by=role_users["accountant"], rows=[], errors=[]
    )
    supplier = SupplierFactory()
    draft = make_order(by=role_users["accountant"], supplier=supplier)
    sent = make_order(by=role_users["accountant"], supplier=supplier)
    PurchaseOrder.objects.filter(pk=sent.pk).update(status=PurchaseOrder.Status.SENT)
    return (
        {
            "account": cash,
            "period": year.periods.first(),
            "entry": entry,
            "takings": takings,
            "supplier": supplier,
            "draft_order": draft,
            "sent_order": sent,
        }
        | _payables(role_users)
        | _payroll_rules()
        | _pay(role_users)
        | _payroll_runs(role_users)
    )


def _payroll_rules() -> dict:
    rule_set, _created = PayrollRuleSet.objects.get_or_create(code="PERM", name="Matrix")
    parameter = PayrollParameter.objects.create(
        rule_set=rule_set, code="RATE", name="Rate", value=10, effective_from=date(2026, 1, 1)
    )
    rule = PayrollRule.objects.create(
        rule_set=rule_set,
        code="TAX",
        name="Tax",
        category="tax",
        computation="percentage",
        rate_parameter="RATE",
        effective_from=date(2026, 1, 1),
    )
    table = PayrollBracketTable.objects.create(rule_set=rule_set, code="T", name="Table")
    return {
        "rule_set": rule_set,
        "payroll_parameter": parameter,
        "payroll_rule": rule,
        "bracket_table": table,
    }


def _pay(role_users) -> dict:
    member = role_users["employee"].employee
    profile(member)
    submitted = timesheet(member, month=date(2026, 3, 1), status="submitted")
    return {"member": member, "timesheet": submitted}


def _payroll_runs(role_users) -> dict:
    from accounting.models.payroll_runs import PayrollException, Payslip
    from accounting.services.payroll_rules import payroll_rule_sets_install
    from accounting.services.payroll_runs import payroll_run_create

    payroll_rule_sets_install()
    run = payroll_run_create(
        by=role_users["accountant"],
        month=date(2026, 3, 1),
        pay_date=date(2026, 4, 10),
        rule_set=PayrollRuleSet.objects.get(code="SIMPLE"),
    )
    member = role_users["employee"].employee
    payslip = Payslip.objects.create(
        run=run,
        employee=member,
        gross=100,
        deductions=20,
        net=80,
        employer_contributions=0,
        employer_cost=100,
    )
    exception = PayrollException.objects.create(
        run=run, employee=role_users["manager"].employee, reason="no_pay_profile", message="-"
    )
    return {
        "payroll_run": run,
        "payslip": payslip,
        "payroll_exception": exception,
        "published_payslip": _published_payslip(role_users, member),
    }


def _published_payslip(role_users, member):
    """The employee's payslip of an approved run: theirs to read in "My payslips"."""
    from accounting.models.payroll_runs import PayrollRun, Payslip
    from accounting.services.payroll_runs import payroll_run_create

    run = payroll_run_create(
        by=role_users["accountant"],
        month=date(2026, 2, 1),
        pay_date=date(2026, 3, 10),
        rule_set=PayrollRuleSet.objects.get(code="SIMPLE"),
    )
    PayrollRun.objects.filter(pk=run.pk).update(status=PayrollRun.Status.APPROVED)
    return Payslip.objects.create(
        run=run,
        employee=member,
        gross=100,
        deductions=20,
        net=80,
        employer_contributions=0,
        employer_cost=100,
    )


def _published(objects) -> dict:
    return {"pk": objects["published_payslip"].pk}


def _run(objects) -> dict:
    return {"pk": objects["payroll_run"].pk}


def _timesheet(objects) -> dict:
    return {"pk": objects["timesheet"].pk}


def _payables(role_users) -> dict:
    chart_of_accounts_install()
    accountant, controller = role_users["accountant"], role_users["controller"]
    supplier = SupplierFactory()
    bill = supplier_bill_create(
        by=accountant,
        supplier=supplier,
        number="F-1",
        bill_date=date(2026, 3, 2),
        lines=[line()],
    )
    posted = posted_bill(by=accountant, approver=controller, supplier=supplier, number="F-2")
    batch = payment_batch_create(
        by=accountant,
        payment_date=date(2026, 3, 20),
        payments=[{"bill": posted, "amount": posted.total}],
    )
    order = PurchaseOrderFactory(supplier=supplier, created_by=accountant)
    return {"bill": bill, "batch": batch, "order": order}


def _bill(objects) -> dict:
    return {"pk": objects["bill"].pk}


def _batch(objects) -> dict:
    return {"pk": objects["batch"].pk}


def _entry(objects) -> dict:
    return {"pk": objects["entry"].pk}


def _period(objects) -> dict:
    return {"pk": objects["period"].pk}


def _supplier(objects) -> dict:
    return {"pk": objects["supplier"].pk}


def _draft(objects) -> dict:
    return {"pk": objects["draft_order"].pk}


def _sent(objects) -> dict:
    return {"pk": objects["sent_order"].pk}


PURCHASERS = ("accountant", "admin")
RULE_READERS = ("accountant", "controller", "admin")
RULE_KEEPERS = ("accountant", "admin")


def _rule_set(objects) -> dict:
    return {"pk": objects["rule_set"].pk}


PAYROLL_READERS = ("accountant", "controller", "admin")


ROWS: dict[str, Row] = {
    "accounting:index": Row(only(*LEDGER_READERS)),
    "accounting:dashboard": Row(only("manager", "accountant", "controller", "admin")),
    "accounting:account-list": Row(only(*LEDGER_READERS)),
    "accounting:account-ledger": Row(
        only(*LEDGER_READERS), kwargs=lambda o: {"pk": o["account"].pk}
    ),
    "accounting:trial-balance": Row(only(*LEDGER_READERS)),
    "accounting:takings-import": Row(only("accountant", "admin")),
    # An upload is the uploader's alone: the admin gets 404 on the accountant's.
    "accounting:takings-import-detail": Row(
        only("accountant") | {"admin": 404}, kwargs=lambda o: {"pk": o["takings"].pk}
    ),
    "accounting:takings-import-confirm": Row(
        only("accountant", ok=302) | {"admin": 404},
        kwargs=lambda o: {"pk": o["takings"].pk},
        method="post",
    ),
    "accounting:takings-import-discard": Row(
        only("accountant", ok=302) | {"admin": 404},
        kwargs=lambda o: {"pk": o["takings"].pk},
        method="post",
    ),
    "accounting:period-list": Row(only(*LEDGER_READERS)),
    # Allowed roles are redirected back to the list whatever the period's state
    # (a refusal is a message), so these rows test the permission alone.
    "accounting:period-close": Row(only("accountant", "admin", ok=302), _period, method="post"),
    "accounting:period-reopen": Row(only("admin", ok=302), _period, method="post"),
    "accounting:entry-create": Row(only("accountant", "admin")),
    "accounting:entry-detail": Row(only(*LEDGER_READERS), _entry),
    "accounting:entry-post": Row(only("accountant", "admin", ok=302), _entry, method="post"),
    "accounting:entry-reverse": Row(only("accountant", "admin", ok=302), _entry, method="post"),
    # Accounts payable: accountants enter and pay, approvers approve, both read.
    "accounting:bill-list": Row(only(*LEDGER_READERS)),
    "accounting:bill-create": Row(only("accountant", "admin")),
    "accounting:bill-create-from-order": Row(
        only("accountant", "admin"), kwargs=lambda o: {"order_pk": o["order"].pk}
    ),
    "accounting:bill-due-soon": Row(only(*LEDGER_READERS)),
    "accounting:bill-detail": Row(only(*LEDGER_READERS), _bill),
    "accounting:bill-approve": Row(only(*APPROVERS, ok=302), _bill, method="post"),
    "accounting:bill-post": Row(only("accountant", "admin", ok=302), _bill, method="post"),
    "accounting:bill-cancel": Row(only("accountant", "admin", ok=302), _bill, method="post"),
    "accounting:bill-release": Row(only("accountant", "admin", ok=302), _bill, method="post"),
    "accounting:payables-ageing": Row(only(*LEDGER_READERS)),
    "accounting:batch-list": Row(only(*LEDGER_READERS)),
    "accounting:batch-create": Row(only("accountant", "admin")),
    "accounting:batch-detail": Row(only(*LEDGER_READERS), _batch),
    "accounting:batch-approve": Row(only(*APPROVERS, ok=302), _batch, method="post"),
    "accounting:batch-cancel": Row(only("accountant", "admin", ok=302), _batch, method="post"),
    "accounting:batch-post": Row(only("accountant", "admin", ok=302), _batch, method="post"),
    "accounting:batch-export": Row(
        only("accountant", "admin", ok=302),
        kwargs=lambda o: {"pk": o["batch"].pk, "file_format": "xml"},
        method="post",
    ),
    # Purchasing. State changes answer allowed roles with a redirect to the
    # order whatever its state (a refusal is a message), so these rows test
    # the permission alone; the services' tests cover the states.
    "accounting:supplier-list": Row(only(*LEDGER_READERS)),
    "accounting:supplier-create": Row(only(*PURCHASERS)),
    "accounting:supplier-detail": Row(only(*LEDGER_READERS), _supplier),
    "accounting:supplier-edit": Row(only(*PURCHASERS), _supplier),
    "accounting:supplier-deactivate": Row(only(*PURCHASERS, ok=302), _supplier, method="post"),
    "accounting:supplier-activate": Row(only(*PURCHASERS, ok=302), _supplier, method="post"),
    "accounting:purchaseorder-list": Row(only(*LEDGER_READERS)),
    "accounting:purchaseorder-create": Row(only(*PURCHASERS)),
    "accounting:purchaseorder-approvals": Row(only(*APPROVERS)),
    "accounting:purchaseorder-detail": Row(only(*LEDGER_READERS), _draft),
    "accounting:purchaseorder-edit": Row(only(*PURCHASERS), _draft),
    "accounting:purchaseorder-pdf": Row(only(*LEDGER_READERS), _sent),
    "accounting:purchaseorder-submit": Row(only(*PURCHASERS, ok=302), _draft, method="post"),
    "accounting:purchaseorder-approve": Row(only(*APPROVERS, ok=302), _draft, method="post"),
    "accounting:purchaseorder-reject": Row(only(*APPROVERS, ok=302), _draft, method="post"),
    "accounting:purchaseorder-send": Row(only(*PURCHASERS, ok=302), _draft, method="post"),
    "accounting:purchaseorder-cancel": Row(only(*PURCHASERS, ok=302), _draft, method="post"),
    "accounting:purchaseorder-close": Row(only(*PURCHASERS, ok=302), _draft, method="post"),
    "accounting:goodsreceipt-create": Row(only(*PURCHASERS), _sent),
    # Payroll rules: accountants keep them, the payroll approver reads them.
    "accounting:payrollruleset-list": Row(only(*RULE_READERS)),
    "accounting:payrollruleset-detail": Row(only(*RULE_READERS), _rule_set),
    "accounting:payrollruleset-try": Row(only(*RULE_READERS), _rule_set),
    "accounting:payrollrule-create": Row(only(*RULE_KEEPERS), _rule_set),
    "accounting:payrollrule-edit": Row(only(*RULE_KEEPERS), lambda o: {"pk": o["payroll_rule"].pk}),
    "accounting:payrollparameter-create": Row(only(*RULE_KEEPERS), _rule_set),
    "accounting:payrollparameter-edit": Row(
        only(*RULE_KEEPERS), lambda o: {"pk": o["payroll_parameter"].pk}
    ),
    "accounting:payrollbrackettable-edit": Row(
        only(*RULE_KEEPERS), lambda o: {"pk": o["bracket_table"].pk}
    ),
    # Payroll runs: accountants prepare, calculate and post; the payroll approver
    # reads and approves (the service then refuses a draft run: a redirect).
    "accounting:payrollrun-list": Row(only(*PAYROLL_READERS)),
    "accounting:payrollrun-create": Row(only("accountant", "admin")),
    "accounting:payrollrun-detail": Row(only(*PAYROLL_READERS), _run),
    "accounting:payrollrun-calculate": Row(
        only("accountant", "admin", ok=302), _run, method="post"
    ),
    "accounting:payrollrun-approve": Row(only("controller", "admin", ok=302), _run, method="post"),
    "accounting:payrollrun-post": Row(only("accountant", "admin", ok=302), _run, method="post"),
    # The form of an off-cycle correction (refused on submit unless the run is approved).
    "accounting:payrollrun-correct": Row(only("accountant", "admin"), _run),
    # After posting: payroll roles read the reports; accountants pay. The matrix's
    # run is a draft, so the bank file is refused (a redirect with the reason)
    # and an empty payment form is shown again with its error.
    "accounting:payrollrun-register": Row(only(*PAYROLL_READERS), _run),
    "accounting:payrollrun-cost": Row(only(*PAYROLL_READERS), _run),
    "accounting:payrollrun-bankfile": Row(only("accountant", "admin", ok=302), _run),
    "accounting:payrollrun-mark-paid": Row(only("accountant", "admin"), _run, method="post"),
    "accounting:payrollexception-decide": Row(
        only("accountant", "admin", ok=302),
        lambda o: {"pk": o["payroll_exception"].pk},
        method="post",
    ),
    "accounting:payslip-detail": Row(only(*PAYROLL_READERS), lambda o: {"pk": o["payslip"].pk}),
    # Payslip documents: the PDF for its owner and the payroll roles, 404 for the
    # rest (a manager included); "My payslips" shows only the user's own.
    "accounting:payslip-pdf": Row(only("employee", *PAYROLL_READERS, other=404), _published),
    "accounting:payrollrun-documents": Row(
        only("accountant", "controller", "admin", ok=302), _run, method="post"
    ),
    "accounting:my-payslip-list": Row(signed_in()),
    "accounting:my-payslip-detail": Row(only("employee", other=404), _published),
    # Payroll inputs: pay is for payroll roles and the employee alone (never the
    # manager); timesheets for the employee, their manager and payroll roles.
    "accounting:payprofile-list": Row(only(*PAYROLL_READERS)),
    "accounting:payprofile-employee": Row(
        only(*PAYROLL_READERS, other=404), kwargs=lambda o: {"employee_pk": o["member"].pk}
    ),
    # Every role holds the Employee role (self-service) and has an employee record.
    "accounting:payprofile-mine": Row(signed_in()),
    "accounting:payitem-list": Row(only(*PAYROLL_READERS)),
    "accounting:payitem-create": Row(only("accountant", "admin")),
    "accounting:timesheet-mine": Row(signed_in()),
    "accounting:timesheet-team": Row(only("manager", "admin")),
    "accounting:timesheet-approve-bulk": Row(only("manager", "admin", ok=302), method="post"),
    "accounting:timesheet-missing": Row(only(*PAYROLL_READERS)),
    "accounting:timesheet-detail": Row(
        only("employee", "manager", *PAYROLL_READERS, other=404), _timesheet
    ),
    # The admin may approve in general but is not this employee's manager.
    "accounting:timesheet-approve": Row(
        only("manager", ok=302) | {"admin": 404}, _timesheet, method="post"
    ),
    "accounting:timesheet-return": Row(
        only("manager", ok=302) | {"admin": 404}, _timesheet, method="post"
    ),
}
