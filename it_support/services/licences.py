"""Software licences: seats handed to people or equipment within what was bought, and
reminders before a licence ends (once per licence, threshold and expiry date)."""

from datetime import date, timedelta

from django.db import IntegrityError, connection, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from backoffice import roles
from backoffice.errors import DomainError
from backoffice.models import Notification
from backoffice.services import notification_send_to_group
from it_support.models.licences import Licence, LicenceAssignment, LicenceExpiryNotice
from it_support.services.inventory import record_save

EXPIRY_THRESHOLDS = (60, 30, 7)  # days before the end: renew, chase, last call


class LicenceError(DomainError):
    pass


@transaction.atomic
def licence_create(*, by, **fields) -> Licence:
    return record_save(Licence(**fields), by=by, reason=_("Created"), error=LicenceError)


@transaction.atomic
def licence_update(*, by, licence: Licence, **fields) -> Licence:
    licence = Licence.objects.select_for_update().get(pk=licence.pk)
    used = licence.assignments.count()
    if fields.get("seats_total", licence.seats_total) < used:
        raise LicenceError(
            _("%(used)d seats are in use; release some before lowering the total.") % {"used": used}
        )
    for name, value in fields.items():
        setattr(licence, name, value)
    return record_save(licence, by=by, reason=_("Edited"), error=LicenceError)


@transaction.atomic
def licence_seat_assign(*, by, licence: Licence, employee=None, equipment=None):
    """Give one seat to an employee or a piece of equipment; refused when none is free.

    The licence row is locked, so two people handing out the last seat at once
    cannot both succeed.
    """
    licence = Licence.objects.select_for_update().get(pk=licence.pk)
    if (employee is None) == (equipment is None):
        raise LicenceError(_("Choose either an employee or a piece of equipment."))
    if licence.assignments.count() >= licence.seats_total:
        raise LicenceError(_("All %(n)d seats are in use.") % {"n": licence.seats_total})
    try:
        with transaction.atomic():
            return LicenceAssignment.objects.create(
                licence=licence, employee=employee, equipment=equipment, assigned_by=by
            )
    except IntegrityError as exc:
        raise LicenceError(_("They already have a seat of this licence.")) from exc


@transaction.atomic
def licence_seat_release(*, by, seat: LicenceAssignment) -> None:
    Licence.objects.select_for_update().get(pk=seat.licence_id)
    LicenceAssignment.objects.filter(pk=seat.pk).delete()


def _claim_expiring(today: date) -> list[int]:
    """Record a notice for every licence newly inside a threshold; return the licences claimed.

    One INSERT ... ON CONFLICT DO NOTHING: a licence already announced at its
    tightest threshold (by an earlier run or a parallel worker) is skipped.
    """
    cases = " ".join(f"WHEN l.expires_on <= %s THEN {days}" for days in sorted(EXPIRY_THRESHOLDS))
    params = [today + timedelta(days=days) for days in sorted(EXPIRY_THRESHOLDS)]
    notice = LicenceExpiryNotice._meta.db_table
    licence = Licence._meta.db_table
    sql = f"""
        INSERT INTO {notice} (licence_id, threshold_days, expires_on, sent_at)
        SELECT l.id, CASE {cases} END, l.expires_on, %s
        FROM {licence} l
        WHERE l.expires_on >= %s AND l.expires_on <= %s
        ON CONFLICT (licence_id, threshold_days, expires_on) DO NOTHING
        RETURNING licence_id
    """  # noqa: S608 - table names come from the models, values are parameters
    widest = max(EXPIRY_THRESHOLDS)
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, timezone.now(), today, today + timedelta(days=widest)])
        return [row[0] for row in cursor.fetchall()]


@transaction.atomic
def licences_expiry_remind(*, today: date | None = None) -> int:
    """Tell IT of licences ending within 60, 30 and 7 days; each once per threshold."""
    today = today or timezone.localdate()
    claimed = _claim_expiring(today)
    if not claimed:
        return 0
    licences = list(Licence.objects.filter(pk__in=claimed).order_by("expires_on", "name"))
    lines = [
        _("%(name)s ends on %(date)s (%(days)d days).")
        % {"name": lic.name, "date": lic.expires_on, "days": (lic.expires_on - today).days}
        for lic in licences
    ]
    notification_send_to_group(
        group=roles.IT,
        title=ngettext(
            "%(count)d software licence ends soon",
            "%(count)d software licences end soon",
            len(licences),
        )
        % {"count": len(licences)},
        body="\n".join(lines),
        url=reverse("it_support:licence-list") + "?expiring=1",
        level=Notification.Level.WARNING,
        source="it_support.licence_expiry",
        email=True,
    )
    return len(licences)
