"""Reads of the phone side, filtered to the person asking."""

from datetime import date, timedelta

from django.db.models import Case, Count, F, Q, QuerySet, Value, When
from django.db.models.functions import Now, TruncDate
from django.utils import timezone

from clerical.models.phones import Call, PhoneMessage
from hr.models.employees import Employee
from hr.selectors.employees import directory

TYPEAHEAD_ROWS = 8


def phone_directory() -> QuerySet[Employee]:
    """HR's directory with each person's presence (one LEFT JOIN, no query per row).

    A presence whose `until` has passed no longer counts: the person is back in.
    """
    current = Q(presence__until__isnull=True) | Q(presence__until__gt=Now())
    return directory().annotate(
        presence_status=Case(When(current, then=F("presence__status")), default=Value(None)),
        presence_until=F("presence__until"),
    )


def employees_matching(text: str) -> list[Employee]:
    """The typeahead: current staff whose name, extension or number starts with `text`."""
    text = text.strip()
    if len(text) < 2 and not text.isdigit():
        return []
    words = text.split()
    query = Q()
    for word in words:
        query &= (
            Q(first_name__istartswith=word)
            | Q(last_name__istartswith=word)
            | Q(extension__startswith=word)
            | Q(work_phone__contains=word)
        )
    return list(phone_directory().filter(query)[:TYPEAHEAD_ROWS])


def calls_recent(*, limit: int = 20) -> QuerySet[Call]:
    return Call.objects.select_related(
        "caller_employee", "for_employee", "taken_by", "answered_by"
    ).order_by("-received_at", "-pk")[:limit]


def calls_today_for(employee: Employee) -> QuerySet[Call]:
    return Call.objects.filter(
        for_employee=employee, received_at__date=timezone.localdate()
    ).select_related("caller_employee")


def call_with_chain(pk: int) -> Call:
    return (
        Call.objects.select_related("caller_employee", "for_employee", "taken_by", "answered_by")
        .prefetch_related("transfers__to_employee")
        .get(pk=pk)
    )


def calls_per_department_per_day(*, days: int = 14, today: date | None = None) -> list[dict]:
    """One aggregate query: [{'day', 'department__name', 'calls', 'messages'}], newest first."""
    today = today or timezone.localdate()
    since = today - timedelta(days=days - 1)
    return list(
        Call.objects.filter(received_at__date__gte=since)
        .annotate(day=TruncDate("received_at"))
        .values("day", "department__name")
        .annotate(calls=Count("pk"), messages=Count("pk", filter=Q(status=Call.Status.MESSAGE)))
        .order_by("-day", "department__name")
    )


def messages_visible_to(user) -> QuerySet[PhoneMessage]:
    """A message is for its recipient, the clerk who took it, and the clerical team."""
    messages = PhoneMessage.objects.select_related("recipient", "taken_by")
    if user.has_perm("clerical.view_all_phonemessage"):
        return messages
    return messages.filter(Q(recipient__user=user) | Q(taken_by=user))


def messages_open_for(user) -> QuerySet[PhoneMessage]:
    return PhoneMessage.objects.filter(
        recipient__user=user, status=PhoneMessage.Status.OPEN
    ).order_by("call_back_by", "taken_at")
