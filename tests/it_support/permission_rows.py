"""IT's rows of the permission matrix (tests/test_permission_matrix.py).

The change request belongs to a system whose business owner is the manager:
the manager opens it (to approve) and other non-IT roles get 404.
"""

from datetime import date

from django.core.files.uploadedfile import SimpleUploadedFile

from it_support.models.changes import ChangeRequest
from it_support.models.licences import LicenceAssignment
from it_support.models.tickets import SavedQueueFilter
from it_support.services import tickets as tickets_services
from it_support.services.offboarding import offboarding_ticket_open
from tests.it_support.factories import (
    ArticleFactory,
    ChangeRequestFactory,
    EquipmentFactory,
    LicenceFactory,
    MaintenancePlanFactory,
    SystemFactory,
)
from tests.permissions import Row, only, signed_in

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


def make_objects(role_users) -> dict:
    system = SystemFactory(owner=role_users["manager"].employee)
    item = EquipmentFactory(system=system)
    licence = LicenceFactory(seats_total=5)
    seat = LicenceAssignment.objects.create(licence=licence, equipment=item)
    change = ChangeRequestFactory(
        system=system, requested_by=role_users["it"], status=ChangeRequest.Status.SUBMITTED
    )
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
        "it_system": system,
        "it_equipment": item,
        "it_licence": licence,
        "it_seat": seat,
        "it_plan": MaintenancePlanFactory(system=system, owner=role_users["it"]),
        "it_change": change,
        "it_article": ArticleFactory(author=role_users["it"]),
        "queue_filter": SavedQueueFilter.objects.create(
            user=role_users["it"], name="Mine", query="assignee=me"
        ),
        "ticket": ticket,
        "note_file": note.attachments.get(),
        "it_offboarding_item": leaving.offboarding_items.first(),
    }


IT = only("it", "admin")
IT_POST = only("it", "admin", ok=302)


def _pk(key):
    return lambda o: {"pk": o[key].pk}


def _it_post(key):
    return Row(IT_POST, kwargs=_pk(key), method="post")


# The change's owner-side steps: the manager (its business owner) and IT may post; the
# service then decides. Others do not see the change (404).
OWNER_SIDE = only("it", "admin", "manager", ok=302, other=404)

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
    "it_support:ticket-priority": Row(
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
    "it_support:system-list": Row(IT),
    "it_support:system-create": Row(IT),
    "it_support:system-detail": Row(IT, kwargs=_pk("it_system")),
    "it_support:system-edit": Row(IT, kwargs=_pk("it_system")),
    "it_support:equipment-list": Row(IT),
    "it_support:equipment-create": Row(IT),
    "it_support:equipment-detail": Row(IT, kwargs=_pk("it_equipment")),
    "it_support:equipment-edit": Row(IT, kwargs=_pk("it_equipment")),
    "it_support:equipment-assign": _it_post("it_equipment"),
    "it_support:licence-list": Row(IT),
    "it_support:licence-create": Row(IT),
    "it_support:licence-detail": Row(IT, kwargs=_pk("it_licence")),
    "it_support:licence-edit": Row(IT, kwargs=_pk("it_licence")),
    "it_support:licence-seat-assign": _it_post("it_licence"),
    # The admin's request (first) releases the seat, so IT's finds it gone.
    "it_support:licence-seat-release": Row(
        IT_POST | {"it": 404}, kwargs=_pk("it_seat"), method="post"
    ),
    "it_support:maintenance-list": Row(IT),
    "it_support:maintenance-create": Row(IT),
    "it_support:maintenance-detail": Row(IT, kwargs=_pk("it_plan")),
    "it_support:maintenance-edit": Row(IT, kwargs=_pk("it_plan")),
    "it_support:maintenance-log": _it_post("it_plan"),
    "it_support:change-board": Row(IT),
    "it_support:change-create": Row(IT),
    "it_support:change-detail": Row(
        only("it", "admin", "manager", other=404), kwargs=_pk("it_change")
    ),
    "it_support:change-edit": Row(IT, kwargs=_pk("it_change")),
    "it_support:change-submit": _it_post("it_change"),
    # The demo's IT lead is a member of the "IT lead" group; the plain IT role is not.
    "it_support:change-approve-it": Row(
        only("admin", ok=302), kwargs=_pk("it_change"), method="post"
    ),
    "it_support:change-approve-owner": Row(OWNER_SIDE, kwargs=_pk("it_change"), method="post"),
    "it_support:change-reject": Row(OWNER_SIDE, kwargs=_pk("it_change"), method="post"),
    "it_support:change-cancel": _it_post("it_change"),
    "it_support:change-schedule": _it_post("it_change"),
    "it_support:change-implement": _it_post("it_change"),
    "it_support:change-review": _it_post("it_change"),
    "it_support:article-list": Row(signed_in()),
    "it_support:article-create": Row(IT),
    "it_support:article-suggest": Row(signed_in()),
    "it_support:article-detail": Row(signed_in(), kwargs=_pk("it_article")),
    "it_support:article-edit": Row(IT, kwargs=_pk("it_article")),
}
