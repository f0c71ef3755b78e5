"""Who sees which complaint, and whose name they see on it."""

from django.db.models import BooleanField, Case, Exists, OuterRef, Q, QuerySet, Value, When
from django.utils import timezone

from hr.models.complaints import Complaint, ComplaintNote

Handlers = Complaint.handlers.through
About = Complaint.about.through


def complaints_visible_to(user) -> QuerySet[Complaint]:
    """The complaints `user` may open, annotated for display.

    The raiser and the assigned HR handlers see a complaint, and HR staff who
    manage all complaints; never the people it is about, whoever they are.
    Each row carries `is_handler`, `raiser_visible` (an anonymous raiser's
    name is for the raiser and the assigned handlers only) and `is_overdue`.
    """
    if not user.is_authenticated:
        return Complaint.objects.none()
    handled = Exists(Handlers.objects.filter(complaint_id=OuterRef("pk"), user_id=user.pk))
    about_me = Exists(About.objects.filter(complaint_id=OuterRef("pk"), employee__user=user))
    complaints = Complaint.objects.annotate(is_handler=handled, is_about_me=about_me)
    if not user.has_perm("hr.manage_all_complaints"):
        allowed = Q(raised_by=user)
        if user.has_perm("hr.handle_complaint"):
            allowed |= Q(is_handler=True)
        complaints = complaints.filter(allowed)
    return (
        complaints.filter(is_about_me=False)
        .annotate(
            raiser_visible=Case(
                When(Q(anonymous=False) | Q(raised_by=user) | Q(is_handler=True), then=True),
                default=Value(False),
                output_field=BooleanField(),
            ),
            is_overdue=Case(
                When(
                    status=Complaint.Status.RECEIVED,
                    acknowledge_by__lt=timezone.localdate(),
                    then=True,
                ),
                default=Value(False),
                output_field=BooleanField(),
            ),
        )
        .select_related("raised_by")
    )


def complaint_may_handle(user, complaint: Complaint) -> bool:
    """`complaint` must come from `complaints_visible_to(user)` (it has `is_handler`)."""
    if user.has_perm("hr.manage_all_complaints"):
        return True
    return user.has_perm("hr.handle_complaint") and complaint.is_handler


def complaint_notes_visible_to(user, complaint: Complaint) -> QuerySet[ComplaintNote]:
    """Internal notes: for the handlers only, never the raiser."""
    if not complaint_may_handle(user, complaint):
        return ComplaintNote.objects.none()
    return complaint.notes.select_related("author")


def complaints_overdue_count() -> int:
    return Complaint.objects.filter(
        status=Complaint.Status.RECEIVED, acknowledge_by__lt=timezone.localdate()
    ).count()
