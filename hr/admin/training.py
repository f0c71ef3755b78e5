"""Admin of training: courses, sessions and assignments."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from hr.models.training import Course, TrainingAssignment, TrainingSession


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
