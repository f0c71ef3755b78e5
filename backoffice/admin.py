from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from backoffice import events
from backoffice.mail import mail_retry_now
from backoffice.models import (
    Job,
    JobChunk,
    Notification,
    OutboxAttachment,
    OutboxMessage,
    PublicHoliday,
)

ADD, CHANGE, DELETE = "add", "change", "delete"


class ReadOnlyAdminMixin:
    """Records the admin shows but does not write: services (or the database) do.

    `refused` names what the admin never does here, whoever asks; by default
    all of add, change and delete. Put the mixin before the admin class:
    `class PayslipAdmin(ReadOnlyAdminMixin, admin.ModelAdmin)`.
    """

    refused: tuple[str, ...] = (ADD, CHANGE, DELETE)

    # A ModelAdmin asks `(request)`, an inline `(request, obj)`.
    def has_add_permission(self, request, *args):
        return ADD not in self.refused and super().has_add_permission(request, *args)

    def has_change_permission(self, request, obj=None):
        return CHANGE not in self.refused and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return DELETE not in self.refused and super().has_delete_permission(request, obj)


class ReadOnlyOnceFinalAdminMixin(ReadOnlyAdminMixin):
    """Editable, within the user's permissions, until `is_final(obj)` says the record
    is settled (approved, posted); then read-only. On an inline `obj` is the parent
    record, so its lines lock with it. `refused` still names what is never allowed.
    """

    refused: tuple[str, ...] = ()

    def is_final(self, obj) -> bool:
        raise NotImplementedError

    def _open(self, obj) -> bool:
        return obj is None or not self.is_final(obj)

    def has_add_permission(self, request, *args):
        return self._open(args[0] if args else None) and super().has_add_permission(request, *args)

    def has_change_permission(self, request, obj=None):
        return self._open(obj) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return self._open(obj) and super().has_delete_permission(request, obj)


@admin.register(Job)
class JobAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    refused = (ADD,)  # jobs are started from the pages that own them
    list_display = ["kind", "requested_by", "status", "done", "total", "created_at", "finished_at"]
    list_filter = ["status", "kind", "created_at"]
    search_fields = ["kind", "requested_by__username", "error"]
    list_select_related = ["requested_by"]
    raw_id_fields = ["requested_by"]
    readonly_fields = [
        "id",
        "kind",
        "requested_by",
        "params",
        "status",
        "done",
        "total",
        "result",
        "result_file",
        "error",
        "attempts",
        "created_at",
        "started_at",
        "heartbeat_at",
        "finished_at",
        "chunks_finished_at",
    ]
    date_hierarchy = "created_at"


@admin.register(JobChunk)
class JobChunkAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    """Read-only: chunks are made and done by their job's workers."""

    list_display = ["job", "index", "done", "finished_at"]
    list_filter = ["done", "job__kind"]
    search_fields = ["job__id", "job__kind"]
    list_select_related = ["job"]
    raw_id_fields = ["job"]


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    list_display = ["title", "recipient", "level", "source", "created_at", "read_at"]
    list_filter = ["level", "source", "created_at"]
    search_fields = ["title", "body", "recipient__username"]
    list_select_related = ["recipient"]
    autocomplete_fields = ["recipient"]
    date_hierarchy = "created_at"


class OutboxAttachmentInline(ReadOnlyAdminMixin, admin.TabularInline):
    """Files of a message still waiting to go (they are dropped once it has)."""

    model = OutboxAttachment
    fields = readonly_fields = ["filename", "mimetype"]
    extra = 0


@admin.register(OutboxMessage)
class OutboxMessageAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    """Every email of the product: where it went, or why it has not yet."""

    inlines = [OutboxAttachmentInline]
    list_display = ["subject", "recipients", "status", "attempts", "next_attempt_at", "created_at"]
    list_filter = ["status", "created_at"]
    search_fields = ["key", "subject", "to", "last_error"]
    date_hierarchy = "created_at"
    actions = ["retry_now"]
    fields = readonly_fields = [
        "key",
        "status",
        "to",
        "reply_to",
        "subject",
        "body",
        "attachment_names",
        "attempts",
        "next_attempt_at",
        "last_error",
        "claim_model",
        "claim_pk",
        "claim_field",
        "created_at",
        "sent_at",
    ]

    @admin.display(description=_("to"))
    def recipients(self, message):
        return ", ".join(message.to)

    # Messages are written by the code that sends them; sent ones are pruned.
    refused = (ADD, CHANGE)

    def has_retry_permission(self, request):
        return request.user.has_perm("backoffice.change_outboxmessage")

    @admin.action(description=_("Send again now"), permissions=["retry"])
    def retry_now(self, request, queryset):
        due = mail_retry_now(message_ids=list(queryset.values_list("pk", flat=True)))
        self.message_user(
            request,
            ngettext(
                "%(count)d email will be sent again.", "%(count)d emails will be sent again.", due
            )
            % {"count": due},
            messages.SUCCESS,
        )


@admin.register(PublicHoliday)
class PublicHolidayAdmin(admin.ModelAdmin):
    list_display = ["date", "name"]
    search_fields = ["name"]
    list_filter = ["date"]
    date_hierarchy = "date"

    # Leave booked over a changed date is re-counted by the departments that listen.
    def save_model(self, request, obj, form, change):
        dates = {obj.date}
        if change and "date" in form.changed_data:
            dates.add(form.initial["date"])
        super().save_model(request, obj, form, change)
        events.public_holidays_changed.send(
            sender=PublicHoliday, dates=sorted(dates), by=request.user
        )

    def delete_model(self, request, obj):
        super().delete_model(request, obj)
        events.public_holidays_changed.send(sender=PublicHoliday, dates=[obj.date], by=request.user)

    def delete_queryset(self, request, queryset):
        dates = sorted(queryset.values_list("date", flat=True))
        super().delete_queryset(request, queryset)
        events.public_holidays_changed.send(sender=PublicHoliday, dates=dates, by=request.user)
