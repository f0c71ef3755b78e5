from django.contrib import admin
from django.db.models import BooleanField, Case, Exists, OuterRef, Q, Value, When
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from hr.models.complaints import Complaint, ComplaintNote
from hr.models.discipline import (
    DisciplineProposal,
    DismissalCase,
    EscalationRule,
    Incident,
    OffboardingItem,
    Termination,
    Warning,
)
from hr.models.documents import DocumentExpiryNotice, EmployeeDocument
from hr.models.employees import Department, Employee, EmployeePersonal, EmploymentChange, Position
from hr.models.hiring import (
    Applicant,
    ApplicantStageChange,
    Interview,
    InterviewFeedback,
    JobOpening,
    Offer,
)
from hr.models.imports import EmployeeImport
from hr.models.onboarding import (
    OnboardingChecklist,
    OnboardingTask,
    OnboardingTemplate,
    OnboardingTemplateTask,
)
from hr.models.policies import Policy, PolicyAcknowledgement, PolicyVersion
from hr.models.training import Course, TrainingAssignment, TrainingSession


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


# Complaints ----------------------------------------------------------------------


class ComplaintNoteInline(admin.TabularInline):
    model = ComplaintNote
    extra = 0
    fields = ["written_at", "author", "text"]
    readonly_fields = ["written_at", "author", "text"]
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Complaint)
class ComplaintAdmin(SimpleHistoryAdmin):
    """Read only: complaints move through `hr.services` so the raiser is told.

    An anonymous raiser's name is shown to the assigned handlers only; the
    raiser is never a field here, nor something to search or filter by.
    """

    list_display = ["pk", "subject", "category", "status", "raiser", "raised_at", "acknowledge_by"]
    list_filter = ["status", "category", "anonymous", "raised_at"]
    search_fields = ["subject", "description"]
    date_hierarchy = "raised_at"
    fields = [
        "raiser",
        "category",
        "subject",
        "description",
        "about",
        "status",
        "handlers",
        "raised_at",
        "acknowledge_by",
        "acknowledged_at",
        "closed_at",
        "outcome",
    ]
    readonly_fields = fields
    inlines = [ComplaintNoteInline]

    def get_queryset(self, request):
        # Whether this request's user may read the raiser, decided in SQL per row.
        handled = Exists(
            Complaint.handlers.through.objects.filter(
                complaint_id=OuterRef("pk"), user_id=request.user.pk
            )
        )
        return (
            super()
            .get_queryset(request)
            .select_related("raised_by")
            .annotate(
                raiser_visible=Case(
                    When(Q(anonymous=False) | Q(raised_by=request.user.pk) | Q(handled), then=True),
                    default=Value(False),
                    output_field=BooleanField(),
                )
            )
        )

    @admin.display(description=_("raised by"))
    def raiser(self, obj):
        if getattr(obj, "raiser_visible", False):
            return obj.raised_by.get_full_name() or obj.raised_by.username
        return _("Anonymous")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(ComplaintNote)
class ComplaintNoteAdmin(admin.ModelAdmin):
    list_display = ["complaint", "author", "written_at"]
    list_filter = ["written_at"]
    search_fields = ["text", "complaint__subject"]
    list_select_related = ["complaint", "author"]
    raw_id_fields = ["complaint", "author"]

    def has_change_permission(self, request, obj=None):
        return False


# Discipline ----------------------------------------------------------------------


@admin.register(Incident)
class IncidentAdmin(admin.ModelAdmin):
    list_display = ["employee", "occurred_on", "reported_by", "recorded_by", "recorded_at"]
    list_filter = ["occurred_on"]
    search_fields = ["employee__first_name", "employee__last_name", "description"]
    list_select_related = ["employee", "reported_by", "recorded_by"]
    autocomplete_fields = ["employee", "reported_by"]
    raw_id_fields = ["recorded_by"]
    date_hierarchy = "occurred_on"


@admin.register(Warning)
class WarningAdmin(SimpleHistoryAdmin):
    list_display = [
        "employee",
        "level",
        "issued_on",
        "expires_on",
        "shared_with_manager",
        "acknowledged_at",
    ]
    list_filter = ["level", "shared_with_manager", "issued_on", "expires_on"]
    search_fields = ["employee__first_name", "employee__last_name", "reason"]
    list_select_related = ["employee"]
    autocomplete_fields = ["employee"]
    raw_id_fields = ["issued_by", "incidents"]
    date_hierarchy = "issued_on"


@admin.register(EscalationRule)
class EscalationRuleAdmin(admin.ModelAdmin):
    list_display = ["name", "condition", "threshold", "proposes", "is_active"]
    list_filter = ["condition", "proposes", "is_active"]
    search_fields = ["name"]


@admin.register(DisciplineProposal)
class DisciplineProposalAdmin(admin.ModelAdmin):
    list_display = ["employee", "proposes", "rule", "status", "created_at", "decided_by"]
    list_filter = ["status", "proposes", "rule"]
    search_fields = ["employee__first_name", "employee__last_name"]
    list_select_related = ["employee", "rule", "decided_by"]
    raw_id_fields = ["employee", "incident", "rule", "decided_by"]


@admin.register(DismissalCase)
class DismissalCaseAdmin(SimpleHistoryAdmin):
    """Read only: the two agreements are given on the HR and manager pages."""

    list_display = [
        "employee",
        "manager",
        "last_day",
        "status",
        "hr_agreed_by",
        "manager_agreed_by",
        "opened_at",
    ]
    list_filter = ["status", "last_day"]
    search_fields = ["employee__first_name", "employee__last_name", "reason"]
    list_select_related = ["employee", "manager", "hr_agreed_by", "manager_agreed_by"]
    raw_id_fields = [
        "employee",
        "manager",
        "opened_by",
        "hr_agreed_by",
        "manager_agreed_by",
        "termination",
    ]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(EmployeeImport)
class EmployeeImportAdmin(admin.ModelAdmin):
    """Read only: uploads are checked and imported from the HR pages."""

    list_display = ["file_name", "uploaded_by", "status", "created_at", "imported_count"]
    list_filter = ["status", "created_at"]
    search_fields = ["file_name", "uploaded_by__username"]
    list_select_related = ["uploaded_by"]
    raw_id_fields = ["uploaded_by"]

    def has_delete_permission(self, request, obj=None):
        return False


class OffboardingItemInline(admin.TabularInline):
    model = OffboardingItem
    extra = 0
    raw_id_fields = ["done_by"]


@admin.register(Termination)
class TerminationAdmin(admin.ModelAdmin):
    list_display = ["employee", "kind", "last_day", "recorded_by", "recorded_at"]
    list_filter = ["kind", "last_day"]
    search_fields = ["employee__first_name", "employee__last_name", "reason"]
    list_select_related = ["employee", "recorded_by"]
    raw_id_fields = ["employee", "recorded_by"]
    inlines = [OffboardingItemInline]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(OffboardingItem)
class OffboardingItemAdmin(admin.ModelAdmin):
    list_display = ["termination", "task", "department", "done_by", "done_at"]
    list_filter = ["task", "department", ("done_at", admin.EmptyFieldListFilter)]
    search_fields = ["termination__employee__first_name", "termination__employee__last_name"]
    list_select_related = ["termination__employee", "done_by"]
    raw_id_fields = ["termination", "done_by"]


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
