"""Admin of complaints and their notes."""

from django.contrib import admin
from django.db.models import BooleanField, Case, Exists, OuterRef, Q, Value, When
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from backoffice.admin import ADD, CHANGE, ReadOnlyAdminMixin
from hr.models.complaints import Complaint, ComplaintNote


class ComplaintNoteInline(ReadOnlyAdminMixin, admin.TabularInline):
    refused = (ADD,)
    model = ComplaintNote
    extra = 0
    fields = ["written_at", "author", "text"]
    readonly_fields = ["written_at", "author", "text"]
    can_delete = False


@admin.register(Complaint)
class ComplaintAdmin(ReadOnlyAdminMixin, SimpleHistoryAdmin):
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


@admin.register(ComplaintNote)
class ComplaintNoteAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    refused = (CHANGE,)
    list_display = ["complaint", "author", "written_at"]
    list_filter = ["written_at"]
    search_fields = ["text", "complaint__subject"]
    list_select_related = ["complaint", "author"]
    raw_id_fields = ["complaint", "author"]
