from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from hr.models import (
    Applicant,
    ApplicantStageChange,
    Department,
    Employee,
    EmployeePersonal,
    EmploymentChange,
    Interview,
    InterviewFeedback,
    JobOpening,
    Offer,
    OnboardingChecklist,
    OnboardingTask,
    OnboardingTemplate,
    OnboardingTemplateTask,
    Position,
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


# Hiring ---------------------------------------------------------------------


@admin.register(JobOpening)
class JobOpeningAdmin(SimpleHistoryAdmin):
    list_display = ["position", "department", "status", "places", "hiring_manager", "opened_on"]
    list_filter = ["status", "department", "opened_on"]
    search_fields = ["position__title", "department__name", "description"]
    list_select_related = ["position", "department", "hiring_manager"]
    autocomplete_fields = ["position", "department", "hiring_manager", "created_by"]
    date_hierarchy = "opened_on"


class ApplicantStageChangeInline(admin.TabularInline):
    model = ApplicantStageChange
    extra = 0
    can_delete = False
    readonly_fields = ["from_stage", "to_stage", "note", "changed_by", "changed_at"]

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Applicant)
class ApplicantAdmin(SimpleHistoryAdmin):
    """Stages move through `hr.services.applicant_move` and `applicant_hire`, not here."""

    list_display = ["last_name", "first_name", "email", "opening", "stage", "source", "applied_at"]
    list_filter = ["stage", "source", "opening__department", "applied_at"]
    search_fields = ["first_name", "last_name", "email", "phone"]
    list_select_related = ["opening__position", "opening__department"]
    autocomplete_fields = ["opening", "employee"]
    readonly_fields = ["stage", "rejection_reason", "employee", "cv", "cv_name", "applied_at"]
    date_hierarchy = "applied_at"
    inlines = [ApplicantStageChangeInline]


@admin.register(ApplicantStageChange)
class ApplicantStageChangeAdmin(admin.ModelAdmin):
    list_display = ["applicant", "from_stage", "to_stage", "changed_by", "changed_at"]
    list_filter = ["to_stage", "changed_at"]
    search_fields = ["applicant__first_name", "applicant__last_name", "applicant__email"]
    list_select_related = ["applicant", "changed_by"]
    raw_id_fields = ["applicant", "changed_by"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class InterviewFeedbackInline(admin.TabularInline):
    model = InterviewFeedback
    extra = 0
    autocomplete_fields = ["interviewer"]


@admin.register(Interview)
class InterviewAdmin(admin.ModelAdmin):
    list_display = ["applicant", "scheduled_at", "location"]
    list_filter = ["scheduled_at"]
    search_fields = ["applicant__first_name", "applicant__last_name", "location"]
    list_select_related = ["applicant"]
    autocomplete_fields = ["applicant", "interviewers", "created_by"]
    date_hierarchy = "scheduled_at"
    inlines = [InterviewFeedbackInline]


@admin.register(InterviewFeedback)
class InterviewFeedbackAdmin(admin.ModelAdmin):
    list_display = ["interview", "interviewer", "recommendation", "submitted_at"]
    list_filter = ["recommendation", "submitted_at"]
    search_fields = [
        "interview__applicant__first_name",
        "interview__applicant__last_name",
        "interviewer__last_name",
    ]
    list_select_related = ["interview__applicant", "interviewer"]
    autocomplete_fields = ["interview", "interviewer"]


@admin.register(Offer)
class OfferAdmin(SimpleHistoryAdmin):
    list_display = ["applicant", "salary", "start_date", "expires_on", "status"]
    list_filter = ["status", "start_date"]
    search_fields = ["applicant__first_name", "applicant__last_name", "contract_type"]
    list_select_related = ["applicant"]
    autocomplete_fields = ["applicant", "created_by"]

    def get_readonly_fields(self, request, obj=None):
        # An accepted or declined offer is final.
        if obj is not None and obj.status in (Offer.Status.ACCEPTED, Offer.Status.DECLINED):
            return [f.name for f in Offer._meta.fields]
        return super().get_readonly_fields(request, obj)


# Onboarding -----------------------------------------------------------------


class OnboardingTemplateTaskInline(admin.TabularInline):
    model = OnboardingTemplateTask
    extra = 1


@admin.register(OnboardingTemplate)
class OnboardingTemplateAdmin(admin.ModelAdmin):
    list_display = ["name", "is_default"]
    list_filter = ["is_default"]
    search_fields = ["name"]
    inlines = [OnboardingTemplateTaskInline]


@admin.register(OnboardingTemplateTask)
class OnboardingTemplateTaskAdmin(admin.ModelAdmin):
    list_display = ["title", "template", "responsible", "due_days", "order"]
    list_filter = ["template", "responsible"]
    search_fields = ["title"]
    list_select_related = ["template"]
    autocomplete_fields = ["template"]


class OnboardingTaskInline(admin.TabularInline):
    model = OnboardingTask
    extra = 0
    raw_id_fields = ["done_by"]


@admin.register(OnboardingChecklist)
class OnboardingChecklistAdmin(admin.ModelAdmin):
    list_display = ["employee", "template", "started_at", "started_by"]
    list_filter = ["template", "started_at"]
    search_fields = ["employee__first_name", "employee__last_name", "employee__employee_number"]
    list_select_related = ["employee", "template", "started_by"]
    autocomplete_fields = ["employee", "template"]
    raw_id_fields = ["started_by"]
    inlines = [OnboardingTaskInline]


@admin.register(OnboardingTask)
class OnboardingTaskAdmin(admin.ModelAdmin):
    list_display = ["title", "checklist", "responsible", "due_date", "done_at", "done_by"]
    list_filter = ["responsible", "due_date"]
    search_fields = ["title", "checklist__employee__first_name", "checklist__employee__last_name"]
    list_select_related = ["checklist__employee", "done_by"]
    autocomplete_fields = ["checklist"]
    raw_id_fields = ["done_by"]
