"""Employee documents: upload, and the daily warning of those about to expire."""

from datetime import date, timedelta

from django.conf import settings
from django.db import connection, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from backoffice import roles
from backoffice.errors import DomainError, as_domain_error, clean_or_raise
from backoffice.models import Notification
from backoffice.services import notification_send, notification_send_to_group
from hr.models.documents import DocumentExpiryNotice, EmployeeDocument
from hr.models.employees import Employee
from hr.uploads import check_size, document_content_type

# Days before expiry at which a document is announced, tightest first.
EXPIRY_THRESHOLDS = (7, 30)


class DocumentError(DomainError):
    pass


@transaction.atomic
def document_upload(
    *,
    by,
    employee: Employee,
    kind: str,
    uploaded_file,
    issue_date: date,
    expiry_date: date | None = None,
) -> EmployeeDocument:
    """File a PDF, JPEG or PNG for an employee; its content decides its type."""
    with as_domain_error(DocumentError):
        check_size(uploaded_file, settings.HR_DOCUMENT_MAX_BYTES)
    content_type = document_content_type(uploaded_file)
    if content_type is None:
        raise DocumentError(_("Only PDF, JPEG and PNG files are accepted."))
    document = EmployeeDocument(
        employee=employee,
        kind=kind,
        original_name=(uploaded_file.name or "document")[-200:],
        content_type=content_type,
        size=uploaded_file.size,
        issue_date=issue_date,
        expiry_date=expiry_date,
        uploaded_by=by,
    )
    clean_or_raise(document, error=DocumentError, exclude=["file"])
    # Saved last: a refused upload leaves no file behind.
    document.file.save(document.original_name, uploaded_file, save=False)
    document._history_user = by
    try:
        document.save()
    except Exception:
        # No row, no file: a failed save must not leave an orphan on disk.
        document.file.delete(save=False)
        raise
    return document


def _claim_expiring(today: date) -> list[tuple[int, int]]:
    """Record a notice for every document newly inside a threshold; return what was claimed.

    One INSERT ... SELECT ... ON CONFLICT DO NOTHING: a document already
    announced at its threshold (by this run, an earlier one or a parallel
    worker) is skipped by the unique constraint, so nobody is told twice.
    Each document gets its tightest threshold only.
    """
    widest = max(EXPIRY_THRESHOLDS)
    cases = " ".join(f"WHEN d.expiry_date <= %s THEN {days}" for days in sorted(EXPIRY_THRESHOLDS))
    params = [today + timedelta(days=days) for days in sorted(EXPIRY_THRESHOLDS)]
    notice = DocumentExpiryNotice._meta.db_table
    document = EmployeeDocument._meta.db_table
    sql = f"""
        INSERT INTO {notice} (document_id, threshold_days, expiry_date, sent_at)
        SELECT d.id, CASE {cases} END, d.expiry_date, %s
        FROM {document} d
        WHERE d.expiry_date >= %s AND d.expiry_date <= %s
        ON CONFLICT (document_id, threshold_days, expiry_date) DO NOTHING
        RETURNING document_id, threshold_days
    """  # noqa: S608 - table names come from the models, values are parameters
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, timezone.now(), today, today + timedelta(days=widest)])
        return list(cursor.fetchall())


@transaction.atomic
def documents_expiry_notify(*, today: date | None = None) -> int:
    """Tell HR, and each employee concerned, of documents expiring soon; once each.

    Returns how many documents were announced. Safe to run any number of
    times a day: the notices are claimed before anyone is told.
    """
    today = today or timezone.localdate()
    claimed = _claim_expiring(today)
    if not claimed:
        return 0
    documents = list(
        EmployeeDocument.objects.filter(pk__in=[pk for pk, _days in claimed])
        .select_related("employee__user")
        .order_by("expiry_date", "pk")
    )
    lines = [
        _("%(kind)s of %(name)s (%(number)s) expires on %(date)s.")
        % {
            "kind": doc.get_kind_display(),
            "name": doc.employee.full_name,
            "number": doc.employee.employee_number,
            "date": doc.expiry_date.isoformat(),
        }
        for doc in documents
    ]
    notification_send_to_group(
        group=roles.HR,
        title=ngettext(
            "%(count)d employee document expires within 30 days",
            "%(count)d employee documents expire within 30 days",
            len(documents),
        )
        % {"count": len(documents)},
        body="\n".join(lines),
        url=reverse("hr:documents-expiring"),
        level=Notification.Level.WARNING,
        source="hr.document_expiry",
        email=True,
    )
    people = [doc.employee.user for doc in documents if doc.employee.user_id]
    if people:
        notification_send(
            recipients=people,
            title=_("One of your documents on file expires soon"),
            body=_("Please bring HR a renewed copy before it expires."),
            url=reverse("hr:my-documents"),
            level=Notification.Level.WARNING,
            source="hr.document_expiry",
            email=True,
        )
    return len(documents)
