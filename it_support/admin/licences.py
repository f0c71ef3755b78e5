from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from backoffice.admin import ReadOnlyAdminMixin
from it_support.models.licences import Licence, LicenceAssignment, LicenceExpiryNotice


class LicenceAssignmentInline(admin.TabularInline):
    model = LicenceAssignment
    extra = 0
    raw_id_fields = ["employee", "equipment", "assigned_by"]


@admin.register(Licence)
class LicenceAdmin(SimpleHistoryAdmin):
    list_display = ["name", "system", "product", "vendor", "seats_total", "expires_on"]
    list_filter = ["system", "expires_on"]
    search_fields = ["name", "product", "vendor"]
    autocomplete_fields = ["system"]
    list_select_related = ["system"]
    inlines = [LicenceAssignmentInline]


@admin.register(LicenceAssignment)
class LicenceAssignmentAdmin(admin.ModelAdmin):
    list_display = ["licence", "employee", "equipment", "assigned_at"]
    list_filter = ["licence"]
    search_fields = ["licence__name", "employee__last_name", "equipment__tag"]
    raw_id_fields = ["licence", "employee", "equipment", "assigned_by"]
    list_select_related = ["licence", "employee", "equipment"]


@admin.register(LicenceExpiryNotice)
class LicenceExpiryNoticeAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["licence", "threshold_days", "expires_on", "sent_at"]
    list_filter = ["threshold_days"]
    search_fields = ["licence__name"]
    raw_id_fields = ["licence"]
    list_select_related = ["licence"]
