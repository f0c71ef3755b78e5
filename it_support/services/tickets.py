"""Writes of the helpdesk: raise a ticket, talk on it, move it through its statuses.

Every status change goes through `transition()` (history row with who and why);
each change tells the people concerned with `notification_send`. A notification
to the requester never carries an internal note: notes only ever reach IT.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from backoffice import roles
from backoffice.errors import as_domain_error, clean_or_raise
from backoffice.services import notification_send
from backoffice.uploads import DOCUMENT_KINDS, private_name, uploads_check
from backoffice.workflow import transition
from it_support.errors import ItSupportError
from it_support.models.tickets import (
    Priority,
    SavedQueueFilter,
    Ticket,
    TicketAttachment,
    TicketMessage,
    priority_of,
)
from it_support.services.sla import sla_due_times, sla_due_times_repriced, sla_resume

Status = Ticket.Status
WORK_PERM = "it_support.work_ticket"
ATTACHMENT_KINDS = DOCUMENT_KINDS


def is_it_staff(user) -> bool:
    return user.has_perm(WORK_PERM)


def _url(ticket) -> str:
    return reverse("it_support:ticket-detail", args=[ticket.pk])


def _it_team():
    return get_user_model().objects.filter(groups__name=roles.IT, is_active=True).distinct()


def _notify(recipients, *, ticket, title, body="", by=None, email=True):
    people = [user for user in recipients if user is not None and user != by]
    if people:
        notification_send(
            recipients=people,
            title=f"{ticket.reference}: {title}",
            body=body,
            url=_url(ticket),
            source="it_support.ticket",
            email=email,
        )


def _attach(*, by, ticket, message, files):
    with as_domain_error(ItSupportError):
        kinds = uploads_check(
            list(files),
            allowed=ATTACHMENT_KINDS,
            max_bytes=settings.IT_ATTACHMENT_MAX_BYTES,
            max_files=settings.IT_ATTACHMENT_MAX_FILES,
        )
    for upload, kind in zip(files, kinds, strict=True):
        attachment = TicketAttachment(
            ticket=ticket,
            message=message,
            filename=upload.name[:150],
            kind=kind.key,
            size=upload.size,
            uploaded_by=by,
        )
        attachment.file.save(private_name("it/tickets", kind), upload, save=False)
        attachment.save()


@transaction.atomic
def ticket_create(
    *,
    by,
    subject: str,
    category: str,
    impact: int,
    urgency: int = 2,
    description: str = "",
    system=None,
    equipment=None,
    files=(),
    source: str = Ticket.Source.WEB,
    requester=None,
) -> Ticket:
    ticket = Ticket(
        subject=subject,
        description=description,
        requester=requester or by,
        category=category,
        impact=impact,
        urgency=urgency,
        priority=priority_of(impact, urgency),
        system=system,
        equipment=equipment,
        source=source,
        **sla_due_times(priority=priority_of(impact, urgency), start=timezone.now()),
    )
    clean_or_raise(ticket, error=ItSupportError)
    ticket._history_user = by
    ticket.save()
    if files:
        _attach(by=by, ticket=ticket, message=None, files=files)
    _notify(
        _it_team(),
        ticket=ticket,
        title=_("new ticket: %(subject)s") % {"subject": subject},
        body=description,
        by=by,
    )
    return ticket


def _lock(ticket) -> Ticket:
    return Ticket.objects.select_for_update().get(pk=ticket.pk)


def _resume_clock(ticket, now) -> dict:
    return sla_resume(ticket, now)


def _require_it(by):
    if not is_it_staff(by):
        raise ItSupportError(_("Only IT staff can do this."))


def _require_offboarding_done(ticket):
    if ticket.offboarding_items.filter(outcome="open").exists():
        raise ItSupportError(
            _("Return, write off or revoke each offboarding item first; the ticket then closes.")
        )


def _require_requester(by, ticket):
    if by != ticket.requester:
        raise ItSupportError(_("Only the person who raised the ticket can do this."))


@transaction.atomic
def ticket_reply(*, by, ticket, body: str, internal: bool = False, files=()) -> TicketMessage:
    """Add a public reply or (IT only) an internal note, with files."""
    ticket = _lock(ticket)
    staff = is_it_staff(by)
    if internal and not staff:
        raise ItSupportError(_("Only IT staff can write internal notes."))
    if not staff and by != ticket.requester:
        raise ItSupportError(_("Only the requester and IT can write on this ticket."))
    if ticket.status == Status.CLOSED:
        raise ItSupportError(_("This ticket is closed; raise a new one."))
    message = TicketMessage(ticket=ticket, author=by, body=body, internal=internal)
    clean_or_raise(message, error=ItSupportError, exclude=["ticket", "author"])
    message.save()
    if files:
        _attach(by=by, ticket=ticket, message=message, files=files)
    now = timezone.now()
    if internal:
        _notify([ticket.assignee], ticket=ticket, title=_("internal note added"), by=by)
        return message
    if by == ticket.requester:
        if ticket.status == Status.WAITING:
            transition(
                ticket,
                to=Status.IN_PROGRESS,
                allowed_from=[Status.WAITING],
                by=by,
                error=ItSupportError,
                reason="requester replied",
                changes=_resume_clock(ticket, now),
            )
        team = [ticket.assignee] if ticket.assignee else list(_it_team())
        _notify(team, ticket=ticket, title=_("the requester replied"), body=body, by=by)
    else:
        if ticket.first_response_at is None:
            ticket.first_response_at = now
            ticket._history_user = by
            ticket._change_reason = "first response"
            ticket.save(update_fields=["first_response_at"])
        _notify([ticket.requester], ticket=ticket, title=_("IT replied"), body=body, by=by)
    return message


@transaction.atomic
def ticket_assign(*, by, ticket, assignee) -> Ticket:
    _require_it(by)
    ticket = _lock(ticket)
    if not is_it_staff(assignee):
        raise ItSupportError(_("Tickets are assigned to IT staff only."))
    if ticket.status in (Status.NEW, Status.REOPENED):
        transition(
            ticket,
            to=Status.ASSIGNED,
            allowed_from=[Status.NEW, Status.REOPENED],
            by=by,
            error=ItSupportError,
            changes={"assignee": assignee},
        )
    elif ticket.is_open:
        ticket.assignee = assignee
        ticket._history_user = by
        ticket._change_reason = "reassigned"
        ticket.save(update_fields=["assignee"])
    else:
        raise ItSupportError(_("A resolved or closed ticket is not assigned."))
    _notify(
        [assignee], ticket=ticket, title=_("assigned to you: %(s)s") % {"s": ticket.subject}, by=by
    )
    _notify([ticket.requester], ticket=ticket, title=_("IT has picked up your ticket"), by=by)
    return ticket


@transaction.atomic
def ticket_reprioritise(*, by, ticket, priority: int, reason: str) -> Ticket:
    """IT sets another priority: the service-level due times follow the new targets."""
    _require_it(by)
    ticket = _lock(ticket)
    if not ticket.is_open:
        raise ItSupportError(_("A resolved or closed ticket keeps its priority."))
    if priority not in Priority.values:
        raise ItSupportError(_("Choose one of the priorities."))
    if priority == ticket.priority:
        raise ItSupportError(_("The ticket already has this priority."))
    if not reason.strip():
        raise ItSupportError(_("Say why the priority changes."))
    changes = sla_due_times_repriced(ticket, priority=priority)
    ticket.priority = priority
    for name, value in changes.items():
        setattr(ticket, name, value)
    # A new due time earns its own warning.
    ticket.response_warned_at = ticket.resolution_warned_at = None
    ticket._history_user = by
    ticket._change_reason = reason.strip()[:100]
    ticket.save(update_fields=["priority", "response_warned_at", "resolution_warned_at", *changes])
    _notify(
        [ticket.assignee, ticket.requester],
        ticket=ticket,
        title=_("priority now %(p)s") % {"p": ticket.get_priority_display()},
        by=by,
    )
    return ticket


@transaction.atomic
def ticket_start(*, by, ticket) -> Ticket:
    _require_it(by)
    ticket = _lock(ticket)
    return transition(
        ticket,
        to=Status.IN_PROGRESS,
        allowed_from=[Status.NEW, Status.ASSIGNED, Status.REOPENED, Status.WAITING],
        by=by,
        error=ItSupportError,
        changes={"assignee": ticket.assignee or by, **_resume_clock(ticket, timezone.now())},
    )


@transaction.atomic
def ticket_wait(*, by, ticket) -> Ticket:
    """Ask the requester for something: the service clock stops until they answer."""
    _require_it(by)
    ticket = _lock(ticket)
    transition(
        ticket,
        to=Status.WAITING,
        allowed_from=[Status.ASSIGNED, Status.IN_PROGRESS, Status.REOPENED],
        by=by,
        error=ItSupportError,
        changes={"paused_at": timezone.now()},
    )
    _notify([ticket.requester], ticket=ticket, title=_("IT is waiting for your answer"), by=by)
    return ticket


@transaction.atomic
def ticket_resolve(*, by, ticket) -> Ticket:
    _require_it(by)
    ticket = _lock(ticket)
    _require_offboarding_done(ticket)
    transition(
        ticket,
        to=Status.RESOLVED,
        allowed_from=Ticket.OPEN,
        by=by,
        error=ItSupportError,
        stamp="resolved",
        changes={"assignee": ticket.assignee or by, **_resume_clock(ticket, timezone.now())},
    )
    _notify(
        [ticket.requester],
        ticket=ticket,
        title=_("resolved: please confirm the fix or reopen"),
        by=by,
    )
    return ticket


@transaction.atomic
def ticket_confirm(*, by, ticket) -> Ticket:
    """The requester confirms the fix: the ticket closes."""
    ticket = _lock(ticket)
    _require_requester(by, ticket)
    transition(
        ticket,
        to=Status.CLOSED,
        allowed_from=[Status.RESOLVED],
        by=by,
        error=ItSupportError,
        stamp="closed",
        message=_("Only a resolved ticket can be confirmed."),
    )
    _notify([ticket.assignee], ticket=ticket, title=_("the requester confirmed the fix"), by=by)
    return ticket


@transaction.atomic
def ticket_reopen(*, by, ticket, body: str = "") -> Ticket:
    ticket = _lock(ticket)
    _require_requester(by, ticket)
    transition(
        ticket,
        to=Status.REOPENED,
        allowed_from=[Status.RESOLVED],
        by=by,
        error=ItSupportError,
        message=_("Only a resolved ticket can be reopened; a closed one needs a new ticket."),
        changes={
            "resolved_at": None,
            "resolved_by": None,
            # A fresh resolution clock from now; its warning may be given again.
            "resolution_due_at": sla_due_times(priority=ticket.priority, start=timezone.now())[
                "resolution_due_at"
            ],
            "resolution_warned_at": None,
        },
    )
    if body:
        TicketMessage.objects.create(ticket=ticket, author=by, body=body)
    team = [ticket.assignee] if ticket.assignee else list(_it_team())
    _notify(team, ticket=ticket, title=_("reopened by the requester"), body=body, by=by)
    return ticket


@transaction.atomic
def ticket_rate(*, by, ticket, rating: int, comment: str = "") -> Ticket:
    ticket = _lock(ticket)
    _require_requester(by, ticket)
    if ticket.status not in (Status.RESOLVED, Status.CLOSED):
        raise ItSupportError(_("Rate the help once the ticket is resolved."))
    ticket.rating = rating
    ticket.rating_comment = comment
    clean_or_raise(ticket, error=ItSupportError)
    ticket._history_user = by
    ticket._change_reason = "rated"
    ticket.save(update_fields=["rating", "rating_comment"])
    return ticket


@transaction.atomic
def ticket_autoclose(*, ticket_id: int) -> int:
    """Close a resolved ticket left unconfirmed (1), or nothing if it moved meanwhile (0)."""
    ticket = Ticket.objects.select_for_update().filter(pk=ticket_id, status=Status.RESOLVED).first()
    if ticket is None:
        return 0
    transition(
        ticket,
        to=Status.CLOSED,
        allowed_from=[Status.RESOLVED],
        by=None,
        error=ItSupportError,
        stamp="closed",
        reason="closed automatically",
    )
    _notify(
        [ticket.requester],
        ticket=ticket,
        title=_("closed: the fix was not confirmed within %(days)d business days")
        % {"days": settings.IT_AUTOCLOSE_BUSINESS_DAYS},
    )
    return 1


BULK_ACTIONS = {
    "assign_me": lambda by, ticket: ticket_assign(by=by, ticket=ticket, assignee=by),
    "start": lambda by, ticket: ticket_start(by=by, ticket=ticket),
    "resolve": lambda by, ticket: ticket_resolve(by=by, ticket=ticket),
}


def tickets_bulk(*, by, tickets, action: str) -> tuple[int, list[str]]:
    """Apply one action to each ticket in its own transaction; returns the count done
    and, for the others, why not ("IT-000012: ...")."""
    _require_it(by)
    if action not in BULK_ACTIONS:
        raise ItSupportError(_("Unknown action."))
    done, refused = 0, []
    for ticket in tickets:
        try:
            BULK_ACTIONS[action](by, ticket)
        except ItSupportError as exc:
            refused.append(f"{ticket.reference}: {exc}")
        else:
            done += 1
    return done, refused


@transaction.atomic
def queue_filter_save(*, by, name: str, query: str) -> SavedQueueFilter:
    saved, _created = SavedQueueFilter.objects.update_or_create(
        user=by, name=name.strip(), defaults={"query": query}
    )
    return saved
