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
]
