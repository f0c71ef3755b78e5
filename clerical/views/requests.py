"""Office requests: staff ask, the clerical team works the queue."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from backoffice.errors import DomainError
from backoffice.pagination import querystring_without_page
from backoffice.permissions import require_perm
from clerical.forms.requests import OfficeRequestDoneForm, OfficeRequestForm
from clerical.models.requests import OfficeRequest
from clerical.selectors import requests as requests_selectors
from clerical.services import requests as requests_services

PAGE_SIZE = 50


@login_required
def request_list(request):
    mine = requests_selectors.requests_visible_to(request.user).filter(requested_by=request.user)
    page = Paginator(mine, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {"page": page, "querystring": querystring_without_page(request)}
    return render(request, "clerical/requests/request_list.html", context)


@login_required
def request_create(request):
    form = OfficeRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            office_request = requests_services.office_request_create(
                by=request.user, **form.cleaned_data
            )
        except DomainError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, _("Request sent to the clerical team."))
            return redirect("clerical:request-detail", pk=office_request.pk)
    return render(request, "clerical/requests/request_form.html", {"form": form})


@login_required
def request_detail(request, pk):
    office_request = get_object_or_404(requests_selectors.requests_visible_to(request.user), pk=pk)
    context = {"request_obj": office_request, "done_form": OfficeRequestDoneForm()}
    return render(request, "clerical/requests/request_detail.html", context)


@require_perm("clerical.work_officerequest")
def request_queue(request):
    status = request.GET.get("status", "")
    if status not in OfficeRequest.Status.values:
        status = ""
    queue = requests_selectors.request_queue(status=status)
    page = Paginator(queue, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "page": page,
        "status": status,
        "statuses": OfficeRequest.Status.choices,
        "querystring": querystring_without_page(request),
    }
    return render(request, "clerical/requests/request_queue.html", context)


def _act(request, pk, action, success, **kwargs):
    office_request = get_object_or_404(requests_selectors.requests_visible_to(request.user), pk=pk)
    try:
        action(request=office_request, by=request.user, **kwargs)
    except DomainError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, success)
    return redirect("clerical:request-detail", pk=office_request.pk)


@require_POST
@require_perm("clerical.work_officerequest")
def request_start(request, pk):
    return _act(request, pk, requests_services.office_request_start, _("Request started."))


@require_POST
@require_perm("clerical.work_officerequest")
def request_done(request, pk):
    form = OfficeRequestDoneForm(request.POST)
    note = form.cleaned_data["note"] if form.is_valid() else ""
    return _act(request, pk, requests_services.office_request_done, _("Request done."), note=note)


@require_POST
@login_required
def request_cancel(request, pk):
    return _act(request, pk, requests_services.office_request_cancel, _("Request cancelled."))
