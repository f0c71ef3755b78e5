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
]
