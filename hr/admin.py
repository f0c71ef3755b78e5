from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from hr.models import Department, Employee, Position


@admin.register(Department)
class DepartmentAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "parent", "head"]
    search_fields = ["name", "code"]
    list_select_related = ["parent", "head"]
    autocomplete_fields = ["parent", "head"]


@admin.register(Position)
class PositionAdmin(admin.ModelAdmin):
    list_display = ["title", "department"]
    list_filter = ["department"]
    search_fields = ["title", "department__name"]
    list_select_related = ["department"]
    autocomplete_fields = ["department"]


@admin.register(Employee)
class EmployeeAdmin(SimpleHistoryAdmin):
    list_display = [
        "employee_number",
        "last_name",
        "first_name",
        "department",
        "position",
        "manager",
        "status",
        "hire_date",
    ]
    list_filter = ["status", "department", "hire_date"]
    search_fields = ["employee_number", "first_name", "last_name", "work_email", "user__username"]
    list_select_related = ["department", "position", "manager"]
    autocomplete_fields = ["user", "department", "position", "manager"]
    date_hierarchy = "hire_date"
