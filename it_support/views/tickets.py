"""Pages of the helpdesk: raise a ticket, my tickets, a ticket's page, IT's queue.

Every ticket is looked up through `tickets_visible_to`, so anyone else gets 404.
"""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.http import QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from backoffice import roles
from backoffice.permissions import require_perm
from backoffice.uploads import KINDS, private_file_response
from it_support.errors import ItSupportError
from it_support.forms.tickets import (
    AssignForm,
    PriorityForm,
    QueueFilterForm,
    RateForm,
    ReopenForm,
    ReplyForm,
    TicketForm,
)
from it_support.models.tickets import SavedQueueFilter, Ticket
from it_support.selectors import tickets as selectors
from it_support.services import tickets as services

RAISE = "it_support.raise_ticket"
WORK = "it_support.work_ticket"


def _after(request) -> int | None:
    after = request.GET.get("after", "")
    return int(after) if after.isdigit() else None


def _it_staff():
    return get_user_model().objects.filter(groups__name=roles.IT, is_active=True).distinct()


@require_perm(RAISE)
def ticket_create(request):
    form = TicketForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            ticket = services.ticket_create(by=request.user, **form.cleaned_data)
        except ItSupportError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, _("Ticket %(ref)s raised.") % {"ref": ticket.reference})
            return redirect("it_support:ticket-detail", pk=ticket.pk)
    return render(request, "it_support/tickets/ticket_create.html", {"form": form})


@require_perm(RAISE)
def ticket_mine(request):
    q = request.GET.get("q", "")
    tickets = selectors.tickets_search(
        selectors.tickets_of_requester(request.user), q=q, staff=False
    )
    rows, after = selectors.tickets_page(tickets, after=_after(request))
    context = {"tickets": rows, "after": after, "q": q}
    return render(request, "it_support/tickets/ticket_mine.html", context)


@login_required
def ticket_detail(request, pk):
    ticket = get_object_or_404(selectors.tickets_visible_to(request.user), pk=pk)
    staff = services.is_it_staff(request.user)
    context = {
        "ticket": ticket,
        "conversation": selectors.messages_visible_to(request.user, ticket),
        "files": selectors.attachments_visible_to(request.user).filter(
            ticket=ticket, message__isnull=True
        ),
        "staff": staff,
        "is_requester": ticket.requester_id == request.user.pk,
        "reply_form": ReplyForm(),
        "rate_form": RateForm(),
        "reopen_form": ReopenForm(),
        "assign_form": AssignForm(staff=_it_staff()) if staff else None,
        "priority_form": PriorityForm(initial={"priority": ticket.priority}) if staff else None,
    }
    return render(request, "it_support/tickets/ticket_detail.html", context)


def _done(request, ticket, call, success):
    try:
        call()
    except ItSupportError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, success)
    return redirect("it_support:ticket-detail", pk=ticket.pk)


@login_required
@require_POST
def ticket_reply(request, pk):
    ticket = get_object_or_404(selectors.tickets_visible_to(request.user), pk=pk)
    form = ReplyForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, _("Write a message."))
        return redirect("it_support:ticket-detail", pk=pk)
    return _done(
        request,
        ticket,
        lambda: services.ticket_reply(by=request.user, ticket=ticket, **form.cleaned_data),
        _("Note added.") if form.cleaned_data["internal"] else _("Reply sent."),
    )


@require_perm(WORK)
@require_POST
def ticket_assign(request, pk):
    ticket = get_object_or_404(selectors.tickets_visible_to(request.user), pk=pk)
    form = AssignForm(request.POST, staff=_it_staff())
    assignee = form.cleaned_data["assignee"] if form.is_valid() else request.user
    return _done(
        request,
        ticket,
        lambda: services.ticket_assign(by=request.user, ticket=ticket, assignee=assignee),
        _("Assigned to %(name)s.") % {"name": assignee.get_full_name() or assignee.username},
    )


MOVES = {
    "start": (services.ticket_start, gettext_lazy("Work started.")),
    "wait": (services.ticket_wait, gettext_lazy("Waiting on the requester; the clock is paused.")),
    "resolve": (
        services.ticket_resolve,
        gettext_lazy("Resolved; the requester is asked to confirm."),
    ),
}


@require_perm(WORK)
@require_POST
def ticket_move(request, pk):
    ticket = get_object_or_404(selectors.tickets_visible_to(request.user), pk=pk)
    move = MOVES.get(request.POST.get("to", ""))
    if move is None:
        messages.error(request, _("Unknown action."))
        return redirect("it_support:ticket-detail", pk=pk)
    service, success = move
    return _done(request, ticket, lambda: service(by=request.user, ticket=ticket), success)


@require_perm(WORK)
@require_POST
def ticket_priority(request, pk):
    ticket = get_object_or_404(selectors.tickets_visible_to(request.user), pk=pk)
    form = PriorityForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose a priority and say why."))
        return redirect("it_support:ticket-detail", pk=pk)
    data = form.cleaned_data
    return _done(
        request,
        ticket,
        lambda: services.ticket_reprioritise(
            by=request.user, ticket=ticket, priority=data["priority"], reason=data["reason"]
        ),
        _("Priority changed; the due times follow its targets."),
    )


@login_required
@require_POST
def ticket_confirm(request, pk):
    ticket = get_object_or_404(selectors.tickets_visible_to(request.user), pk=pk)
    return _done(
        request,
        ticket,
        lambda: services.ticket_confirm(by=request.user, ticket=ticket),
        _("Thank you: the ticket is closed."),
    )


@login_required
@require_POST
def ticket_reopen(request, pk):
    ticket = get_object_or_404(selectors.tickets_visible_to(request.user), pk=pk)
    form = ReopenForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Say what is still wrong."))
        return redirect("it_support:ticket-detail", pk=pk)
    return _done(
        request,
        ticket,
        lambda: services.ticket_reopen(by=request.user, ticket=ticket, **form.cleaned_data),
        _("Reopened."),
    )


@login_required
@require_POST
def ticket_rate(request, pk):
    ticket = get_object_or_404(selectors.tickets_visible_to(request.user), pk=pk)
    form = RateForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose a rating from 1 to 5."))
        return redirect("it_support:ticket-detail", pk=pk)
    data = form.cleaned_data
    return _done(
        request,
        ticket,
        lambda: services.ticket_rate(
            by=request.user, ticket=ticket, rating=data["rating"], comment=data["comment"]
        ),
        _("Thank you for rating the help."),
    )


@login_required
def attachment_download(request, pk):
    attachment = get_object_or_404(selectors.attachments_visible_to(request.user), pk=pk)
    return private_file_response(
        attachment.file, filename=attachment.filename, kind=KINDS[attachment.kind], inline=True
    )


@require_perm(WORK)
def ticket_queue(request):
    form = QueueFilterForm(request.GET or None)
    data = form.cleaned_data if form.is_valid() else {}
    if not any(name in request.GET for name in form.fields):
        data = {"status": list(Ticket.OPEN)}  # the working queue, also on its later pages
    tickets = selectors.queue_filter(Ticket.objects.all(), data=data, user=request.user)
    rows, after = selectors.tickets_page(
        tickets.select_related("requester", "assignee", "system", "equipment"),
        after=_after(request),
    )
    query = request.GET.copy()
    query.pop("after", None)
    context = {
        "form": form,
        "saved": SavedQueueFilter.objects.filter(user=request.user),
        "bulk_actions": BULK_LABELS,
        "tickets": rows,
        "after": after,
        "query": query.urlencode(),
        "estimate": selectors.tickets_estimated_count(),
    }
    return render(request, "it_support/tickets/ticket_queue.html", context)


BULK_LABELS = {
    "assign_me": gettext_lazy("Assign to me"),
    "start": gettext_lazy("Start work"),
    "resolve": gettext_lazy("Resolve"),
}
BULK_MAX = 100


@require_perm(WORK)
@require_POST
def ticket_bulk(request):
    ids = [int(pk) for pk in request.POST.getlist("ticket") if pk.isdigit()][:BULK_MAX]
    tickets = Ticket.objects.filter(pk__in=ids).order_by("pk")
    if not ids:
        messages.error(request, _("Tick the tickets to act on."))
    else:
        try:
            done, refused = services.tickets_bulk(
                by=request.user, tickets=tickets, action=request.POST.get("action", "")
            )
        except ItSupportError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, _("%(count)d tickets done.") % {"count": done})
            for reason in refused[:10]:
                messages.warning(request, reason)
    return redirect(_queue_url(request.POST.get("query", "")))


def _clean_query(raw: str) -> str:
    """Only the queue's own filters, so a saved link is never anything else."""
    params = QueryDict(raw, mutable=True)
    for key in list(params):
        if key not in QueueFilterForm.base_fields:
            del params[key]
    return params.urlencode()


def _queue_url(query: str) -> str:
    query = _clean_query(query)
    return reverse("it_support:ticket-queue") + (f"?{query}" if query else "")


@require_perm(WORK)
@require_POST
def queue_filter_save(request):
    name = request.POST.get("name", "").strip()[:60]
    query = _clean_query(request.POST.get("query", ""))
    if not name:
        messages.error(request, _("Give the filter a name."))
    else:
        services.queue_filter_save(by=request.user, name=name, query=query)
        messages.success(request, _("Filter saved."))
    return redirect(_queue_url(query))


@require_perm(WORK)
@require_POST
def queue_filter_delete(request, pk):
    saved = get_object_or_404(SavedQueueFilter, pk=pk, user=request.user)
    saved.delete()
    messages.success(request, _("Filter removed."))
    return redirect("it_support:ticket-queue")
