"""The later steps of hiring: interviews and feedback, offers, the hire itself."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from backoffice.errors import DomainError
from backoffice.permissions import require_perm
from hr.forms.hiring import FeedbackForm, HireForm, InterviewForm, OfferForm, OfferStatusForm
from hr.models.hiring import InterviewFeedback, Offer
from hr.selectors import hiring as hiring_selectors
from hr.services import hire as hire_services
from hr.services import interviews as interviews_services


def _applicant(request, pk):
    return get_object_or_404(hiring_selectors.applicants_visible_to(request.user), pk=pk)


@require_perm("hr.add_interview")
def interview_create(request, pk):
    applicant = _applicant(request, pk)
    form = InterviewForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            interviews_services.interview_schedule(
                by=request.user, applicant=applicant, **form.cleaned_data
            )
        except DomainError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("The interview is scheduled; the interviewers are told."))
            return redirect("hr:applicant-detail", pk=applicant.pk)
    return render(request, "hr/interview_form.html", {"form": form, "applicant": applicant})


@login_required
def interview_feedback(request, pk):
    """An interviewer's own feedback on one interview; nobody else's, and nobody else may."""
    interview = hiring_selectors.interview_for_feedback(request.user, pk)
    if interview is None:
        raise Http404
    own = InterviewFeedback.objects.filter(
        interview=interview, interviewer__user=request.user
    ).first()
    form = FeedbackForm(request.POST or None, instance=own)
    if request.method == "POST" and form.is_valid():
        fields = {name: form.cleaned_data[name] for name in FeedbackForm.Meta.fields}
        try:
            interviews_services.interview_feedback_record(
                by=request.user, interview=interview, **fields
            )
        except DomainError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("Your feedback is recorded."))
            return redirect("hr:applicant-detail", pk=interview.applicant_id)
    return render(request, "hr/interview_feedback.html", {"form": form, "interview": interview})


@require_perm("hr.add_offer")
def offer_create(request, pk):
    applicant = _applicant(request, pk)
    form = OfferForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            interviews_services.offer_create(
                by=request.user, applicant=applicant, **form.cleaned_data
            )
        except DomainError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("The offer is recorded as a draft."))
            return redirect("hr:applicant-detail", pk=applicant.pk)
    return render(request, "hr/offer_form.html", {"form": form, "applicant": applicant})


@require_perm("hr.change_offer")
@require_POST
def offer_status(request, pk):
    offer = get_object_or_404(Offer, pk=pk)
    form = OfferStatusForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose a status."))
    else:
        try:
            interviews_services.offer_set_status(
                by=request.user, offer=offer, status=form.cleaned_data["status"]
            )
        except DomainError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(
                request, _("The offer is now %(status)s.") % {"status": offer_label(form)}
            )
    return redirect("hr:applicant-detail", pk=offer.applicant_id)


def offer_label(form) -> str:
    return str(Offer.Status(form.cleaned_data["status"]).label).lower()


@require_perm("hr.hire_applicant", "hr.add_employee")
def applicant_hire(request, pk):
    applicant = _applicant(request, pk)
    form = HireForm(request.POST or None, initial={"work_email": ""})
    if request.method == "POST" and form.is_valid():
        try:
            employee = hire_services.applicant_hire(
                by=request.user,
                applicant=applicant,
                site_url=request.build_absolute_uri("/"),
                **form.cleaned_data,
            )
        except DomainError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(
                request,
                _("%(name)s is hired; a link to set a password is on its way to %(email)s.")
                % {"name": employee.full_name, "email": applicant.email},
            )
            return redirect("hr:onboarding-detail", pk=employee.onboarding.pk)
    offer = applicant.offers.filter(status=Offer.Status.ACCEPTED).first()
    return render(
        request, "hr/applicant_hire.html", {"form": form, "applicant": applicant, "offer": offer}
    )
