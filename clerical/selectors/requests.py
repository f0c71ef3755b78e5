"""Reads of office requests: the requester sees their own, the team the queue."""

from django.db.models import QuerySet

from clerical.models.requests import OfficeRequest


def requests_visible_to(user) -> QuerySet[OfficeRequest]:
    requests = OfficeRequest.objects.select_related("requested_by", "done_by")
    if user.has_perm("clerical.work_officerequest"):
        return requests
    return requests.filter(requested_by=user)


def request_queue(*, status: str = "") -> QuerySet[OfficeRequest]:
    queue = OfficeRequest.objects.select_related("requested_by").order_by("requested_at", "pk")
    if status:
        return queue.filter(status=status)
    return queue.filter(status__in=OfficeRequest.OPEN)
