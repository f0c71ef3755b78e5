"""Maintenance plans: the list with overdue ones flagged, a plan's log, logging the work."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from backoffice.errors import DomainError
from backoffice.pagination import querystring_without_page
from backoffice.permissions import require_perm
from it_support.forms.maintenance import MaintenanceLogForm, MaintenancePlanForm
from it_support.selectors import maintenance as selectors
from it_support.services import maintenance as services
from it_support.views.inventory import PAGE_SIZE, detail_url, form_page


@require_perm("it_support.view_maintenanceplan")
def maintenance_list(request):
    overdue_only = bool(request.GET.get("overdue"))
    page = Paginator(selectors.plans(overdue_only=overdue_only), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "it_support/inventory/maintenance_list.html",
        {
            "page": page,
            "overdue_only": overdue_only,
            "today": timezone.localdate(),
            "querystring": querystring_without_page(request),
        },
    )


@require_perm("it_support.view_maintenanceplan")
def maintenance_detail(request, pk):
    plan = get_object_or_404(selectors.plans(), pk=pk)
    logs = plan.logs.select_related("done_by")[:50]
    return render(
        request,
        "it_support/inventory/maintenance_detail.html",
        {"plan": plan, "logs": logs, "log_form": MaintenanceLogForm()},
    )


@require_perm("it_support.add_maintenanceplan")
def maintenance_create(request):
    return form_page(
        request,
        MaintenancePlanForm(request.POST or None),
        save=lambda data: services.maintenance_plan_create(by=request.user, **data),
        title=_("New maintenance plan"),
        cancel=reverse("it_support:maintenance-list"),
        done=detail_url("maintenance-detail"),
    )


@require_perm("it_support.change_maintenanceplan")
def maintenance_edit(request, pk):
    plan = get_object_or_404(selectors.plans(), pk=pk)
    return form_page(
        request,
        MaintenancePlanForm(request.POST or None, instance=plan),
        save=lambda data: services.maintenance_plan_update(by=request.user, plan=plan, **data),
        title=_("Edit %(name)s") % {"name": plan.title},
        cancel=reverse("it_support:maintenance-detail", args=[pk]),
        done=detail_url("maintenance-detail"),
    )


@require_perm("it_support.add_maintenancelog")
@require_POST
def maintenance_log(request, pk):
    plan = get_object_or_404(selectors.plans(), pk=pk)
    form = MaintenanceLogForm(request.POST)
    try:
        if not form.is_valid():
            raise services.MaintenanceError(_("Enter the day the work was done."))
        services.maintenance_log_record(by=request.user, plan=plan, **form.cleaned_data)
    except DomainError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("Logged."))
    return redirect("it_support:maintenance-detail", pk=pk)
