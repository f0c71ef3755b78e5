from django.urls import path

from accounting.views import dashboard as dashboard_views
from accounting.views import ledger as ledger_views
from accounting.views import pay as pay_views
from accounting.views import payables as payables_views
from accounting.views import payment_batches as payment_batches_views
from accounting.views import payroll_reports as payroll_reports_views
from accounting.views import payroll_rules as payroll_rules_views
from accounting.views import payroll_runs as payroll_runs_views
from accounting.views import payslips as payslips_views
from accounting.views import purchasing as purchasing_views
from accounting.views import takings as takings_views

app_name = "accounting"

urlpatterns = [
    path("", ledger_views.index, name="index"),
    path("dashboard/", dashboard_views.dashboard, name="dashboard"),
    path("accounts/", ledger_views.account_list, name="account-list"),
    path("accounts/<int:pk>/ledger/", ledger_views.account_ledger, name="account-ledger"),
    path("trial-balance/", ledger_views.trial_balance, name="trial-balance"),
    path("takings/", takings_views.takings_import, name="takings-import"),
    path("takings/<int:pk>/", takings_views.takings_import_detail, name="takings-import-detail"),
    path(
        "takings/<int:pk>/confirm/",
        takings_views.takings_import_confirm_view,
        name="takings-import-confirm",
    ),
    path(
        "takings/<int:pk>/discard/",
        takings_views.takings_import_discard_view,
        name="takings-import-discard",
    ),
    path("periods/", ledger_views.period_list, name="period-list"),
    path("periods/<int:pk>/close/", ledger_views.period_close, name="period-close"),
    path("periods/<int:pk>/reopen/", ledger_views.period_reopen, name="period-reopen"),
    path("entries/new/", ledger_views.entry_create, name="entry-create"),
    path("entries/<int:pk>/", ledger_views.entry_detail, name="entry-detail"),
    path("entries/<int:pk>/post/", ledger_views.entry_post, name="entry-post"),
    path("entries/<int:pk>/reverse/", ledger_views.entry_reverse, name="entry-reverse"),
    # Accounts payable
    path("bills/", payables_views.bill_list, name="bill-list"),
    path("bills/new/", payables_views.bill_create, name="bill-create"),
    path(
        "bills/from-order/<int:order_pk>/",
        payables_views.bill_create_from_order,
        name="bill-create-from-order",
    ),
    path("bills/due/", payables_views.bill_due_soon, name="bill-due-soon"),
    path("bills/<int:pk>/", payables_views.bill_detail, name="bill-detail"),
    path("bills/<int:pk>/approve/", payables_views.bill_approve, name="bill-approve"),
    path("bills/<int:pk>/post/", payables_views.bill_post, name="bill-post"),
    path("bills/<int:pk>/cancel/", payables_views.bill_cancel, name="bill-cancel"),
    path("bills/<int:pk>/release/", payables_views.bill_release, name="bill-release"),
    path("payables/ageing/", payables_views.payables_ageing, name="payables-ageing"),
    path("payments/", payment_batches_views.batch_list, name="batch-list"),
    path("payments/new/", payment_batches_views.batch_create, name="batch-create"),
    path("payments/<int:pk>/", payment_batches_views.batch_detail, name="batch-detail"),
    path("payments/<int:pk>/approve/", payment_batches_views.batch_approve, name="batch-approve"),
    path("payments/<int:pk>/cancel/", payment_batches_views.batch_cancel, name="batch-cancel"),
    path(
        "payments/<int:pk>/export/<slug:file_format>/",
        payment_batches_views.batch_export,
        name="batch-export",
    ),
    path("payments/<int:pk>/paid/", payment_batches_views.batch_post, name="batch-post"),
    # Purchasing
    path("suppliers/", purchasing_views.supplier_list, name="supplier-list"),
    path("suppliers/new/", purchasing_views.supplier_create, name="supplier-create"),
    path("suppliers/<int:pk>/", purchasing_views.supplier_detail, name="supplier-detail"),
    path("suppliers/<int:pk>/edit/", purchasing_views.supplier_edit, name="supplier-edit"),
    path(
        "suppliers/<int:pk>/deactivate/",
        purchasing_views.supplier_deactivate,
        name="supplier-deactivate",
    ),
    path(
        "suppliers/<int:pk>/activate/", purchasing_views.supplier_activate, name="supplier-activate"
    ),
    path("purchase-orders/", purchasing_views.purchaseorder_list, name="purchaseorder-list"),
    path(
        "purchase-orders/new/", purchasing_views.purchaseorder_create, name="purchaseorder-create"
    ),
    path(
        "purchase-orders/awaiting-approval/",
        purchasing_views.purchaseorder_approvals,
        name="purchaseorder-approvals",
    ),
    path(
        "purchase-orders/<int:pk>/",
        purchasing_views.purchaseorder_detail,
        name="purchaseorder-detail",
    ),
    path(
        "purchase-orders/<int:pk>/edit/",
        purchasing_views.purchaseorder_edit,
        name="purchaseorder-edit",
    ),
    path(
        "purchase-orders/<int:pk>/submit/",
        purchasing_views.purchaseorder_submit,
        name="purchaseorder-submit",
    ),
    path(
        "purchase-orders/<int:pk>/approve/",
        purchasing_views.purchaseorder_approve,
        name="purchaseorder-approve",
    ),
    path(
        "purchase-orders/<int:pk>/reject/",
        purchasing_views.purchaseorder_reject,
        name="purchaseorder-reject",
    ),
    path(
        "purchase-orders/<int:pk>/send/",
        purchasing_views.purchaseorder_send,
        name="purchaseorder-send",
    ),
    path(
        "purchase-orders/<int:pk>/cancel/",
        purchasing_views.purchaseorder_cancel,
        name="purchaseorder-cancel",
    ),
    path(
        "purchase-orders/<int:pk>/close/",
        purchasing_views.purchaseorder_close,
        name="purchaseorder-close",
    ),
    path(
        "purchase-orders/<int:pk>/pdf/",
        purchasing_views.purchaseorder_pdf,
        name="purchaseorder-pdf",
    ),
    path(
        "purchase-orders/<int:pk>/receive/",
        purchasing_views.goodsreceipt_create,
        name="goodsreceipt-create",
    ),
    # Payroll rules
    path("payroll/rules/", payroll_rules_views.payrollruleset_list, name="payrollruleset-list"),
    path(
        "payroll/rules/<int:pk>/",
        payroll_rules_views.payrollruleset_detail,
        name="payrollruleset-detail",
    ),
    path(
        "payroll/rules/<int:pk>/try/",
        payroll_rules_views.payrollruleset_try,
        name="payrollruleset-try",
    ),
    path(
        "payroll/rules/<int:pk>/rules/new/",
        payroll_rules_views.payrollrule_create,
        name="payrollrule-create",
    ),
    path(
        "payroll/rules/rule/<int:pk>/edit/",
        payroll_rules_views.payrollrule_edit,
        name="payrollrule-edit",
    ),
    path(
        "payroll/rules/<int:pk>/parameters/new/",
        payroll_rules_views.payrollparameter_create,
        name="payrollparameter-create",
    ),
    path(
        "payroll/rules/parameter/<int:pk>/edit/",
        payroll_rules_views.payrollparameter_edit,
        name="payrollparameter-edit",
    ),
    path(
        "payroll/rules/table/<int:pk>/edit/",
        payroll_rules_views.payrollbrackettable_edit,
        name="payrollbrackettable-edit",
    ),
    # Payroll runs
    path("payroll/runs/", payroll_runs_views.payrollrun_list, name="payrollrun-list"),
    path("payroll/runs/new/", payroll_runs_views.payrollrun_create, name="payrollrun-create"),
    path("payroll/runs/<int:pk>/", payroll_runs_views.payrollrun_detail, name="payrollrun-detail"),
    path(
        "payroll/runs/<int:pk>/calculate/",
        payroll_runs_views.payrollrun_calculate,
        name="payrollrun-calculate",
    ),
    path(
        "payroll/runs/<int:pk>/approve/",
        payroll_runs_views.payrollrun_approve,
        name="payrollrun-approve",
    ),
    path("payroll/runs/<int:pk>/post/", payroll_runs_views.payrollrun_post, name="payrollrun-post"),
    path(
        "payroll/runs/<int:pk>/correct/",
        payroll_runs_views.payrollrun_correct,
        name="payrollrun-correct",
    ),
    path(
        "payroll/runs/<int:pk>/register/",
        payroll_reports_views.payrollrun_register,
        name="payrollrun-register",
    ),
    path(
        "payroll/runs/<int:pk>/cost/", payroll_reports_views.payrollrun_cost, name="payrollrun-cost"
    ),
    path(
        "payroll/runs/<int:pk>/bank-file/",
        payroll_reports_views.payrollrun_bankfile,
        name="payrollrun-bankfile",
    ),
    path(
        "payroll/runs/<int:pk>/mark-paid/",
        payroll_reports_views.payrollrun_mark_paid,
        name="payrollrun-mark-paid",
    ),
    path(
        "payroll/exceptions/<int:pk>/decide/",
        payroll_runs_views.payrollexception_decide,
        name="payrollexception-decide",
    ),
    path("payroll/payslips/<int:pk>/", payroll_runs_views.payslip_detail, name="payslip-detail"),
    # Payslip documents and the employee's own payslips
    path("payroll/payslips/<int:pk>/pdf/", payslips_views.payslip_pdf, name="payslip-pdf"),
    path(
        "payroll/runs/<int:pk>/documents/",
        payslips_views.payrollrun_documents,
        name="payrollrun-documents",
    ),
    path("payroll/me/payslips/", payslips_views.my_payslip_list, name="my-payslip-list"),
    path(
        "payroll/me/payslips/<int:pk>/", payslips_views.my_payslip_detail, name="my-payslip-detail"
    ),
    # Payroll inputs
    path("pay/profiles/", pay_views.payprofile_list, name="payprofile-list"),
    path(
        "pay/profiles/employee/<int:employee_pk>/",
        pay_views.payprofile_employee,
        name="payprofile-employee",
    ),
    path("pay/mine/", pay_views.payprofile_mine, name="payprofile-mine"),
    path("pay/items/", pay_views.payitem_list, name="payitem-list"),
    path("pay/items/new/", pay_views.payitem_create, name="payitem-create"),
    path("timesheets/mine/", pay_views.timesheet_mine, name="timesheet-mine"),
    path("timesheets/team/", pay_views.timesheet_team, name="timesheet-team"),
    path(
        "timesheets/team/approve/", pay_views.timesheet_approve_bulk, name="timesheet-approve-bulk"
    ),
    path("timesheets/missing/", pay_views.timesheet_missing, name="timesheet-missing"),
    path("timesheets/<int:pk>/", pay_views.timesheet_detail, name="timesheet-detail"),
    path("timesheets/<int:pk>/approve/", pay_views.timesheet_approve, name="timesheet-approve"),
    path("timesheets/<int:pk>/return/", pay_views.timesheet_return, name="timesheet-return"),
]
