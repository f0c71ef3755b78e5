"""Onboarding checklists: HR and the manager tick tasks, the new employee reads theirs."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from backoffice.permissions import require_perm
from hr.forms.hiring import TaskDoneForm
from hr.models.onboarding import OnboardingTask
from hr.selectors import hiring as hiring_selectors
from hr.services import onboarding as onboarding_services

CHECKLIST_PAGE_SIZE = 50


@require_perm("hr.view_onboardingchecklist")
def onboarding_list(request):
    checklists = hiring_selectors.onboarding_visible_to(request.user)
    page = Paginator(checklists, CHECKLIST_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "hr/onboarding_list.html", {"page": page})


@login_required
def onboarding_detail(request, pk):
    checklist = get_object_or_404(hiring_selectors.onboarding_visible_to(request.user), pk=pk)
    return render(
        request,
        "hr/onboarding_detail.html",
        {
            "checklist": checklist,
            "tasks": hiring_selectors.onboarding_tasks(checklist),
            "may_tick": hiring_selectors.onboarding_tick_allowed(request.user, checklist),
        },
    )


@login_required
@require_POST
def onboarding_task_done(request, pk):
    task = get_object_or_404(
        OnboardingTask.objects.filter(
            checklist__in=hiring_selectors.onboarding_visible_to(request.user)
        ),
        pk=pk,
    )
    checklist = task.checklist
    if not hiring_selectors.onboarding_tick_allowed(request.user, checklist):
        raise PermissionDenied
    form = TaskDoneForm(request.POST)
    form.is_valid()
    done = form.cleaned_data.get("done", False)
    onboarding_services.onboarding_task_set_done(by=request.user, task=task, done=done)
    messages.success(
        request,
        (_("Done: %(task)s") if done else _("Reopened: %(task)s")) % {"task": task.title},
    )
    return redirect("hr:onboarding-detail", pk=checklist.pk)
