from django.urls import path

from hr import views

app_name = "hr"

urlpatterns = [
    path("", views.index, name="index"),
    path("directory/", views.directory, name="directory"),
    path("org-chart/", views.org_chart, name="org-chart"),
    path("employees/<int:pk>/", views.employee_detail, name="employee-detail"),
    path(
        "employees/<int:pk>/personal/",
        views.employee_personal_edit,
        name="employee-personal-edit",
    ),
    path("employees/<int:pk>/change/", views.employee_change, name="employee-change"),
    path("employees/export/", views.employee_export, name="employee-export"),
    path("employees/import/", views.employee_import, name="employee-import"),
    path(
        "employees/import/<uuid:pk>/",
        views.employee_import_preview,
        name="employee-import-preview",
    ),
    path(
        "employees/import/<uuid:pk>/confirm/",
        views.employee_import_confirm,
        name="employee-import-confirm",
    ),
    path(
        "employees/<int:pk>/documents/new/",
        views.document_upload,
        name="document-upload",
    ),
    path("documents/<int:pk>/download/", views.document_download, name="document-download"),
    path("documents/mine/", views.my_documents, name="my-documents"),
    path("documents/expiring/", views.documents_expiring, name="documents-expiring"),
    # Complaints
    path("complaints/", views.complaint_list, name="complaint-list"),
    path("complaints/new/", views.complaint_create, name="complaint-create"),
    path("complaints/export/", views.complaint_export, name="complaint-export"),
    path("complaints/<int:pk>/", views.complaint_detail, name="complaint-detail"),
    path("complaints/<int:pk>/status/", views.complaint_transition, name="complaint-transition"),
    path("complaints/<int:pk>/notes/", views.complaint_note, name="complaint-note"),
    path("complaints/<int:pk>/handlers/", views.complaint_assign, name="complaint-assign"),
    # Discipline
    path(
        "employees/<int:pk>/discipline/",
        views.employee_discipline,
        name="employee-discipline",
    ),
    path("employees/<int:pk>/incidents/new/", views.incident_create, name="incident-create"),
    path("employees/<int:pk>/warnings/new/", views.warning_create, name="warning-create"),
    path("warnings/mine/", views.my_warnings, name="warning-mine"),
    path("warnings/team/", views.team_warnings, name="warning-team"),
    path("warnings/<int:pk>/", views.warning_detail, name="warning-detail"),
    path(
        "warnings/<int:pk>/acknowledge/",
        views.warning_acknowledge,
        name="warning-acknowledge",
    ),
    path("warnings/<int:pk>/share/", views.warning_share, name="warning-share"),
    path("proposals/<int:pk>/decline/", views.proposal_decline, name="proposal-decline"),
    # Departures
    path("employees/<int:pk>/dismissal/new/", views.dismissal_create, name="dismissal-create"),
    path("dismissals/team/", views.dismissal_team, name="dismissal-team"),
    path("dismissals/<int:pk>/", views.dismissal_detail, name="dismissal-detail"),
    path("dismissals/<int:pk>/agree/hr/", views.dismissal_agree_hr, name="dismissal-agree-hr"),
    path(
        "dismissals/<int:pk>/agree/manager/",
        views.dismissal_agree_manager,
        name="dismissal-agree-manager",
    ),
    path("dismissals/<int:pk>/withdraw/", views.dismissal_withdraw, name="dismissal-withdraw"),
    path(
        "employees/<int:pk>/departure/new/",
        views.termination_create,
        name="termination-create",
    ),
    path("offboarding/", views.offboarding_list, name="offboarding-list"),
    path(
        "offboarding/items/<int:pk>/done/",
        views.offboarding_item_done,
        name="offboarding-item-done",
    ),
    # Training
    path("training/", views.training_mine, name="training-mine"),
    path("training/team/", views.training_team, name="training-team"),
    path("training/courses/", views.course_list, name="course-list"),
    path("training/courses/new/", views.course_create, name="course-create"),
    path("training/courses/<int:pk>/", views.course_detail, name="course-detail"),
    path("training/courses/<int:pk>/edit/", views.course_edit, name="course-edit"),
    path("training/courses/<int:pk>/assign/", views.course_assign, name="course-assign"),
    path("training/courses/<int:pk>/sessions/new/", views.session_create, name="session-create"),
    path("training/sessions/<int:pk>/record/", views.session_record, name="session-record"),
    path("training/assignments/", views.assignment_list, name="assignment-list"),
    path("training/assignments/<int:pk>/", views.assignment_detail, name="assignment-detail"),
    path(
        "training/assignments/<int:pk>/record/",
        views.assignment_record,
        name="assignment-record",
    ),
    path(
        "training/assignments/<int:pk>/cancel/",
        views.assignment_cancel,
        name="assignment-cancel",
    ),
    # Policies
    path("policies/", views.policy_mine, name="policy-mine"),
    path("policies/manage/", views.policy_list, name="policy-list"),
    path("policies/manage/new/", views.policy_create, name="policy-create"),
    path("policies/manage/<int:pk>/", views.policy_detail, name="policy-detail"),
    path(
        "policies/manage/<int:pk>/versions/new/",
        views.policy_version_create,
        name="policy-version-create",
    ),
    path("policies/versions/<int:pk>/", views.policy_version_detail, name="policy-version-detail"),
    path("policies/versions/<int:pk>/file/", views.policy_version_file, name="policy-version-file"),
    path(
        "policies/versions/<int:pk>/acknowledge/",
        views.policy_acknowledge,
        name="policy-acknowledge",
    ),
    path(
        "policies/versions/<int:pk>/publish/",
        views.policy_version_publish,
        name="policy-version-publish",
    ),
    path(
        "policies/versions/<int:pk>/acknowledgements/",
        views.policy_version_acknowledgements,
        name="policy-version-acknowledgements",
    ),
    path(
        "policies/versions/<int:pk>/remind/",
        views.policy_version_remind,
        name="policy-version-remind",
    ),
]
