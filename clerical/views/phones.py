"""The phone directory, the clerk's call log, transfers and messages."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from backoffice.errors import DomainError
from backoffice.pagination import querystring_without_page
from backoffice.permissions import require_perm
from clerical.forms.phones import CallLogForm, MessageForm, PresenceForm, TransferForm
from clerical.models.phones import Call, PhoneMessage
from clerical.selectors import phones as phones_selectors
from clerical.services import calls as calls_services
from clerical.services import messages as messages_services
from clerical.services.presence import presence_set
from hr.filters import DirectoryFilter
from hr.models.employees import Employee
from hr.selectors.employees import employee_for_user

PAGE_SIZE = 50


@require_perm("hr.view_directory")
def phone_directory(request):
    filters = DirectoryFilter(request.GET, queryset=phones_selectors.phone_directory())
    page = Paginator(filters.qs, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "filter": filters,
        "page": page,
        "querystring": querystring_without_page(request),
        "me": employee_for_user(request.user),
    }
    return render(request, "clerical/phones/directory.html", context)


def _presence_form(request, employee):
    form = PresenceForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            presence_set(employee=employee, by=request.user, **form.cleaned_data)
        except DomainError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, _("Presence of %(name)s saved.") % {"name": employee})
            return redirect("clerical:phone-directory")
    return render(
        request, "clerical/phones/presence_form.html", {"form": form, "employee": employee}
    )


@login_required
def presence_mine(request):
    employee = employee_for_user(request.user)
    if employee is None:
        raise Http404
    return _presence_form(request, employee)


@require_perm("clerical.change_presence")
def presence_edit(request, pk):
    employee = get_object_or_404(Employee.objects.filter(status__in=Employee.CURRENT), pk=pk)
    return _presence_form(request, employee)


@require_perm("clerical.add_call")
def employee_search(request):
    """htmx: colleagues matching what the clerk typed, for field `target`."""
    target = request.GET.get("target", "")
    if target not in {"caller_employee", "for_employee", "to"}:
        target = "for_employee"
    people = phones_selectors.employees_matching(request.GET.get(f"{target}_q", ""))
    return render(
        request, "clerical/partials/employee_matches.html", {"people": people, "target": target}
    )


@require_perm("clerical.add_call")
def call_log(request):
    form = CallLogForm(request.POST or None, initial={"put_through": True})
    if request.method == "POST" and form.is_valid():
        try:
            call = calls_services.call_log(by=request.user, **form.cleaned_data)
        except DomainError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, _("Call logged."))
            return redirect("clerical:call-detail", pk=call.pk)
    context = {"form": form, "calls": phones_selectors.calls_recent()}
    return render(request, "clerical/phones/call_log.html", context)


def _call(pk) -> Call:
    try:
        return phones_selectors.call_with_chain(pk)
    except Call.DoesNotExist:
        raise Http404 from None


@require_perm("clerical.view_call")
def call_detail(request, pk):
    call = _call(pk)
    context = {
        "call": call,
        "transfer_form": TransferForm(),
        "message_form": MessageForm(initial={"caller_number": call.caller_number}),
    }
    return render(request, "clerical/phones/call_detail.html", context)


@require_POST
@require_perm("clerical.change_call")
def call_transfer(request, pk):
    call = _call(pk)
    form = TransferForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(form.errors.get("to", [_("Pick a colleague.")])))
        return redirect("clerical:call-detail", pk=call.pk)
    try:
        calls_services.call_transfer(call=call, to=form.cleaned_data["to"], by=request.user)
    except DomainError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("Transferred to %(name)s.") % {"name": form.cleaned_data["to"]})
    return redirect("clerical:call-detail", pk=call.pk)


@require_POST
@require_perm("clerical.change_call")
def call_answer(request, pk):
    call = _call(pk)
    try:
        calls_services.call_answer(call=call, by=request.user)
    except DomainError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("Call answered."))
    return redirect("clerical:call-detail", pk=call.pk)


@require_POST
@require_perm("clerical.change_call")
def call_message(request, pk):
    call = _call(pk)
    form = MessageForm(request.POST)
    if form.is_valid():
        try:
            message = messages_services.message_take(
                by=request.user, recipient=call.for_employee, call=call, **form.cleaned_data
            )
        except DomainError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, _("Message sent to %(name)s.") % {"name": message.recipient})
            return redirect("clerical:call-log")
    context = {"call": call, "transfer_form": TransferForm(), "message_form": form}
    return render(request, "clerical/phones/call_detail.html", context, status=400)


@require_perm("clerical.view_call")
def calls_by_department(request):
    rows = phones_selectors.calls_per_department_per_day()
    return render(request, "clerical/phones/calls_by_department.html", {"rows": rows})


@login_required
def message_list(request):
    visible = phones_selectors.messages_visible_to(request.user)
    status = request.GET.get("status", PhoneMessage.Status.OPEN)
    if status in PhoneMessage.Status.values:
        visible = visible.filter(status=status)
    page = Paginator(visible, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "page": page,
        "status": status,
        "statuses": PhoneMessage.Status.choices,
        "querystring": querystring_without_page(request),
    }
    return render(request, "clerical/phones/message_list.html", context)


@login_required
def message_detail(request, pk):
    message = get_object_or_404(phones_selectors.messages_visible_to(request.user), pk=pk)
    return render(request, "clerical/phones/message_detail.html", {"message": message})


@require_POST
@login_required
def message_done(request, pk):
    message = get_object_or_404(phones_selectors.messages_visible_to(request.user), pk=pk)
    try:
        messages_services.message_done(message=message, by=request.user)
    except DomainError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("Message marked done."))
    return redirect("clerical:message-list")
