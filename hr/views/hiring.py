"""Recruitment pages of HR: openings, the pipeline (board and list), applicants."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from backoffice.errors import DomainError
from backoffice.pagination import querystring_without_page
from backoffice.permissions import require_perm
from hr.filters import ApplicantFilter
from hr.forms.hiring import (
    ApplicantEditForm,
    ApplicantForm,
    ApplicantMoveForm,
    OpeningForm,
    OpeningStatusForm,
)
from hr.models.hiring import Applicant, JobOpening
from hr.selectors import hiring as hiring_selectors
from hr.services import applicants as applicants_services
from hr.services import hiring as hiring_services

APPLICANT_PAGE_SIZE = 50
OPENING_PAGE_SIZE = 50


# Openings -------------------------------------------------------------------


@require_perm("hr.view_jobopening")
def opening_list(request):
    status = request.GET.get("status", "")
    openings = hiring_selectors.openings_for_hr()
    if status in JobOpening.Status.values:
        openings = openings.filter(status=status)
    page = Paginator(openings, OPENING_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "hr/opening_list.html",
        {
            "page": page,
            "status": status,
            "statuses": JobOpening.Status.choices,
            "querystring": querystring_without_page(request),
        },
    )


@require_perm("hr.view_jobopening")
def opening_detail(request, pk):
    opening = get_object_or_404(hiring_selectors.openings_for_hr(), pk=pk)
    applicants = hiring_selectors.applicants_visible_to(request.user).filter(opening=opening)
    counts = hiring_selectors.applicants_by_stage(applicants)
    return render(
        request,
        "hr/opening_detail.html",
        {
            "opening": opening,
            "by_stage": [(stage, label, counts[stage]) for stage, label in Applicant.Stage.choices],
            "stages": JobOpening.Status.choices,
            "status_form": OpeningStatusForm(initial={"status": opening.status}),
        },
    )


def _opening_form(request, opening=None):
    form = OpeningForm(request.POST or None, instance=opening)
    if request.method == "POST" and form.is_valid():
        try:
            saved = hiring_services.opening_save(
                by=request.user, opening=opening, **form.cleaned_data
            )
        except DomainError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("The opening is saved."))
            return redirect("hr:opening-detail", pk=saved.pk)
    return render(request, "hr/opening_form.html", {"form": form, "opening": opening})


@require_perm("hr.add_jobopening")
def opening_create(request):
    return _opening_form(request)


@require_perm("hr.change_jobopening")
def opening_edit(request, pk):
    return _opening_form(request, get_object_or_404(JobOpening, pk=pk))


@require_perm("hr.change_jobopening")
@require_POST
def opening_status(request, pk):
    opening = get_object_or_404(JobOpening, pk=pk)
    form = OpeningStatusForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose a status."))
    else:
        try:
            hiring_services.opening_set_status(
                by=request.user, opening=opening, status=form.cleaned_data["status"]
            )
        except DomainError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, _("The opening's status is changed."))
    return redirect("hr:opening-detail", pk=opening.pk)


# Pipeline -------------------------------------------------------------------


@require_perm("hr.view_applicant")
def applicant_list(request):
    filters = ApplicantFilter(
        request.GET, queryset=hiring_selectors.applicants_visible_to(request.user)
    )
    page = Paginator(filters.qs, APPLICANT_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "hr/applicant_list.html",
        {"filter": filters, "page": page, "querystring": querystring_without_page(request)},
    )


@require_perm("hr.view_applicant")
def applicant_board(request):
    applicants = hiring_selectors.applicants_visible_to(request.user)
    openings = hiring_selectors.openings_for_hr().exclude(status=JobOpening.Status.CLOSED)
    opening = None
    if request.GET.get("opening", "").isdigit():
        opening = JobOpening.objects.filter(pk=request.GET["opening"]).first()
    if opening is not None:
        applicants = applicants.filter(opening=opening)
    labels = dict(Applicant.Stage.choices)
    columns = hiring_selectors.pipeline_board(applicants)
    for column in columns:
        # A rejection needs a reason: it is given on the applicant's page.
        column["moves"] = [
            (stage, labels[stage])
            for stage in applicants_services.moves_from(column["stage"])
            if stage != Applicant.Stage.REJECTED
        ]
    context = {"columns": columns, "openings": openings, "opening": opening}
    template = "hr/partials/applicant_board.html" if request.htmx else "hr/applicant_board.html"
    return render(request, template, context)


@require_perm("hr.add_applicant")
def applicant_create(request):
    form = ApplicantForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            applicant = applicants_services.applicant_apply(by=request.user, **form.cleaned_data)
        except DomainError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("The applicant is added."))
            return redirect("hr:applicant-detail", pk=applicant.pk)
    return render(request, "hr/applicant_form.html", {"form": form})


@login_required
def applicant_detail(request, pk):
    applicant = get_object_or_404(hiring_selectors.applicants_visible_to(request.user), pk=pk)
    is_hr = request.user.has_perm("hr.view_applicant")
    manages = hiring_selectors.applicant_is_managed_by(request.user, applicant)
    offers = hiring_selectors.offers_visible_to(request.user, applicant)
    context = {
        "applicant": applicant,
        "is_hr": is_hr,
        "may_read_notes": is_hr or manages,
        "interviews": hiring_selectors.interviews_of(request.user, applicant),
        "stage_changes": applicant.stage_changes.select_related("changed_by"),
        "offers": offers or [],
        "may_see_offers": offers is not None,
        "moves": applicants_services.moves_from(applicant.stage),
        "stage_labels": dict(Applicant.Stage.choices),
    }
    return render(request, "hr/applicant_detail.html", context)


@require_perm("hr.change_applicant")
def applicant_edit(request, pk):
    applicant = get_object_or_404(hiring_selectors.applicants_visible_to(request.user), pk=pk)
    form = ApplicantEditForm(request.POST or None, instance=applicant)
    if request.method == "POST" and form.is_valid():
        try:
            applicants_services.applicant_update(
                by=request.user, applicant=applicant, **form.cleaned_data
            )
        except DomainError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("The applicant is saved."))
            return redirect("hr:applicant-detail", pk=applicant.pk)
    return render(request, "hr/applicant_edit.html", {"form": form, "applicant": applicant})


@login_required
def applicant_cv(request, pk):
    """The CV, for those who may see the applicant; never served from MEDIA_URL."""
    applicant = get_object_or_404(hiring_selectors.applicants_visible_to(request.user), pk=pk)
    if not applicant.cv:
        raise Http404
    try:
        handle = applicant.cv.open("rb")
    except FileNotFoundError as exc:
        raise Http404 from exc
    return FileResponse(
        handle, as_attachment=True, filename=applicant.cv_name or applicant.cv.name.rsplit("/")[-1]
    )


@require_perm("hr.change_applicant")
@require_POST
def applicant_move(request, pk):
    applicant = get_object_or_404(hiring_selectors.applicants_visible_to(request.user), pk=pk)
    form = ApplicantMoveForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose the stage to move to."))
    else:
        try:
            applicants_services.applicant_move(
                by=request.user, applicant=applicant, **form.cleaned_data
            )
        except DomainError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(
                request,
                _("%(name)s moved to %(stage)s.")
                % {
                    "name": applicant.full_name,
                    "stage": Applicant.Stage(form.cleaned_data["to_stage"]).label,
                },
            )
    if request.POST.get("next") == "board":
        return redirect("hr:applicant-board")
    return redirect("hr:applicant-detail", pk=applicant.pk)


@login_required
def my_hiring(request):
    """What an interviewer or hiring manager takes part in, and the onboarding they follow."""
    applicants = (
        hiring_selectors.applicants_visible_to(request.user)
        .exclude(stage__in=Applicant.FINAL)
        .order_by("opening", "-applied_at")
    )
    return render(
        request,
        "hr/my_hiring.html",
        {
            "applicants": applicants[:100],
            "checklists": hiring_selectors.onboarding_visible_to(request.user).order_by(
                "-started_at"
            )[:50],
        },
    )
