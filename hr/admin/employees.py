"""Admin of the people records: organisation, employees, their documents and imports."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from backoffice.admin import DELETE, ReadOnlyAdminMixin
from hr.models.documents import DocumentExpiryNotice, EmployeeDocument
from hr.models.employees import Department, Employee, EmployeePersonal, EmploymentChange, Position
from hr.models.imports import EmployeeImport


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
        "contract_type",
        "hire_date",
    ]
    list_filter = ["status", "contract_type", "department", "hire_date"]
    search_fields = [
        "employee_number",
        "first_name",
        "last_name",
        "work_email",
        "work_phone",
        "extension",
        "user__username",
    ]
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
class EmploymentChangeAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    """Read only: changes are written by `hr.services.employee_change`."""

    list_display = ["employee", "effective_date", "field", "old_value", "new_value", "recorded_by"]
    list_filter = ["field", "effective_date"]
    search_fields = ["employee__first_name", "employee__last_name", "employee__employee_number"]
    list_select_related = ["employee", "recorded_by"]
    raw_id_fields = ["employee", "recorded_by"]
    date_hierarchy = "effective_date"


@admin.register(EmployeeDocument)
class EmployeeDocumentAdmin(SimpleHistoryAdmin):
    list_display = ["employee", "kind", "original_name", "issue_date", "expiry_date", "uploaded_by"]
    list_filter = ["kind", "expiry_date", "issue_date"]
    search_fields = [
        "employee__first_name",
        "employee__last_name",
        "employee__employee_number",
        "original_name",
    ]
    list_select_related = ["employee", "uploaded_by"]
    autocomplete_fields = ["employee"]
    raw_id_fields = ["uploaded_by"]
    readonly_fields = ["content_type", "size", "uploaded_at"]
    date_hierarchy = "expiry_date"


@admin.register(DocumentExpiryNotice)
class DocumentExpiryNoticeAdmin(admin.ModelAdmin):
    """Read only: written by the daily expiry task."""

    list_display = ["document", "threshold_days", "expiry_date", "sent_at"]
    list_filter = ["threshold_days", "sent_at"]
    search_fields = ["document__employee__last_name", "document__employee__employee_number"]
    list_select_related = ["document__employee"]
    raw_id_fields = ["document"]


@admin.register(EmployeeImport)
class EmployeeImportAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    """Read only: uploads are checked and imported from the HR pages."""

    refused = (DELETE,)
    list_display = ["file_name", "uploaded_by", "status", "created_at", "imported_count"]
    list_filter = ["status", "created_at"]
    search_fields = ["file_name", "uploaded_by__username"]
    list_select_related = ["uploaded_by"]
    raw_id_fields = ["uploaded_by"]
