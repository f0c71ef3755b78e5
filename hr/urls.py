from django.urls import path

from hr.views import complaints as complaints_views
from hr.views import discipline as discipline_views
from hr.views import employees as employees_views
from hr.views import hiring as hiring_views
from hr.views import interviews as interviews_views
from hr.views import leave as leave_views
from hr.views import offboarding as offboarding_views
from hr.views import onboarding as onboarding_views
from hr.views import policies as policies_views
from hr.views import records as records_views
from hr.views import training as training_views

app_name = "hr"

urlpatterns = [
    # Leave
    path("leave/", leave_views.leave_mine, name="leave-mine"),
    path("leave/new/", leave_views.leave_request, name="leave-request"),
    path("leave/record/", leave_views.leave_record, name="leave-record"),
    path("leave/team/", leave_views.leave_team, name="leave-team"),
    path("leave/team/staffing/", leave_views.leave_staffing, name="leave-staffing"),
    path("leave/calendars/", leave_views.leave_feeds, name="leave-feeds"),
    path(
        "leave/calendars/<int:pk>/revoke/", leave_views.leave_feed_revoke, name="leave-feed-revoke"
    ),
    path("leave/calendar/<str:token>.ics", leave_views.leave_feed, name="leave-feed"),
    path("leave/<int:pk>/", leave_views.leave_detail, name="leave-detail"),
    path("leave/<int:pk>/decide/", leave_views.leave_decide, name="leave-decide"),
    path("leave/<int:pk>/cancel/", leave_views.leave_cancel, name="leave-cancel"),
    path("leave/<int:pk>/cut-short/", leave_views.leave_cut_short, name="leave-cut-short"),
    path("employees/<int:pk>/leave/", leave_views.leave_ledger, name="leave-ledger"),
    path("employees/<int:pk>/leave/adjust/", leave_views.leave_adjust_view, name="leave-adjust"),
    path("", employees_views.index, name="index"),
    path("directory/", employees_views.directory, name="directory"),
    path("org-chart/", records_views.org_chart, name="org-chart"),
    path("employees/<int:pk>/", employees_views.employee_detail, name="employee-detail"),
    path(
        "employees/<int:pk>/personal/",
        employees_views.employee_personal_edit,
        name="employee-personal-edit",
    ),
    path("employees/<int:pk>/change/", employees_views.employee_change, name="employee-change"),
    path("employees/export/", employees_views.employee_export, name="employee-export"),
    path("employees/import/", records_views.employee_import, name="employee-import"),
    path(
        "employees/import/<uuid:pk>/",
        records_views.employee_import_preview,
        name="employee-import-preview",
    ),
    path(
        "employees/import/<uuid:pk>/confirm/",
        records_views.employee_import_confirm,
        name="employee-import-confirm",
    ),
    path(
        "employees/<int:pk>/documents/new/",
        records_views.document_upload,
        name="document-upload",
    ),
    path("documents/<int:pk>/download/", records_views.document_download, name="document-download"),
    path("documents/mine/", records_views.my_documents, name="my-documents"),
    path("documents/expiring/", records_views.documents_expiring, name="documents-expiring"),
    # Complaints
    path("complaints/", complaints_views.complaint_list, name="complaint-list"),
    path("complaints/new/", complaints_views.complaint_create, name="complaint-create"),
    path("complaints/export/", complaints_views.complaint_export, name="complaint-export"),
    path("complaints/<int:pk>/", complaints_views.complaint_detail, name="complaint-detail"),
    path(
        "complaints/<int:pk>/status/",
        complaints_views.complaint_transition,
        name="complaint-transition",
    ),
    path("complaints/<int:pk>/notes/", complaints_views.complaint_note, name="complaint-note"),
    path(
        "complaints/<int:pk>/handlers/", complaints_views.complaint_assign, name="complaint-assign"
    ),
    # Discipline
    path(
        "employees/<int:pk>/discipline/",
        discipline_views.employee_discipline,
        name="employee-discipline",
    ),
    path(
        "employees/<int:pk>/incidents/new/",
        discipline_views.incident_create,
        name="incident-create",
    ),
    path(
        "employees/<int:pk>/warnings/new/", discipline_views.warning_create, name="warning-create"
    ),
    path("warnings/mine/", discipline_views.my_warnings, name="warning-mine"),
    path("warnings/team/", discipline_views.team_warnings, name="warning-team"),
    path("warnings/<int:pk>/", discipline_views.warning_detail, name="warning-detail"),
    path(
        "warnings/<int:pk>/acknowledge/",
        discipline_views.warning_acknowledge,
        name="warning-acknowledge",
    ),
    path("warnings/<int:pk>/share/", discipline_views.warning_share, name="warning-share"),
    path("proposals/<int:pk>/decline/", discipline_views.proposal_decline, name="proposal-decline"),
    # Departures
    path(
        "employees/<int:pk>/dismissal/new/",
        discipline_views.dismissal_create,
        name="dismissal-create",
    ),
    path("dismissals/team/", discipline_views.dismissal_team, name="dismissal-team"),
    path("dismissals/<int:pk>/", discipline_views.dismissal_detail, name="dismissal-detail"),
    path(
        "dismissals/<int:pk>/agree/hr/",
        discipline_views.dismissal_agree_hr,
        name="dismissal-agree-hr",
    ),
    path(
        "dismissals/<int:pk>/agree/manager/",
        discipline_views.dismissal_agree_manager,
        name="dismissal-agree-manager",
    ),
    path(
        "dismissals/<int:pk>/withdraw/",
        discipline_views.dismissal_withdraw,
        name="dismissal-withdraw",
    ),
    path(
        "employees/<int:pk>/departure/new/",
        discipline_views.termination_create,
        name="termination-create",
    ),
    path("offboarding/", offboarding_views.offboarding_list, name="offboarding-list"),
    path(
        "offboarding/items/<int:pk>/done/",
        offboarding_views.offboarding_item_done,
        name="offboarding-item-done",
    ),
    # Training
    path("training/", training_views.training_mine, name="training-mine"),
    path("training/team/", training_views.training_team, name="training-team"),
    path("training/courses/", training_views.course_list, name="course-list"),
    path("training/courses/new/", training_views.course_create, name="course-create"),
    path("training/courses/<int:pk>/", training_views.course_detail, name="course-detail"),
    path("training/courses/<int:pk>/edit/", training_views.course_edit, name="course-edit"),
    path("training/courses/<int:pk>/assign/", training_views.course_assign, name="course-assign"),
    path(
        "training/courses/<int:pk>/sessions/new/",
        training_views.session_create,
        name="session-create",
    ),
    path(
        "training/sessions/<int:pk>/record/", training_views.session_record, name="session-record"
    ),
    path("training/assignments/", training_views.assignment_list, name="assignment-list"),
    path(
        "training/assignments/<int:pk>/", training_views.assignment_detail, name="assignment-detail"
    ),
    path(
        "training/assignments/<int:pk>/record/",
        training_views.assignment_record,
        name="assignment-record",
    ),
    path(
        "training/assignments/<int:pk>/cancel/",
        training_views.assignment_cancel,
        name="assignment-cancel",
    ),
    # Policies
    path("policies/", policies_views.policy_mine, name="policy-mine"),
    path("policies/manage/", policies_views.policy_list, name="policy-list"),
    path("policies/manage/new/", policies_views.policy_create, name="policy-create"),
    path("policies/manage/<int:pk>/", policies_views.policy_detail, name="policy-detail"),
    path(
        "policies/manage/<int:pk>/versions/new/",
        policies_views.policy_version_create,
        name="policy-version-create",
    ),
    path(
        "policies/versions/<int:pk>/",
        policies_views.policy_version_detail,
        name="policy-version-detail",
    ),
    path(
        "policies/versions/<int:pk>/file/",
        policies_views.policy_version_file,
        name="policy-version-file",
    ),
    path(
        "policies/versions/<int:pk>/acknowledge/",
        policies_views.policy_acknowledge,
        name="policy-acknowledge",
    ),
    path(
        "policies/versions/<int:pk>/publish/",
        policies_views.policy_version_publish,
        name="policy-version-publish",
    ),
    path(
        "policies/versions/<int:pk>/acknowledgements/",
        policies_views.policy_version_acknowledgements,
        name="policy-version-acknowledgements",
    ),
    path(
        "policies/versions/<int:pk>/remind/",
        policies_views.policy_version_remind,
        name="policy-version-remind",
    ),
    # Hiring
    path("hiring/openings/", hiring_views.opening_list, name="opening-list"),
    path("hiring/openings/new/", hiring_views.opening_create, name="opening-create"),
    path("hiring/openings/<int:pk>/", hiring_views.opening_detail, name="opening-detail"),
    path("hiring/openings/<int:pk>/edit/", hiring_views.opening_edit, name="opening-edit"),
    path("hiring/openings/<int:pk>/status/", hiring_views.opening_status, name="opening-status"),
    path("hiring/applicants/", hiring_views.applicant_list, name="applicant-list"),
    path("hiring/board/", hiring_views.applicant_board, name="applicant-board"),
    path("hiring/applicants/new/", hiring_views.applicant_create, name="applicant-create"),
    path("hiring/applicants/<int:pk>/", hiring_views.applicant_detail, name="applicant-detail"),
    path("hiring/applicants/<int:pk>/edit/", hiring_views.applicant_edit, name="applicant-edit"),
    path("hiring/applicants/<int:pk>/cv/", hiring_views.applicant_cv, name="applicant-cv"),
    path("hiring/applicants/<int:pk>/move/", hiring_views.applicant_move, name="applicant-move"),
    path(
        "hiring/applicants/<int:pk>/interviews/new/",
        interviews_views.interview_create,
        name="interview-create",
    ),
    path(
        "hiring/interviews/<int:pk>/feedback/",
        interviews_views.interview_feedback,
        name="interview-feedback",
    ),
    path(
        "hiring/applicants/<int:pk>/offers/new/", interviews_views.offer_create, name="offer-create"
    ),
    path("hiring/offers/<int:pk>/status/", interviews_views.offer_status, name="offer-status"),
    path(
        "hiring/applicants/<int:pk>/hire/", interviews_views.applicant_hire, name="applicant-hire"
    ),
    path("hiring/mine/", hiring_views.my_hiring, name="my-hiring"),
    path("onboarding/", onboarding_views.onboarding_list, name="onboarding-list"),
    path("onboarding/<int:pk>/", onboarding_views.onboarding_detail, name="onboarding-detail"),
    path(
        "onboarding/tasks/<int:pk>/done/",
        onboarding_views.onboarding_task_done,
        name="onboarding-task-done",
    ),
]
