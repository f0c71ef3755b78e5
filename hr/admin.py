from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from hr.models import Department, Employee, EmployeePersonal, EmploymentChange, Position


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


@admin.register(EmployeePersonal)
class EmployeePersonalAdmin(SimpleHistoryAdmin):
    list_display = ["employee", "birth_date", "personal_phone", "personal_email"]
    search_fields = ["employee__first_name", "employee__last_name", "employee__employee_number"]
    list_select_related = ["employee"]
    autocomplete_fields = ["employee"]


@admin.register(EmploymentChange)
class EmploymentChangeAdmin(admin.ModelAdmin):
    """Read only: changes are written by `hr.services.employee_change`."""

    list_display = ["employee", "effective_date", "field", "old_value", "new_value", "recorded_by"]
    list_filter = ["field", "effective_date"]
    search_fields = ["employee__first_name", "employee__last_name", "employee__employee_number"]
    list_select_related = ["employee", "recorded_by"]
    raw_id_fields = ["employee", "recorded_by"]
    date_hierarchy = "effective_date"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
