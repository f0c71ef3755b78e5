"""IT's inventory pages: systems, equipment and licences, with each item's changes and
maintenance (and, once tickets are merged, its ticket history)."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from backoffice.errors import DomainError
from backoffice.pagination import querystring_without_page
from backoffice.permissions import require_perm
from it_support.forms import inventory as forms
from it_support.models.licences import LicenceAssignment
from it_support.selectors import inventory as selectors
from it_support.selectors import tickets as tickets_selectors
from it_support.services import inventory as services
from it_support.services import licences as licences_services

PAGE_SIZE = 50


def listing(request, filters, template, extra=None):
    page = Paginator(filters.qs, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {"filter": filters, "page": page, "querystring": querystring_without_page(request)}
    return render(request, template, context | (extra or {}))


def form_page(request, form, *, save, title, cancel, done):
    """A create or edit page: a valid form goes to `save(cleaned_data)`, a refusal is shown."""
    if request.method == "POST" and form.is_valid():
        try:
            saved = save(form.cleaned_data)
        except DomainError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, _("Saved."))
            return redirect(done(saved))
    return render(
        request, "it_support/inventory/form.html", {"form": form, "title": title, "cancel": cancel}
    )


@require_perm("it_support.view_system")
def system_list(request):
    filters = forms.SystemFilter(request.GET, queryset=selectors.systems())
    return listing(request, filters, "it_support/inventory/system_list.html")


@require_perm("it_support.view_system")
def system_detail(request, pk):
    system = get_object_or_404(selectors.systems(), pk=pk)
    context = {
        "system": system,
        "equipment": selectors.equipment().filter(system=system)[: selectors.RECENT],
        "licences": selectors.licences().filter(system=system)[: selectors.RECENT],
        "changes": selectors.item_changes(system=system),
        "plans": selectors.item_maintenance(system=system),
        "history": tickets_selectors.item_tickets(system=system),
    }
    return render(request, "it_support/inventory/system_detail.html", context)


def detail_url(name):
    return lambda obj: reverse(f"it_support:{name}", args=[obj.pk])


@require_perm("it_support.add_system")
def system_create(request):
    return form_page(
        request,
        forms.SystemForm(request.POST or None),
        save=lambda data: services.system_create(by=request.user, **data),
        title=_("New system"),
        cancel=reverse("it_support:system-list"),
        done=detail_url("system-detail"),
    )


@require_perm("it_support.change_system")
def system_edit(request, pk):
    system = get_object_or_404(selectors.systems(), pk=pk)
    return form_page(
        request,
        forms.SystemForm(request.POST or None, instance=system),
        save=lambda data: services.system_update(by=request.user, system=system, **data),
        title=_("Edit %(name)s") % {"name": system.name},
        cancel=reverse("it_support:system-detail", args=[pk]),
        done=detail_url("system-detail"),
    )


@require_perm("it_support.view_equipment")
def equipment_list(request):
    filters = forms.EquipmentFilter(request.GET, queryset=selectors.equipment())
    recurring = tickets_selectors.most_ticketed_equipment()
    return listing(
        request, filters, "it_support/inventory/equipment_list.html", {"recurring": recurring}
    )


@require_perm("it_support.view_equipment")
def equipment_detail(request, pk):
    item = get_object_or_404(selectors.equipment(), pk=pk)
    context = {
        "item": item,
        "assign_form": forms.EquipmentAssignForm(initial={"employee": item.assigned_to_id}),
        "seats": item.licence_seats.select_related("licence")[: selectors.RECENT],
        "changes": selectors.changes_of_equipment(item),
        "plans": selectors.item_maintenance(equipment=item),
        "history": tickets_selectors.item_tickets(equipment=item),
    }
    return render(request, "it_support/inventory/equipment_detail.html", context)


@require_perm("it_support.add_equipment")
def equipment_create(request):
    return form_page(
        request,
        forms.EquipmentForm(request.POST or None),
        save=lambda data: services.equipment_create(by=request.user, **data),
        title=_("New equipment"),
        cancel=reverse("it_support:equipment-list"),
        done=detail_url("equipment-detail"),
    )


@require_perm("it_support.change_equipment")
def equipment_edit(request, pk):
    item = get_object_or_404(selectors.equipment(), pk=pk)
    return form_page(
        request,
        forms.EquipmentForm(request.POST or None, instance=item),
        save=lambda data: services.equipment_update(by=request.user, equipment=item, **data),
        title=_("Edit %(name)s") % {"name": item},
        cancel=reverse("it_support:equipment-detail", args=[pk]),
        done=detail_url("equipment-detail"),
    )


@require_perm("it_support.change_equipment")
@require_POST
def equipment_assign(request, pk):
    item = get_object_or_404(selectors.equipment(), pk=pk)
    form = forms.EquipmentAssignForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose a current employee."))
        return redirect("it_support:equipment-detail", pk=pk)
    try:
        services.equipment_assign(
            by=request.user, equipment=item, employee=form.cleaned_data["employee"]
        )
    except DomainError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("Saved."))
    return redirect("it_support:equipment-detail", pk=pk)


@require_perm("it_support.view_licence")
def licence_list(request):
    rows = selectors.licences().order_by("expires_on", "name")
    if request.GET.get("expiring"):
        rows = rows.filter(expires_on__isnull=False)
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "it_support/inventory/licence_list.html",
        {"page": page, "querystring": querystring_without_page(request)},
    )


@require_perm("it_support.view_licence")
def licence_detail(request, pk):
    licence = get_object_or_404(selectors.licences(), pk=pk)
    seats = licence.assignments.select_related("employee", "equipment")
    return render(
        request,
        "it_support/inventory/licence_detail.html",
        {"licence": licence, "seats": seats[:500], "seat_form": forms.SeatForm()},
    )


@require_perm("it_support.add_licence")
def licence_create(request):
    return form_page(
        request,
        forms.LicenceForm(request.POST or None),
        save=lambda data: licences_services.licence_create(by=request.user, **data),
        title=_("New licence"),
        cancel=reverse("it_support:licence-list"),
        done=detail_url("licence-detail"),
    )


@require_perm("it_support.change_licence")
def licence_edit(request, pk):
    licence = get_object_or_404(selectors.licences(), pk=pk)
    return form_page(
        request,
        forms.LicenceForm(request.POST or None, instance=licence),
        save=lambda data: licences_services.licence_update(
            by=request.user, licence=licence, **data
        ),
        title=_("Edit %(name)s") % {"name": licence.name},
        cancel=reverse("it_support:licence-detail", args=[pk]),
        done=detail_url("licence-detail"),
    )


@require_perm("it_support.add_licenceassignment")
@require_POST
def licence_seat_assign(request, pk):
    licence = get_object_or_404(selectors.licences(), pk=pk)
    form = forms.SeatForm(request.POST)
    try:
        if not form.is_valid():
            raise licences_services.LicenceError(_("Choose an employee or a piece of equipment."))
        licences_services.licence_seat_assign(by=request.user, licence=licence, **form.cleaned_data)
    except DomainError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("Seat assigned."))
    return redirect("it_support:licence-detail", pk=pk)


@require_perm("it_support.delete_licenceassignment")
@require_POST
def licence_seat_release(request, pk):
    seat = get_object_or_404(LicenceAssignment, pk=pk)
    licences_services.licence_seat_release(by=request.user, seat=seat)
    messages.success(request, _("Seat released."))
    return redirect("it_support:licence-detail", pk=seat.licence_id)
