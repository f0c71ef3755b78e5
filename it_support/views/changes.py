"""Change requests: the board by status, the page of one change and each step of it.

IT sees every change; a system's business owner opens the changes to their system
(to approve them) and nobody else does (404).
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from backoffice.errors import DomainError
from backoffice.permissions import require_perm
from it_support.forms import changes as forms
from it_support.selectors import changes as selectors
from it_support.services import changes as services
from it_support.views.inventory import detail_url, form_page


@require_perm("it_support.view_changerequest")
def change_board(request):
    return render(
        request, "it_support/changes/board.html", {"columns": selectors.change_board(request.user)}
    )


@login_required
def change_detail(request, pk):
    change = get_object_or_404(selectors.changes_visible_to(request.user), pk=pk)
    context = {
        "change": change,
        "owner_user": services.business_owner_user(change),
        "schedule_form": forms.ChangeScheduleForm(),
        "review_form": forms.ChangeReviewForm(),
        "reject_form": forms.ChangeRejectForm(),
        "baseline_to_target": change.change_percent(change.target),
        "baseline_to_outcome": change.change_percent(change.outcome),
    }
    return render(request, "it_support/changes/detail.html", context)


@require_perm("it_support.add_changerequest")
def change_create(request):
    return form_page(
        request,
        forms.ChangeRequestForm(request.POST or None),
        save=lambda data: services.change_create(by=request.user, **data),
        title=_("New change request"),
        cancel=reverse("it_support:change-board"),
        done=detail_url("change-detail"),
    )


@require_perm("it_support.change_changerequest")
def change_edit(request, pk):
    change = get_object_or_404(selectors.changes_visible_to(request.user), pk=pk)
    return form_page(
        request,
        forms.ChangeRequestForm(request.POST or None, instance=change),
        save=lambda data: services.change_update(by=request.user, change=change, **data),
        title=_("Edit %(name)s") % {"name": change.title},
        cancel=reverse("it_support:change-detail", args=[pk]),
        done=detail_url("change-detail"),
    )


def _step(request, pk, action, form_class=None):
    """Run one step of a change on a visible change; a refusal is shown on its page."""
    change = get_object_or_404(selectors.changes_visible_to(request.user), pk=pk)
    data = {}
    try:
        if form_class is not None:
            form = form_class(request.POST)
            if not form.is_valid():
                raise services.ChangeError(
                    " ".join(str(e) for errors in form.errors.values() for e in errors)
                )
            data = form.cleaned_data
        action(by=request.user, change=change, **data)
    except DomainError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("Saved."))
    return redirect("it_support:change-detail", pk=pk)


@require_perm("it_support.change_changerequest")
@require_POST
def change_submit(request, pk):
    return _step(request, pk, services.change_submit)


@require_perm("it_support.lead_it")
@require_POST
def change_approve_it(request, pk):
    return _step(request, pk, services.change_approve_as_it_lead)


@login_required
@require_POST
def change_approve_owner(request, pk):
    return _step(request, pk, services.change_approve_as_owner)


@login_required
@require_POST
def change_reject(request, pk):
    return _step(request, pk, services.change_reject, forms.ChangeRejectForm)


@require_perm("it_support.change_changerequest")
@require_POST
def change_cancel(request, pk):
    return _step(request, pk, services.change_cancel)


@require_perm("it_support.change_changerequest")
@require_POST
def change_schedule(request, pk):
    return _step(request, pk, services.change_schedule, forms.ChangeScheduleForm)


@require_perm("it_support.change_changerequest")
@require_POST
def change_implement(request, pk):
    return _step(request, pk, services.change_implement)


@require_perm("it_support.change_changerequest")
@require_POST
def change_review(request, pk):
    return _step(request, pk, services.change_review, forms.ChangeReviewForm)
