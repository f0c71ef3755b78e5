from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from hr.models import (
    Course,
    Department,
    Employee,
    EmployeePersonal,
    EmploymentChange,
    Policy,
    PolicyAcknowledgement,
    PolicyVersion,
    Position,
    TrainingAssignment,
    TrainingSession,
)


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


@admin.register(Course)
class CourseAdmin(admin.ModelAdmin):
    list_display = ["title", "duration_hours", "validity_months", "mandatory_for_all", "is_active"]
    list_filter = ["is_active", "mandatory_for_all", "mandatory_positions__department"]
    search_fields = ["title", "description"]
    filter_horizontal = ["mandatory_positions"]


@admin.register(TrainingSession)
class TrainingSessionAdmin(admin.ModelAdmin):
    list_display = [
        "course",
        "starts_at",
        "ends_at",
        "location",
        "trainer",
        "trainer_name",
        "capacity",
    ]
    list_filter = ["course", "starts_at"]
    search_fields = ["course__title", "location", "trainer_name", "trainer__last_name"]
    list_select_related = ["course", "trainer"]
    autocomplete_fields = ["course", "trainer"]
    date_hierarchy = "starts_at"


@admin.register(TrainingAssignment)
class TrainingAssignmentAdmin(SimpleHistoryAdmin):
    list_display = [
        "employee",
        "course",
        "status",
        "due_date",
        "completed_on",
        "result",
        "score",
        "assigned_by",
    ]
    list_filter = ["status", "result", "course", "due_date", "completed_on"]
    search_fields = [
        "employee__first_name",
        "employee__last_name",
        "employee__employee_number",
        "course__title",
    ]
    list_select_related = ["employee", "course", "assigned_by"]
    autocomplete_fields = ["employee", "course", "session", "assigned_by"]
    date_hierarchy = "assigned_at"


@admin.register(Policy)
class PolicyAdmin(admin.ModelAdmin):
    list_display = ["title", "category", "applies_to_all", "current_version", "is_active"]
    list_filter = ["category", "applies_to_all", "is_active"]
    search_fields = ["title"]
    list_select_related = ["current_version"]
    filter_horizontal = ["departments"]
    readonly_fields = ["current_version"]


@admin.register(PolicyVersion)
class PolicyVersionAdmin(SimpleHistoryAdmin):
    """Publishing goes through `hr.services.policy_version_publish` (the HR pages)."""

    list_display = ["policy", "version", "effective_date", "published", "published_at"]
    list_filter = ["published", "policy", "effective_date"]
    search_fields = ["policy__title", "text"]
    list_select_related = ["policy"]
    autocomplete_fields = ["policy"]
    readonly_fields = ["published", "published_at"]


@admin.register(PolicyAcknowledgement)
class PolicyAcknowledgementAdmin(admin.ModelAdmin):
    """Read only: only the employee acknowledges, on their My policies page."""

    list_display = ["employee", "version", "acknowledged_at"]
    list_filter = ["version__policy", "acknowledged_at"]
    search_fields = [
        "employee__first_name",
        "employee__last_name",
        "employee__employee_number",
        "version__policy__title",
    ]
    list_select_related = ["employee", "version__policy"]
    raw_id_fields = ["employee", "version"]
    date_hierarchy = "acknowledged_at"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
