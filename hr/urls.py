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
    # Hiring
    path("hiring/openings/", views.opening_list, name="opening-list"),
    path("hiring/openings/new/", views.opening_create, name="opening-create"),
    path("hiring/openings/<int:pk>/", views.opening_detail, name="opening-detail"),
    path("hiring/openings/<int:pk>/edit/", views.opening_edit, name="opening-edit"),
    path("hiring/openings/<int:pk>/status/", views.opening_status, name="opening-status"),
    path("hiring/applicants/", views.applicant_list, name="applicant-list"),
    path("hiring/board/", views.applicant_board, name="applicant-board"),
    path("hiring/applicants/new/", views.applicant_create, name="applicant-create"),
    path("hiring/applicants/<int:pk>/", views.applicant_detail, name="applicant-detail"),
    path("hiring/applicants/<int:pk>/edit/", views.applicant_edit, name="applicant-edit"),
    path("hiring/applicants/<int:pk>/cv/", views.applicant_cv, name="applicant-cv"),
    path("hiring/applicants/<int:pk>/move/", views.applicant_move, name="applicant-move"),
    path(
        "hiring/applicants/<int:pk>/interviews/new/",
        views.interview_create,
        name="interview-create",
    ),
    path(
        "hiring/interviews/<int:pk>/feedback/",
        views.interview_feedback,
        name="interview-feedback",
    ),
    path("hiring/applicants/<int:pk>/offers/new/", views.offer_create, name="offer-create"),
    path("hiring/offers/<int:pk>/status/", views.offer_status, name="offer-status"),
    path("hiring/applicants/<int:pk>/hire/", views.applicant_hire, name="applicant-hire"),
    path("hiring/mine/", views.my_hiring, name="my-hiring"),
    path("onboarding/", views.onboarding_list, name="onboarding-list"),
    path("onboarding/<int:pk>/", views.onboarding_detail, name="onboarding-detail"),
    path(
        "onboarding/tasks/<int:pk>/done/",
        views.onboarding_task_done,
        name="onboarding-task-done",
    ),
]
