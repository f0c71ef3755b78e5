"""Admin of recruitment: openings, applicants, interviews and offers."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from backoffice.admin import ADD, ReadOnlyAdminMixin
from hr.models.hiring import (
    Applicant,
    ApplicantStageChange,
    Interview,
    InterviewFeedback,
    JobOpening,
    Offer,
)


@admin.register(JobOpening)
class JobOpeningAdmin(SimpleHistoryAdmin):
    list_display = ["position", "department", "status", "places", "hiring_manager", "opened_on"]
    list_filter = ["status", "department", "opened_on"]
    search_fields = ["position__title", "department__name", "description"]
    list_select_related = ["position", "department", "hiring_manager"]
    autocomplete_fields = ["position", "department", "hiring_manager", "created_by"]
    date_hierarchy = "opened_on"


class ApplicantStageChangeInline(ReadOnlyAdminMixin, admin.TabularInline):
    refused = (ADD,)
    model = ApplicantStageChange
    extra = 0
    can_delete = False
    readonly_fields = ["from_stage", "to_stage", "note", "changed_by", "changed_at"]


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
class ApplicantStageChangeAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["applicant", "from_stage", "to_stage", "changed_by", "changed_at"]
    list_filter = ["to_stage", "changed_at"]
    search_fields = ["applicant__first_name", "applicant__last_name", "applicant__email"]
    list_select_related = ["applicant", "changed_by"]
    raw_id_fields = ["applicant", "changed_by"]


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
