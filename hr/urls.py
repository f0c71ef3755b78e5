from django.urls import path

from hr import views

app_name = "hr"

urlpatterns = [
    path("", views.index, name="index"),
    path("directory/", views.directory, name="directory"),
    path("employees/<int:pk>/", views.employee_detail, name="employee-detail"),
    path(
        "employees/<int:pk>/personal/",
        views.employee_personal_edit,
        name="employee-personal-edit",
    ),
    path("employees/<int:pk>/change/", views.employee_change, name="employee-change"),
    path("employees/export/", views.employee_export, name="employee-export"),
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
