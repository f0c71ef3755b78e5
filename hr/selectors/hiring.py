"""Reads of recruitment and onboarding, limited to what the asking user may see.

The object rules: HR (`hr.view_applicant`) sees every applicant; the
hiring manager of an opening sees its applicants; an interviewer sees the
applicants they interview. Anyone else sees none (and gets 404).
Interview feedback: HR and the hiring manager read all of it, an
interviewer only their own. Offers (and so the agreed salary): HR
(`hr.view_offer`) always; the hiring manager only until the hire, after
which pay is read where pay is (payroll). An onboarding checklist is seen by HR, the new
employee's manager and the new employee; HR and the manager tick tasks.
"""

from django.db.models import Count, Prefetch, Q, QuerySet

from hr.models.hiring import Applicant, Interview, InterviewFeedback, JobOpening
from hr.models.onboarding import OnboardingChecklist, OnboardingTask

BOARD_COLUMN_SIZE = 25


def public_openings() -> QuerySet[JobOpening]:
    """What the careers page shows: open openings, without internal notes."""
    return (
        JobOpening.objects.filter(status=JobOpening.Status.OPEN)
        .select_related("position", "department")
        .defer("internal_notes")
        .order_by("department__name", "position__title", "pk")
    )


def openings_for_hr() -> QuerySet[JobOpening]:
    return (
        JobOpening.objects.select_related("position", "department", "hiring_manager")
        .annotate(
            applicant_count=Count("applicants"),
            hired_count=Count("applicants", filter=Q(applicants__stage=Applicant.Stage.HIRED)),
        )
        .order_by("-created_at", "-pk")
    )


def _is_hr(user) -> bool:
    return user.is_authenticated and user.has_perm("hr.view_applicant")


def applicants_visible_to(user) -> QuerySet[Applicant]:
    applicants = Applicant.objects.select_related(
        "opening__position", "opening__department", "opening__hiring_manager"
    )
    if not user.is_authenticated:
        return applicants.none()
    if _is_hr(user):
        return applicants
    interviewed = Interview.objects.filter(interviewers__user=user).values("applicant_id")
    return applicants.filter(Q(opening__hiring_manager__user=user) | Q(pk__in=interviewed))


def applicant_is_managed_by(user, applicant: Applicant) -> bool:
    manager = applicant.opening.hiring_manager
    return manager is not None and manager.user_id is not None and manager.user_id == user.pk


def offers_visible_to(user, applicant: Applicant) -> list | None:
    """The applicant's offers for this user, or None when the user may not see them."""
    if user.has_perm("hr.view_offer"):
        return list(applicant.offers.all())
    if applicant.stage != Applicant.Stage.HIRED and applicant_is_managed_by(user, applicant):
        return list(applicant.offers.all())
    return None


def interviews_of(user, applicant: Applicant) -> list[Interview]:
    """The applicant's interviews with interviewers and the feedback the user may read."""
    feedback = InterviewFeedback.objects.select_related("interviewer")
    if not (_is_hr(user) or applicant_is_managed_by(user, applicant)):
        feedback = feedback.filter(interviewer__user=user)
    return list(
        applicant.interviews.prefetch_related(
            "interviewers", Prefetch("feedback", queryset=feedback, to_attr="visible_feedback")
        )
    )


def interview_for_feedback(user, interview_pk: int) -> Interview | None:
    """The interview, if the user is one of its interviewers."""
    if not user.is_authenticated:
        return None
    return (
        Interview.objects.select_related("applicant__opening__position")
        .filter(pk=interview_pk, interviewers__user=user)
        .first()
    )


def applicants_by_stage(queryset: QuerySet[Applicant]) -> dict[str, int]:
    counts = dict.fromkeys(Applicant.Stage.values, 0)
    for row in queryset.order_by().values("stage").annotate(n=Count("pk")):
        counts[row["stage"]] = row["n"]
    return counts


def pipeline_board(queryset: QuerySet[Applicant], *, per_column: int = BOARD_COLUMN_SIZE):
    """One column per stage: the newest applicants of each and the stage's total.

    One query for the counts and one per stage, whatever the number of applicants.
    """
    counts = applicants_by_stage(queryset)
    return [
        {
            "stage": stage,
            "label": label,
            "count": counts[stage],
            "applicants": list(queryset.filter(stage=stage)[:per_column]) if counts[stage] else [],
        }
        for stage, label in Applicant.Stage.choices
    ]


def hiring_summary() -> dict:
    """The HR dashboard tiles: open openings and applicants by stage."""
    return {
        "open_openings": JobOpening.objects.filter(status=JobOpening.Status.OPEN).count(),
        "by_stage": [
            {"stage": stage, "label": label, "count": count}
            for (stage, label), count in zip(
                Applicant.Stage.choices,
                applicants_by_stage(Applicant.objects.all()).values(),
                strict=True,
            )
        ],
    }


# Onboarding -----------------------------------------------------------------


def onboarding_visible_to(user) -> QuerySet[OnboardingChecklist]:
    checklists = OnboardingChecklist.objects.select_related(
        "employee__department", "employee__position", "employee__manager"
    )
    if not user.is_authenticated:
        return checklists.none()
    if user.has_perm("hr.view_onboardingchecklist"):
        return checklists
    return checklists.filter(Q(employee__user=user) | Q(employee__manager__user=user))


def onboarding_tick_allowed(user, checklist: OnboardingChecklist) -> bool:
    """HR and the new employee's manager tick tasks; the new employee only reads."""
    if user.has_perm("hr.change_onboardingtask"):
        return True
    manager = checklist.employee.manager
    return manager is not None and manager.user_id is not None and manager.user_id == user.pk


def onboarding_tasks(checklist: OnboardingChecklist) -> QuerySet[OnboardingTask]:
    return checklist.tasks.select_related("done_by")
