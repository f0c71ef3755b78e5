from django.urls import path

from accounting import views

app_name = "accounting"

urlpatterns = [
    path("", views.index, name="index"),
    path("accounts/", views.account_list, name="account-list"),
    path("accounts/<int:pk>/ledger/", views.account_ledger, name="account-ledger"),
    path("trial-balance/", views.trial_balance, name="trial-balance"),
    path("takings/", views.takings_import, name="takings-import"),
    path("takings/<int:pk>/", views.takings_import_detail, name="takings-import-detail"),
    path(
        "takings/<int:pk>/confirm/",
        views.takings_import_confirm_view,
        name="takings-import-confirm",
    ),
    path(
        "takings/<int:pk>/discard/",
        views.takings_import_discard_view,
        name="takings-import-discard",
    ),
    path("periods/", views.period_list, name="period-list"),
    path("periods/<int:pk>/close/", views.period_close, name="period-close"),
    path("periods/<int:pk>/reopen/", views.period_reopen, name="period-reopen"),
    path("entries/new/", views.entry_create, name="entry-create"),
    path("entries/<int:pk>/", views.entry_detail, name="entry-detail"),
    path("entries/<int:pk>/post/", views.entry_post, name="entry-post"),
    path("entries/<int:pk>/reverse/", views.entry_reverse, name="entry-reverse"),
    # Accounts payable
    path("bills/", views.bill_list, name="bill-list"),
    path("bills/new/", views.bill_create, name="bill-create"),
    path(
        "bills/from-order/<int:order_pk>/",
        views.bill_create_from_order,
        name="bill-create-from-order",
    ),
    path("bills/due/", views.bill_due_soon, name="bill-due-soon"),
    path("bills/<int:pk>/", views.bill_detail, name="bill-detail"),
    path("bills/<int:pk>/approve/", views.bill_approve, name="bill-approve"),
    path("bills/<int:pk>/post/", views.bill_post, name="bill-post"),
    path("bills/<int:pk>/cancel/", views.bill_cancel, name="bill-cancel"),
    path("bills/<int:pk>/release/", views.bill_release, name="bill-release"),
    path("payables/ageing/", views.payables_ageing, name="payables-ageing"),
    path("payments/", views.batch_list, name="batch-list"),
    path("payments/new/", views.batch_create, name="batch-create"),
    path("payments/<int:pk>/", views.batch_detail, name="batch-detail"),
    path("payments/<int:pk>/approve/", views.batch_approve, name="batch-approve"),
    path("payments/<int:pk>/cancel/", views.batch_cancel, name="batch-cancel"),
    path("payments/<int:pk>/export/<slug:file_format>/", views.batch_export, name="batch-export"),
    path("payments/<int:pk>/paid/", views.batch_post, name="batch-post"),
    # Purchasing
    path("suppliers/", views.supplier_list, name="supplier-list"),
    path("suppliers/new/", views.supplier_create, name="supplier-create"),
    path("suppliers/<int:pk>/", views.supplier_detail, name="supplier-detail"),
    path("suppliers/<int:pk>/edit/", views.supplier_edit, name="supplier-edit"),
    path("suppliers/<int:pk>/deactivate/", views.supplier_deactivate, name="supplier-deactivate"),
    path("suppliers/<int:pk>/activate/", views.supplier_activate, name="supplier-activate"),
    path("purchase-orders/", views.purchaseorder_list, name="purchaseorder-list"),
    path("purchase-orders/new/", views.purchaseorder_create, name="purchaseorder-create"),
    path(
        "purchase-orders/awaiting-approval/",
        views.purchaseorder_approvals,
        name="purchaseorder-approvals",
    ),
    path("purchase-orders/<int:pk>/", views.purchaseorder_detail, name="purchaseorder-detail"),
    path("purchase-orders/<int:pk>/edit/", views.purchaseorder_edit, name="purchaseorder-edit"),
    path(
        "purchase-orders/<int:pk>/submit/", views.purchaseorder_submit, name="purchaseorder-submit"
    ),
    path(
        "purchase-orders/<int:pk>/approve/",
        views.purchaseorder_approve,
        name="purchaseorder-approve",
    ),
    path(
        "purchase-orders/<int:pk>/reject/", views.purchaseorder_reject, name="purchaseorder-reject"
    ),
    path("purchase-orders/<int:pk>/send/", views.purchaseorder_send, name="purchaseorder-send"),
    path(
        "purchase-orders/<int:pk>/cancel/", views.purchaseorder_cancel, name="purchaseorder-cancel"
    ),
    path("purchase-orders/<int:pk>/close/", views.purchaseorder_close, name="purchaseorder-close"),
    path("purchase-orders/<int:pk>/pdf/", views.purchaseorder_pdf, name="purchaseorder-pdf"),
    path(
        "purchase-orders/<int:pk>/receive/",
        views.goodsreceipt_create,
        name="goodsreceipt-create",
    ),
    # Payroll rules
    path("payroll/rules/", views.payrollruleset_list, name="payrollruleset-list"),
    path("payroll/rules/<int:pk>/", views.payrollruleset_detail, name="payrollruleset-detail"),
    path("payroll/rules/<int:pk>/try/", views.payrollruleset_try, name="payrollruleset-try"),
    path("payroll/rules/<int:pk>/rules/new/", views.payrollrule_create, name="payrollrule-create"),
    path("payroll/rules/rule/<int:pk>/edit/", views.payrollrule_edit, name="payrollrule-edit"),
    path(
        "payroll/rules/<int:pk>/parameters/new/",
        views.payrollparameter_create,
        name="payrollparameter-create",
    ),
    path(
        "payroll/rules/parameter/<int:pk>/edit/",
        views.payrollparameter_edit,
        name="payrollparameter-edit",
    ),
    path(
        "payroll/rules/table/<int:pk>/edit/",
        views.payrollbrackettable_edit,
        name="payrollbrackettable-edit",
    ),
    # Payroll runs
    path("payroll/runs/", views.payrollrun_list, name="payrollrun-list"),
    path("payroll/runs/new/", views.payrollrun_create, name="payrollrun-create"),
    path("payroll/runs/<int:pk>/", views.payrollrun_detail, name="payrollrun-detail"),
    path(
        "payroll/runs/<int:pk>/calculate/", views.payrollrun_calculate, name="payrollrun-calculate"
    ),
    path("payroll/runs/<int:pk>/approve/", views.payrollrun_approve, name="payrollrun-approve"),
    path("payroll/runs/<int:pk>/post/", views.payrollrun_post, name="payrollrun-post"),
    path("payroll/runs/<int:pk>/correct/", views.payrollrun_correct, name="payrollrun-correct"),
    path("payroll/runs/<int:pk>/register/", views.payrollrun_register, name="payrollrun-register"),
    path("payroll/runs/<int:pk>/cost/", views.payrollrun_cost, name="payrollrun-cost"),
    path("payroll/runs/<int:pk>/bank-file/", views.payrollrun_bankfile, name="payrollrun-bankfile"),
    path(
        "payroll/runs/<int:pk>/mark-paid/", views.payrollrun_mark_paid, name="payrollrun-mark-paid"
    ),
    path(
        "payroll/exceptions/<int:pk>/decide/",
        views.payrollexception_decide,
        name="payrollexception-decide",
    ),
    path("payroll/payslips/<int:pk>/", views.payslip_detail, name="payslip-detail"),
    # Payslip documents and the employee's own payslips
    path("payroll/payslips/<int:pk>/pdf/", views.payslip_pdf, name="payslip-pdf"),
    path(
        "payroll/runs/<int:pk>/documents/",
        views.payrollrun_documents,
        name="payrollrun-documents",
    ),
    path("payroll/me/payslips/", views.my_payslip_list, name="my-payslip-list"),
    path("payroll/me/payslips/<int:pk>/", views.my_payslip_detail, name="my-payslip-detail"),
    # Payroll inputs
    path("pay/profiles/", views.payprofile_list, name="payprofile-list"),
    path(
        "pay/profiles/employee/<int:employee_pk>/",
        views.payprofile_employee,
        name="payprofile-employee",
    ),
    path("pay/mine/", views.payprofile_mine, name="payprofile-mine"),
    path("pay/items/", views.payitem_list, name="payitem-list"),
    path("pay/items/new/", views.payitem_create, name="payitem-create"),
    path("timesheets/mine/", views.timesheet_mine, name="timesheet-mine"),
    path("timesheets/team/", views.timesheet_team, name="timesheet-team"),
    path("timesheets/team/approve/", views.timesheet_approve_bulk, name="timesheet-approve-bulk"),
    path("timesheets/missing/", views.timesheet_missing, name="timesheet-missing"),
    path("timesheets/<int:pk>/", views.timesheet_detail, name="timesheet-detail"),
    path("timesheets/<int:pk>/approve/", views.timesheet_approve, name="timesheet-approve"),
    path("timesheets/<int:pk>/return/", views.timesheet_return, name="timesheet-return"),
]
