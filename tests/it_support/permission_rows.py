"""Rows of the permission matrix for IT support.

The ticket is the employee's: the requester and their manager see it, IT works
it, anyone else gets 404. The attachment belongs to an internal note, so only
IT may download it.
"""

from datetime import date

from django.core.files.uploadedfile import SimpleUploadedFile

from it_support.models.tickets import SavedQueueFilter
from it_support.services import tickets as tickets_services
from it_support.services.offboarding import offboarding_ticket_open
from tests.permissions import Row, only

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32

ROWS: dict[str, Row] = {
    "it_support:index": Row(only("it", "admin")),
    "it_support:offboarding-list": Row(only("it", "admin")),
    "it_support:offboarding-item-done": Row(
        only("it", "admin", ok=302),
        kwargs=lambda o: {"pk": o["it_offboarding_item"].pk},
        method="post",
    ),
    "it_support:ticket-create": Row(
        only("admin", "hr", "accountant", "controller", "it", "clerk", "manager", "employee")
    ),
    "it_support:ticket-mine": Row(
        only("admin", "hr", "accountant", "controller", "it", "clerk", "manager", "employee")
    ),
    "it_support:ticket-queue": Row(only("it", "admin")),
    "it_support:ticket-bulk": Row(only("it", "admin", ok=302), method="post"),
    "it_support:queue-filter-save": Row(only("it", "admin", ok=302), method="post"),
    # The IT user's own filter: 404 for anyone else, IT included.
    "it_support:queue-filter-delete": Row(
        only("it", ok=302, other=403) | {"admin": 404},
        kwargs=lambda o: {"pk": o["queue_filter"].pk},
        method="post",
    ),
    "it_support:ticket-detail": Row(
        only("it", "admin", "employee", "manager", other=404),
        kwargs=lambda o: {"pk": o["ticket"].pk},
    ),
    # The employee may reply (302); outsiders 404.
    "it_support:ticket-reply": Row(
        only("it", "admin", "employee", "manager", ok=302, other=404),
        kwargs=lambda o: {"pk": o["ticket"].pk},
        method="post",
    ),
    "it_support:ticket-assign": Row(
        only("it", "admin", ok=302), kwargs=lambda o: {"pk": o["ticket"].pk}, method="post"
    ),
    "it_support:ticket-move": Row(
        only("it", "admin", ok=302), kwargs=lambda o: {"pk": o["ticket"].pk}, method="post"
    ),
    "it_support:ticket-confirm": Row(
        only("it", "admin", "employee", "manager", ok=302, other=404),
        kwargs=lambda o: {"pk": o["ticket"].pk},
        method="post",
    ),
    "it_support:ticket-reopen": Row(
        only("it", "admin", "employee", "manager", ok=302, other=404),
        kwargs=lambda o: {"pk": o["ticket"].pk},
        method="post",
    ),
    "it_support:ticket-rate": Row(
        only("it", "admin", "employee", "manager", ok=302, other=404),
        kwargs=lambda o: {"pk": o["ticket"].pk},
        method="post",
    ),
    "it_support:ticket-attachment-download": Row(
        only("it", "admin", other=404), kwargs=lambda o: {"pk": o["note_file"].pk}
    ),
}


def make_objects(role_users) -> dict:
    ticket = tickets_services.ticket_create(
        by=role_users["employee"], subject="Till 2 is frozen", category="cash_register", impact=1
    )
    note = tickets_services.ticket_reply(
        by=role_users["it"],
        ticket=ticket,
        body="Vendor case 42",
        internal=True,
        files=[SimpleUploadedFile("screen.png", PNG)],
    )
    leaving = offboarding_ticket_open(
        by=role_users["hr"], employee=role_users["clerk"].employee, last_day=date(2026, 1, 30)
    )
    return {
        "queue_filter": SavedQueueFilter.objects.create(
            user=role_users["it"], name="Mine", query="assignee=me"
        ),
        "ticket": ticket,
        "note_file": note.attachments.get(),
        "it_offboarding_item": leaving.offboarding_items.first(),
    }
