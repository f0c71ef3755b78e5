"""Leave requests: ask, decide, cancel, cut short; each step through `transition()`.

A request takes no days until it is approved; pending requests are counted
against the balance so that several together cannot overbook it. The
employee's row is locked first by every step that reads the balance and
writes the ledger, so two requests of one person are checked one after the
other (a lock on ledger rows could not stop a new row being added).
"""

from datetime import date
from decimal import Decimal

from django.contrib.auth.models import Group
from django.db import transaction
from django.db.models import Sum
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from backoffice import roles
from backoffice.errors import clean_or_raise
from backoffice.services import notification_send
from backoffice.workflow import transition
from hr.models.employees import Employee
from hr.models.leave import LeaveLedgerEntry, LeaveRequest, LeaveType
from hr.services.leave_counting import (
    available_on,
    buckets_usable_on,
    leave_count,
    overlapping,
    pending_days,
)
from hr.services.leave_setup import ZERO, LeaveError, year_end

Status = LeaveRequest.Status
Kind = LeaveLedgerEntry.Kind


def _day(value: date) -> str:
    return date_format(value, "SHORT_DATE_FORMAT")


def _lock(employee: Employee) -> Employee:
    return Employee.objects.select_for_update().get(pk=employee.pk)


def _check_dates(employee: Employee, start: date, end: date) -> None:
    if start < employee.hire_date:
        raise LeaveError(
            _("%(name)s starts work on %(day)s; leave cannot begin before that.")
            % {"name": employee.full_name, "day": _day(employee.hire_date)}
        )
    last = employee.termination_date or employee.contract_end_date
    if last and end > last:
        raise LeaveError(
            _("%(name)s's last working day is %(day)s; leave cannot run past it.")
            % {"name": employee.full_name, "day": _day(last)}
        )


def _check_balance(employee, leave_type, start, days, exclude=None) -> None:
    if not leave_type.has_balance or leave_type.allows_negative:
        return
    free = available_on(employee, leave_type, start) - pending_days(
        employee, leave_type, exclude=exclude
    )
    if days > free:
        raise LeaveError(
            _(
                "This leave takes %(days)s days of %(type)s but only %(free)s are free "
                "(balance less requests waiting for approval)."
            )
            % {"days": days.normalize(), "type": leave_type, "free": free.normalize()}
        )


def _validated(employee, leave_type, start, end, half, exclude=None):
    if not leave_type.is_active:
        raise LeaveError(_("%(type)s can no longer be requested.") % {"type": leave_type})
    _check_dates(employee, start, end)
    count = leave_count(employee=employee, leave_type=leave_type, start=start, end=end, half=half)
    clash = overlapping(employee, start, end, half, exclude=exclude).first()
    if clash is not None:
        raise LeaveError(
            _("These dates overlap another request (%(type)s, %(start)s to %(end)s).")
            % {
                "type": clash.leave_type,
                "start": _day(clash.start_date),
                "end": _day(clash.end_date),
            }
        )
    _check_balance(employee, leave_type, start, count.days, exclude=exclude)
    return count


def leave_preview(*, employee, leave_type, start, end, half="") -> dict:
    """What a request would take and leave, without saving (the request form shows it)."""
    count = _validated(employee, leave_type, start, end, half)
    before = available_on(employee, leave_type, start) if leave_type.has_balance else None
    pending = pending_days(employee, leave_type) if leave_type.has_balance else None
    after = before - pending - count.days if leave_type.has_balance else None
    return {"count": count, "before": before, "pending": pending, "after": after}


def _approvers(request: LeaveRequest):
    employee = request.employee
    if request.leave_type.approver == LeaveType.Approver.MANAGER:
        manager = employee.manager
        if manager is not None and manager.user_id and manager.user.is_active:
            return [manager.user]
    return list(
        Group.objects.get(name=roles.HR)
        .user_set.filter(is_active=True)
        .exclude(pk=employee.user_id)
    )


@transaction.atomic
def leave_request(
    *,
    by,
    employee: Employee,
    leave_type: LeaveType,
    start: date,
    end: date,
    half: str = "",
    note: str = "",
) -> LeaveRequest:
    """Ask for leave (the employee, or HR for someone without a login); waits for approval."""
    employee = _lock(employee)
    count = _validated(employee, leave_type, start, end, half)
    request = LeaveRequest(
        employee=employee,
        leave_type=leave_type,
        start_date=start,
        end_date=end,
        half=half,
        days=count.days,
        hours=count.hours,
        note=note,
        requested_by=by,
    )
    clean_or_raise(request, error=LeaveError)
    request._history_user = by
    request._change_reason = "requested"
    request.save()
    notification_send(
        recipients=[u for u in _approvers(request) if u.pk != by.pk],
        title=_("%(name)s asks for %(type)s, %(start)s to %(end)s (%(days)s days).")
        % {
            "name": employee.full_name,
            "type": leave_type,
            "start": _day(start),
            "end": _day(end),
            "days": count.days.normalize(),
        },
        url=reverse("hr:leave-detail", args=[request.pk]),
        source="hr.leave",
    )
    return request


def may_decide(user, request: LeaveRequest) -> bool:
    """HR decides every type; a manager their direct reports' types approved by the manager."""
    if request.employee.user_id == user.pk:
        return False
    if user.has_perm("hr.manage_leave"):
        return True
    manager = request.employee.manager
    return (
        request.leave_type.approver == LeaveType.Approver.MANAGER
        and user.has_perm("hr.approve_leave")
        and manager is not None
        and manager.user_id == user.pk
    )


def _book(request: LeaveRequest, by) -> None:
    """Write the use rows, oldest bucket first; beyond the balance when the type allows it."""
    remaining = request.days
    for bucket in buckets_usable_on(request.employee, request.leave_type, request.start_date):
        if remaining <= 0:
            break
        take = min(bucket["days"], remaining)
        _ledger(
            request,
            Kind.USE,
            -take,
            bucket["year"],
            bucket["usable_until"],
            by,
            _("Leave from %(start)s to %(end)s"),
        )
        remaining -= take
    if remaining > 0:
        if not request.leave_type.allows_negative:
            raise LeaveError(_("The balance no longer covers this leave."))
        year = request.start_date.year
        _ledger(
            request,
            Kind.USE,
            -remaining,
            year,
            year_end(year),
            by,
            _("Leave from %(start)s to %(end)s, beyond the balance"),
        )


def _ledger(request, kind, days, year, until, by, reason) -> LeaveLedgerEntry:
    text = reason % {"start": _day(request.start_date), "end": _day(request.end_date)}
    return LeaveLedgerEntry.objects.create(
        employee=request.employee,
        leave_type=request.leave_type,
        kind=kind,
        days=days,
        year=year,
        usable_until=until,
        request=request,
        reason=text[:300],
        created_by=by,
    )


def _give_back(request: LeaveRequest, days: Decimal, by, kind, reason: str) -> None:
    """Return `days` of the request's uses, latest bucket first (net of earlier returns)."""
    booked = (
        LeaveLedgerEntry.objects.filter(request=request)
        .values("year", "usable_until")
        .order_by("-year", "-usable_until")
    )
    for bucket in booked.annotate(net=Sum("days")):
        if days <= 0:
            break
        give = min(-bucket["net"], days)
        if give > 0:
            _ledger(request, kind, give, bucket["year"], bucket["usable_until"], by, reason)
            days -= give


@transaction.atomic
def leave_decide(*, by, request: LeaveRequest, approve: bool, comment: str = "") -> LeaveRequest:
    _lock(request.employee)
    request = (
        LeaveRequest.objects.select_related("employee__manager", "leave_type")
        .select_for_update(of=("self",))
        .get(pk=request.pk)
    )
    if not may_decide(by, request):
        raise LeaveError(_("You may not decide this request."))
    if not approve and not comment.strip():
        raise LeaveError(_("Say why the request is refused."))
    to = Status.APPROVED if approve else Status.REFUSED
    transition(
        request,
        to=to,
        allowed_from=[Status.PENDING],
        by=by,
        error=LeaveError,
        stamp="decided",
        changes={"decision_comment": comment.strip()},
        message=_("This request has already been decided."),
    )
    if approve and request.leave_type.has_balance:
        _book(request, by)
    if request.employee.user_id:
        notification_send(
            recipients=[request.employee.user],
            title=(
                _("Your %(type)s from %(start)s is approved.")
                if approve
                else _("Your %(type)s from %(start)s is refused.")
            )
            % {"type": request.leave_type, "start": _day(request.start_date)},
            body=comment,
            url=reverse("hr:leave-detail", args=[request.pk]),
            level="success" if approve else "warning",
            source="hr.leave",
        )
    return request


@transaction.atomic
def leave_cancel(*, by, request: LeaveRequest) -> LeaveRequest:
    """The employee or HR cancels a request, or approved leave that has not started."""
    _lock(request.employee)
    request = LeaveRequest.objects.select_for_update().get(pk=request.pk)
    own = request.employee.user_id == by.pk
    if not (own or by.has_perm("hr.manage_leave")):
        raise LeaveError(_("You may not cancel this request."))
    today = timezone.localdate()
    if request.status == Status.APPROVED and request.start_date <= today:
        raise LeaveError(_("This leave has started; ask HR to cut it short instead."))
    was_approved = request.status == Status.APPROVED
    transition(
        request,
        to=Status.CANCELLED,
        allowed_from=[Status.PENDING, Status.APPROVED],
        by=by,
        error=LeaveError,
        stamp="cancelled",
        message=_("Only waiting or approved leave can be cancelled."),
    )
    if was_approved and request.leave_type.has_balance:
        _give_back(
            request,
            request.days,
            by,
            Kind.CANCELLATION,
            _("Cancelled: leave from %(start)s to %(end)s"),
        )
    notify = [u for u in _approvers(request) + [request.employee.user] if u and u.pk != by.pk]
    notification_send(
        recipients=notify,
        title=_("Leave of %(name)s from %(start)s is cancelled.")
        % {"name": request.employee.full_name, "start": _day(request.start_date)},
        url=reverse("hr:leave-detail", args=[request.pk]),
        source="hr.leave",
    )
    return request


@transaction.atomic
def leave_cut_short(*, by, request: LeaveRequest, new_end: date, comment: str) -> LeaveRequest:
    """HR ends approved leave early (the person came back); the days not taken return."""
    if not by.has_perm("hr.manage_leave"):
        raise LeaveError(_("Only HR cuts leave short."))
    _lock(request.employee)
    request = (
        LeaveRequest.objects.select_related("employee", "leave_type")
        .select_for_update(of=("self",))
        .get(pk=request.pk)
    )
    if not (request.start_date <= new_end < request.end_date):
        raise LeaveError(
            _("The new last day must be on or after the first day and before the old last day.")
        )
    if not comment.strip():
        raise LeaveError(_("Say why the leave is cut short."))
    count = leave_count(
        employee=request.employee,
        leave_type=request.leave_type,
        start=request.start_date,
        end=new_end,
        half=request.half,
    )
    returned = request.days - count.days
    transition(
        request,
        to=Status.APPROVED,
        allowed_from=[Status.APPROVED],
        by=by,
        error=LeaveError,
        message=_("Only approved leave can be cut short."),
        reason=f"cut short to {new_end.isoformat()}: {comment.strip()}",
        changes={"end_date": new_end, "days": count.days, "hours": count.hours},
    )
    if returned > 0 and request.leave_type.has_balance:
        _give_back(
            request,
            returned,
            by,
            Kind.CANCELLATION,
            _("Cut short: leave now from %(start)s to %(end)s"),
        )
    if request.employee.user_id:
        notification_send(
            recipients=[request.employee.user],
            title=_("Your leave now ends on %(day)s.") % {"day": _day(new_end)},
            body=comment,
            url=reverse("hr:leave-detail", args=[request.pk]),
            source="hr.leave",
        )
    return request


@transaction.atomic
def leave_recount_for_holidays(*, dates: list[date], by=None) -> int:
    """Re-count active leave over changed public holidays; approved leave gets a correction row."""
    if not dates:
        return 0
    first, last = min(dates), max(dates)
    affected = (
        LeaveRequest.objects.filter(
            status__in=[Status.PENDING, Status.APPROVED], start_date__lte=last, end_date__gte=first
        )
        .select_related("employee__user", "leave_type")
        .order_by("pk")
    )
    changed = 0
    names = ", ".join(_day(d) for d in sorted(dates))
    for request in affected:
        if not any(request.start_date <= d <= request.end_date for d in dates):
            continue
        _lock(request.employee)
        request = LeaveRequest.objects.select_related("employee__user", "leave_type").get(
            pk=request.pk
        )
        try:
            count = leave_count(
                employee=request.employee,
                leave_type=request.leave_type,
                start=request.start_date,
                end=request.end_date,
                half=request.half,
            )
            days, hours = count.days, count.hours
        except LeaveError:
            days, hours = ZERO, ZERO
        if days == request.days:
            continue
        old = request.days
        reason = _(
            "Public holidays changed (%(dates)s): booking recounted from %(old)s to %(new)s days"
        ) % {"dates": names, "old": old.normalize(), "new": days.normalize()}
        transition(
            request,
            to=request.status,
            allowed_from=[request.status],
            by=by,
            error=LeaveError,
            reason=reason,
            changes={"days": days, "hours": hours},
        )
        if request.status == Status.APPROVED and request.leave_type.has_balance:
            if days < old:
                _give_back(request, old - days, by, Kind.CORRECTION, reason)
            else:
                last_use = LeaveLedgerEntry.objects.filter(request=request).order_by("-pk").first()
                year = last_use.year if last_use else request.start_date.year
                until = last_use.usable_until if last_use else year_end(year)
                _ledger(request, Kind.CORRECTION, old - days, year, until, by, reason)
        if request.employee.user_id:
            notification_send(
                recipients=[request.employee.user],
                title=reason,
                url=reverse("hr:leave-detail", args=[request.pk]),
                source="hr.leave",
            )
        changed += 1
    return changed
