"""Admin of onboarding templates and checklists."""

from django.contrib import admin

from hr.models.onboarding import (
    OnboardingChecklist,
    OnboardingTask,
    OnboardingTemplate,
    OnboardingTemplateTask,
)


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
