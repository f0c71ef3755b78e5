"""Reads of the core, already limited to what the asking user may see."""

from django.db.models import QuerySet

from backoffice.models import Job, Notification


def jobs_visible_to(user) -> QuerySet[Job]:
    """A user sees the jobs they started; an administrator sees every job."""
    jobs = Job.objects.select_related("requested_by")
    if user.is_superuser:
        return jobs
    return jobs.filter(requested_by=user)


def notifications_for(user) -> QuerySet[Notification]:
    return Notification.objects.filter(recipient=user)


def notification_unread_count(user) -> int:
    return Notification.objects.filter(recipient=user, read_at__isnull=True).count()
