"""The roles of the back office and what each may do, in one table.

A role is a Django group. A person has the Employee role plus whatever their
job needs; permissions add up. The table is applied by the data migration
`backoffice.0002_apply_roles` and again after every `migrate` (so a
permission added by a later migration reaches its groups), and
`tests/backoffice/test_roles.py` fails when the database and the table
disagree. Change a role here, never in the admin.
"""

from django.db.models import Q

EMPLOYEE = "Employee"
MANAGER = "Manager"
HR = "HR"
ACCOUNTANT = "Accountant"
PAYROLL_APPROVER = "Payroll approver"
IT = "IT"
IT_LEAD = "IT lead"
CLERK = "Clerk"
ADMINISTRATOR = "Administrator"

ALL_PERMISSIONS = "__all__"

ROLES: dict[str, list[str] | str] = {
    EMPLOYEE: [
        "hr.view_directory",
        "hr.raise_complaint",
        "hr.acknowledge_warning",
        "hr.view_own_training",
        "hr.acknowledge_policy",
        "accounting.fill_timesheet",
        "accounting.view_own_payprofile",
        "hr.request_leave",
        "it_support.raise_ticket",
    ],
    MANAGER: [
        "accounting.view_account",
        "accounting.view_supplier",
        "accounting.view_purchaseorder",
        "accounting.view_goodsreceipt",
        "accounting.view_supplierbill",
        "accounting.view_paymentbatch",
        "accounting.view_fiscalperiod",
        "accounting.view_journalentry",
        "accounting.view_journalline",
        "backoffice.access_accounting",
        "backoffice.view_dashboard",
        "hr.view_directory",
        "hr.view_team",
        "hr.view_team_warning",
        "hr.agree_dismissalcase",
        # Their team's timesheets (object rule: direct reports); never their pay.
        "accounting.approve_timesheet",
        # Their direct reports' leave (object rule in hr.selectors.leave).
        "hr.request_leave",
        "hr.approve_leave",
    ],
    HR: [
        "backoffice.access_hr",
        "hr.view_directory",
        "hr.add_department",
        "hr.change_department",
        "hr.view_department",
        "hr.add_position",
        "hr.change_position",
        "hr.view_position",
        "hr.add_employee",
        "hr.change_employee",
        "hr.view_employee",
        "hr.export_employee",
        "hr.import_employee",
        "hr.view_historicalemployee",
        "hr.add_employeepersonal",
        "hr.change_employeepersonal",
        "hr.view_employeepersonal",
        "hr.view_historicalemployeepersonal",
        "hr.view_employmentchange",
        "hr.add_employeedocument",
        "hr.change_employeedocument",
        "hr.view_employeedocument",
        "hr.view_historicalemployeedocument",
        "hr.view_documentexpirynotice",
        "hr.view_employeeimport",
        # Complaints: HR managers see and handle all of them.
        "hr.view_complaint",
        "hr.change_complaint",
        "hr.handle_complaint",
        "hr.manage_all_complaints",
        "hr.view_historicalcomplaint",
        "hr.add_complaintnote",
        "hr.view_complaintnote",
        # Discipline and departures.
        "hr.add_incident",
        "hr.view_incident",
        "hr.add_warning",
        "hr.change_warning",
        "hr.view_warning",
        "hr.view_historicalwarning",
        "hr.view_escalationrule",
        "hr.view_disciplineproposal",
        "hr.change_disciplineproposal",
        "hr.view_historicaldisciplineproposal",
        "hr.add_dismissalcase",
        "hr.change_dismissalcase",
        "hr.view_dismissalcase",
        "hr.view_historicaldismissalcase",
        "hr.add_termination",
        "hr.view_termination",
        "hr.view_offboardingitem",
        "hr.change_offboardingitem",
        "hr.add_course",
        "hr.change_course",
        "hr.view_course",
        "hr.add_trainingsession",
        "hr.change_trainingsession",
        "hr.view_trainingsession",
        "hr.add_trainingassignment",
        "hr.change_trainingassignment",
        "hr.view_trainingassignment",
        "hr.view_historicaltrainingassignment",
        "hr.add_policy",
        "hr.change_policy",
        "hr.view_policy",
        "hr.add_policyversion",
        "hr.change_policyversion",
        "hr.view_policyversion",
        "hr.view_historicalpolicyversion",
        "hr.view_policyacknowledgement",
        # Hiring: HR runs it; hiring managers and interviewers get in
        # through object rules (hr.selectors.hiring), not permissions.
        "hr.add_jobopening",
        "hr.change_jobopening",
        "hr.view_jobopening",
        "hr.view_historicaljobopening",
        "hr.add_applicant",
        "hr.change_applicant",
        "hr.view_applicant",
        "hr.hire_applicant",
        "hr.view_historicalapplicant",
        "hr.view_applicantstagechange",
        "hr.add_interview",
        "hr.change_interview",
        "hr.view_interview",
        "hr.view_interviewfeedback",
        "hr.add_offer",
        "hr.change_offer",
        "hr.view_offer",
        "hr.view_historicaloffer",
        "hr.view_onboardingtemplate",
        "hr.add_onboardingtemplate",
        "hr.change_onboardingtemplate",
        "hr.view_onboardingtemplatetask",
        "hr.add_onboardingtemplatetask",
        "hr.change_onboardingtemplatetask",
        "hr.delete_onboardingtemplatetask",
        "hr.view_onboardingchecklist",
        "hr.view_onboardingtask",
        "hr.change_onboardingtask",
        # Leave: HR records, decides the types it approves, cuts short, adjusts.
        "hr.request_leave",
        "hr.manage_leave",
        "hr.view_leaverequest",
        "hr.view_historicalleaverequest",
        "hr.view_leavetype",
        "hr.change_leavetype",
        "hr.view_leavepolicyset",
        "hr.view_leavepolicy",
        "hr.add_leavepolicy",
        "hr.change_leavepolicy",
        "hr.view_historicalleavepolicy",
        "hr.view_leaveledgerentry",
        "hr.add_leaveledgerentry",
        "hr.view_teamstaffing",
        "hr.view_leavecalendarfeed",
    ],
    ACCOUNTANT: [
        "accounting.add_account",
        "accounting.change_account",
        "accounting.view_account",
        "accounting.add_journalentry",
        "accounting.change_journalentry",
        "accounting.post_journalentry",
        "accounting.view_journalentry",
        "accounting.view_journalline",
        "accounting.view_historicaljournalentry",
        "accounting.view_fiscalyear",
        "accounting.add_fiscalyear",
        "accounting.view_fiscalperiod",
        "accounting.change_fiscalperiod",
        "accounting.add_takingsimport",
        "accounting.view_takingsimport",
        "accounting.add_supplier",
        "accounting.change_supplier",
        "accounting.view_supplier",
        "accounting.view_historicalsupplier",
        "accounting.add_purchaseorder",
        "accounting.change_purchaseorder",
        "accounting.view_purchaseorder",
        "accounting.approve_purchaseorder",
        "accounting.view_historicalpurchaseorder",
        "accounting.add_goodsreceipt",
        "accounting.view_goodsreceipt",
        "accounting.add_supplierbill",
        "accounting.change_supplierbill",
        "accounting.view_supplierbill",
        "accounting.approve_supplierbill",
        "accounting.view_historicalsupplierbill",
        "accounting.add_paymentbatch",
        "accounting.change_paymentbatch",
        "accounting.view_paymentbatch",
        "accounting.approve_paymentbatch",
        "accounting.view_historicalpaymentbatch",
        # Payroll rules: accountants keep them; every change is checked and kept.
        "accounting.view_payrollruleset",
        "accounting.add_payrollrule",
        "accounting.change_payrollrule",
        "accounting.view_payrollrule",
        "accounting.view_historicalpayrollrule",
        "accounting.add_payrollparameter",
        "accounting.change_payrollparameter",
        "accounting.view_payrollparameter",
        "accounting.view_historicalpayrollparameter",
        "accounting.view_payrollbrackettable",
        "accounting.change_payrollbrackettable",
        "accounting.view_payrollbracketrow",
        # Payroll inputs.
        "accounting.add_payprofile",
        "accounting.view_payprofile",
        "accounting.view_historicalpayprofile",
        "accounting.add_payitem",
        "accounting.change_payitem",
        "accounting.view_payitem",
        "accounting.view_historicalpayitem",
        "accounting.view_timesheet",
        "accounting.view_timesheetday",
        "accounting.view_historicaltimesheet",
        "backoffice.view_publicholiday",
        # Payroll runs: accountants prepare and calculate; another person approves.
        "accounting.add_payrollrun",
        "accounting.change_payrollrun",
        "accounting.view_payrollrun",
        "accounting.calculate_payrollrun",
        "accounting.view_historicalpayrollrun",
        "backoffice.access_accounting",
        "backoffice.view_dashboard",
        "hr.view_directory",
        "hr.view_department",
    ],
    PAYROLL_APPROVER: [
        "accounting.view_account",
        "accounting.view_supplier",
        "accounting.view_purchaseorder",
        "accounting.approve_purchaseorder",
        "accounting.view_goodsreceipt",
        "accounting.view_supplierbill",
        "accounting.approve_supplierbill",
        "accounting.view_paymentbatch",
        "accounting.approve_paymentbatch",
        "accounting.view_fiscalperiod",
        "accounting.view_journalentry",
        "accounting.view_journalline",
        "accounting.view_payrollruleset",
        "accounting.view_payrollrule",
        "accounting.view_historicalpayrollrule",
        "accounting.view_payrollparameter",
        "accounting.view_historicalpayrollparameter",
        "accounting.view_payrollbrackettable",
        "accounting.view_payrollbracketrow",
        "accounting.view_payprofile",
        "accounting.view_historicalpayprofile",
        "accounting.view_payitem",
        "accounting.view_historicalpayitem",
        "accounting.view_timesheet",
        "accounting.view_timesheetday",
        "backoffice.view_publicholiday",
        "accounting.view_payrollrun",
        "accounting.approve_payrollrun",
        "accounting.view_historicalpayrollrun",
        "backoffice.access_accounting",
        "backoffice.view_dashboard",
        "hr.view_directory",
    ],
    IT: [
        "backoffice.access_it",
        "hr.view_directory",
        "it_support.view_system",
        "it_support.add_system",
        "it_support.change_system",
        "it_support.view_equipment",
        "it_support.add_equipment",
        "it_support.change_equipment",
        # Licences, maintenance, change requests and the knowledge base (it-assets).
        "it_support.view_historicalsystem",
        "it_support.view_historicalequipment",
        "it_support.view_licence",
        "it_support.add_licence",
        "it_support.change_licence",
        "it_support.view_licenceassignment",
        "it_support.add_licenceassignment",
        "it_support.delete_licenceassignment",
        "it_support.view_maintenanceplan",
        "it_support.add_maintenanceplan",
        "it_support.change_maintenanceplan",
        "it_support.view_maintenancelog",
        "it_support.add_maintenancelog",
        "it_support.view_changerequest",
        "it_support.add_changerequest",
        "it_support.change_changerequest",
        "it_support.view_historicalchangerequest",
        "it_support.view_article",
        "it_support.add_article",
        "it_support.change_article",
        "it_support.work_ticket",
        "it_support.view_ticket",
        "it_support.change_ticket",
        "it_support.view_historicalticket",
        "it_support.view_ticketmessage",
        "it_support.view_ticketattachment",
    ],
    # Given on top of IT to the one who approves changes for IT (the demo's `it` user);
    # the system's business owner is the second approver, never the same person.
    IT_LEAD: [
        "it_support.lead_it",
    ],
    CLERK: [
        "backoffice.access_clerical",
        "hr.view_directory",
        "clerical.view_document",
        "clerical.add_document",
        "clerical.change_document",
        # Phones, calls, messages and office requests.
        "clerical.view_presence",
        "clerical.change_presence",
        "clerical.view_historicalpresence",
        "clerical.add_call",
        "clerical.view_call",
        "clerical.change_call",
        "clerical.view_historicalcall",
        "clerical.view_calltransfer",
        "clerical.view_phonemessage",
        "clerical.view_all_phonemessage",
        "clerical.view_historicalphonemessage",
        "clerical.view_officerequest",
        "clerical.work_officerequest",
        "clerical.view_historicalofficerequest",
    ],
    ADMINISTRATOR: ALL_PERMISSIONS,
}

# Which department each role works in, for the navigation and the home page.
AREA_PERMISSIONS = {
    "hr": "backoffice.access_hr",
    "accounting": "backoffice.access_accounting",
    "it_support": "backoffice.access_it",
    "clerical": "backoffice.access_clerical",
}


class UnknownPermission(LookupError):
    pass


def _permission_filter(codes: list[str]) -> Q:
    query = Q(pk__in=[])
    for code in codes:
        app_label, codename = code.split(".", 1)
        query |= Q(content_type__app_label=app_label, codename=codename)
    return query


def sync_roles(*, apps, strict: bool = True, using: str = "default") -> None:
    """Make every role's group hold exactly the permissions of the table.

    `apps` is the app registry: Django's own, or a migration's historical one.
    With `strict`, a permission named in the table that does not exist is an
    error; the data migration runs before later apps have created theirs.
    """
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codes in ROLES.items():
        group, _created = Group.objects.using(using).get_or_create(name=name)
        if codes == ALL_PERMISSIONS:
            permissions = list(Permission.objects.using(using).all())
        else:
            permissions = list(
                Permission.objects.using(using)
                .filter(_permission_filter(codes))
                .select_related("content_type")
            )
            found = {f"{p.content_type.app_label}.{p.codename}" for p in permissions}
            missing = sorted(set(codes) - found)
            if missing and strict:
                raise UnknownPermission(f"Role {name!r} names unknown permissions: {missing}")
        group.permissions.set(permissions)
