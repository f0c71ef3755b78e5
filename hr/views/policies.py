"""Policy pages: my policies to acknowledge, and HR's versions and who acknowledged."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Max
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from backoffice.errors import DomainError
from backoffice.pagination import querystring_without_page
from backoffice.permissions import require_perm
from hr.forms.policies import PolicyForm, PolicyVersionForm
from hr.models.policies import Policy, PolicyVersion
from hr.selectors import employees as employees_selectors
from hr.selectors import policies as policies_selectors
from hr.services import policies as policies_services

PAGE_SIZE = 50


@require_perm("hr.acknowledge_policy")
def policy_mine(request):
    employee = employees_selectors.employee_for_user(request.user)
    return render(
        request,
        "hr/policy_mine.html",
        {"employee": employee, "policies": policies_selectors.policies_for(employee)},
    )


def _readable_version(request, pk) -> PolicyVersion:
    version = get_object_or_404(PolicyVersion.objects.select_related("policy"), pk=pk)
    if not policies_selectors.policy_version_readable_by(request.user, version):
        raise Http404
    return version


@require_perm("hr.acknowledge_policy")
def policy_version_detail(request, pk):
    version = _readable_version(request, pk)
    employee = employees_selectors.employee_for_user(request.user)
    mine = policies_selectors.policies_for(employee).filter(current_version=version).first()
    return render(
        request,
        "hr/policy_version_detail.html",
        {"version": version, "policy": version.policy, "mine": mine},
    )


@require_perm("hr.acknowledge_policy")
def policy_version_file(request, pk):
    version = _readable_version(request, pk)
    if not version.file:
        raise Http404
    return FileResponse(
        version.file.open("rb"),
        content_type="application/pdf",
        filename=f"{version.policy.title}-v{version.version}.pdf",
    )


@require_perm("hr.acknowledge_policy")
@require_POST
def policy_acknowledge(request, pk):
    """Acknowledge, for the signed-in person only, a version they must read."""
    employee = employees_selectors.employee_for_user(request.user)
    if not policies_selectors.policies_for(employee).filter(current_version=pk).exists():
        raise Http404
    version = get_object_or_404(PolicyVersion, pk=pk)
    try:
        policies_services.policy_acknowledge(by=request.user, version=version)
    except DomainError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(
            request,
            _("You acknowledged %(policy)s, version %(n)d.")
            % {"policy": version.policy.title, "n": version.version},
        )
    return redirect("hr:policy-mine")


@require_perm("hr.view_policy")
def policy_list(request):
    policies = (
        Policy.objects.select_related("current_version")
        .annotate(latest=Max("versions__version"))
        .order_by("-is_active", "title")
    )
    page = Paginator(policies, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "hr/policy_list.html", {"page": page})


@require_perm("hr.add_policy")
def policy_create(request):
    form = PolicyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            policy = policies_services.policy_create(by=request.user, **form.cleaned_data)
        except DomainError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, _("The policy is created; add its first version."))
            return redirect("hr:policy-detail", pk=policy.pk)
    return render(request, "hr/policy_create.html", {"form": form})


@require_perm("hr.view_policy")
def policy_detail(request, pk):
    policy = get_object_or_404(
        Policy.objects.select_related("current_version").prefetch_related("departments"), pk=pk
    )
    versions = policy.versions.order_by("-version")[:50]
    return render(request, "hr/policy_detail.html", {"policy": policy, "versions": versions})


@require_perm("hr.add_policyversion")
def policy_version_create(request, pk):
    policy = get_object_or_404(Policy, pk=pk)
    form = PolicyVersionForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            version = policies_services.policy_version_create(
                by=request.user, policy=policy, **form.cleaned_data
            )
        except DomainError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(
                request,
                _("Version %(n)d is saved as a draft; publish it when ready.")
                % {"n": version.version},
            )
            return redirect("hr:policy-detail", pk=policy.pk)
    return render(request, "hr/policy_version_create.html", {"policy": policy, "form": form})


@require_perm("hr.change_policyversion")
@require_POST
def policy_version_publish(request, pk):
    version = get_object_or_404(PolicyVersion, pk=pk)
    try:
        policies_services.policy_version_publish(by=request.user, version=version)
    except DomainError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(
            request,
            _("Version %(n)d is published; everyone it applies to is asked to acknowledge it.")
            % {"n": version.version},
        )
    return redirect("hr:policy-detail", pk=version.policy_id)


@require_perm("hr.view_policyacknowledgement")
def policy_version_acknowledgements(request, pk):
    version = get_object_or_404(PolicyVersion.objects.select_related("policy"), pk=pk)
    state = request.GET.get("state", "")
    people = policies_selectors.employees_bound_by(version)
    if state == "done":
        people = people.filter(acknowledged_at__isnull=False)
    elif state == "pending":
        people = people.filter(acknowledged_at__isnull=True)
    else:
        state = ""
    return render(
        request,
        "hr/policy_version_acknowledgements.html",
        {
            "version": version,
            "policy": version.policy,
            "state": state,
            "counts": policies_selectors.acknowledgement_counts(version),
            "page": Paginator(people, PAGE_SIZE).get_page(request.GET.get("page")),
            "querystring": querystring_without_page(request),
        },
    )


@require_perm("hr.view_policyacknowledgement", "hr.change_policy")
@require_POST
def policy_version_remind(request, pk):
    version = get_object_or_404(PolicyVersion.objects.select_related("policy"), pk=pk)
    try:
        count = policies_services.policy_reminders_send(by=request.user, version=version)
    except DomainError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("%(count)d reminders sent.") % {"count": count})
    return redirect("hr:policy-version-acknowledgements", pk=version.pk)
