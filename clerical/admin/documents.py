from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from simple_history.admin import SimpleHistoryAdmin

from backoffice.admin import ADD, CHANGE, DELETE, ReadOnlyAdminMixin
from clerical.models.documents import (
    Cabinet,
    Document,
    DocumentAccess,
    DocumentVersion,
    Folder,
    Tag,
)
from clerical.services.documents import document_versions_extract_again


@admin.register(Cabinet)
class CabinetAdmin(SimpleHistoryAdmin):
    list_display = ["name", "department", "confidential", "clerks_may_see"]
    list_filter = ["confidential", "clerks_may_see", "department"]
    search_fields = ["name", "department__name"]
    list_select_related = ["department"]
    autocomplete_fields = ["department"]


@admin.register(Folder)
class FolderAdmin(admin.ModelAdmin):
    list_display = ["name", "cabinet"]
    list_filter = ["cabinet__confidential", "cabinet"]
    search_fields = ["name", "cabinet__name"]
    list_select_related = ["cabinet"]
    autocomplete_fields = ["cabinet"]


@admin.register(Tag)
class TagAdmin(admin.ModelAdmin):
    list_display = ["name"]
    search_fields = ["name"]
    list_filter = []


class DocumentVersionInline(ReadOnlyAdminMixin, admin.TabularInline):
    model = DocumentVersion
    fields = ["number", "original_name", "kind", "size", "text_status", "pages_ocr", "uploaded_at"]
    readonly_fields = fields
    extra = 0


@admin.register(Document)
class DocumentAdmin(SimpleHistoryAdmin):
    """Metadata may be corrected here; files arrive through the upload page (checked by content)."""

    list_display = ["title", "folder", "document_type", "date", "reference", "keep_until"]
    list_filter = ["document_type", "folder__cabinet__confidential", "folder__cabinet"]
    search_fields = ["title", "reference", "correspondent"]
    list_select_related = ["folder__cabinet"]
    autocomplete_fields = ["folder", "tags"]
    raw_id_fields = ["copied_from", "created_by"]
    exclude = ["content"]
    inlines = [DocumentVersionInline]
    date_hierarchy = "created_at"


@admin.register(DocumentVersion)
class DocumentVersionAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    refused = (ADD, CHANGE, DELETE)
    list_display = ["document", "number", "kind", "size", "text_status", "pages_ocr", "ocr_seconds"]
    list_filter = ["text_status", "kind"]
    search_fields = ["document__title", "original_name"]
    list_select_related = ["document"]
    raw_id_fields = ["document", "uploaded_by"]
    readonly_fields = ["text_error"]
    actions = ["extract_again"]

    @admin.action(description=_("Read the text again"), permissions=["view"])
    def extract_again(self, request, queryset):
        count = document_versions_extract_again(version_ids=queryset.values_list("pk", flat=True))
        self.message_user(
            request,
            ngettext(
                "%(count)d version will be read again.",
                "%(count)d versions will be read again.",
                count,
            )
            % {"count": count},
            messages.SUCCESS,
        )


@admin.register(DocumentAccess)
class DocumentAccessAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["at", "user", "action", "document", "version"]
    list_filter = ["action", "at"]
    search_fields = ["document__title", "user__username"]
    list_select_related = ["user", "document"]
    raw_id_fields = ["document", "user"]
    date_hierarchy = "at"
