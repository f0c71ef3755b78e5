"""Six months of tickets: registers that freeze, a slow database, printers, access
requests; most closed and rated, a few open, some past their targets.

Written with bulk_create (and history rows in bulk), so seeding stays fast; a
second run finds the demo tickets and does nothing.
"""

import random
from datetime import timedelta

from django.utils import timezone

from it_support.models.inventory import Equipment, System
from it_support.models.tickets import Category, Ticket, TicketMessage, priority_of

MONTHS = 6
PER_WEEK = 10
MARKER = "[demo]"
SYSTEMS = [
    ("Casa POS", System.Kind.CASH_REGISTER),
    ("Store database", System.Kind.DATABASE),
    ("Supplier orders", System.Kind.ORDERING),
]
PROBLEMS = [
    ("Register freezes at card payment", Category.CASH_REGISTER, "register", 1),
    ("Receipt printer prints blank", Category.HARDWARE, "register", 2),
    ("Price lookup takes 20 seconds", Category.DATABASE, None, 2),
    ("Order for tomorrow not sent to supplier", Category.ORDERING, None, 1),
    ("Wi-Fi drops in the back office", Category.NETWORK, None, 2),
    ("New colleague needs a login", Category.ACCESS, None, 3),
    ("How do I export the daily report?", Category.OTHER, None, 3),
]


def _inventory():
    systems = {}
    for name, kind in SYSTEMS:
        systems[kind], _ = System.objects.get_or_create(name=name, defaults={"kind": kind})
    registers = []
    for store in (1, 2, 3):
        for till in (1, 2):
            register, _ = Equipment.objects.get_or_create(
                tag=f"REG-{store}{till:02d}",
                defaults={
                    "name": f"Register {till}",
                    "kind": Equipment.Kind.REGISTER,
                    "location": f"Store {store}, till {till}",
                    "system": systems[System.Kind.CASH_REGISTER],
                },
            )
            registers.append(register)
    return systems, registers


def _ticket(rng, when, requester, it, systems, registers) -> Ticket:
    subject, category, needs, impact = rng.choice(PROBLEMS)
    urgency = rng.choice([1, 2, 2, 3])
    priority = priority_of(impact, urgency)
    register = rng.choice(registers) if needs == "register" else None
    system = register.system if register else systems.get(category)
    age = timezone.now() - when
    open_ = age < timedelta(days=4) and rng.random() < 0.7
    breached = rng.random() < 0.12
    resolved = None if open_ else when + timedelta(hours=rng.randint(1, 30))
    return Ticket(
        subject=f"{subject} {MARKER}",
        description="Reported at the counter.",
        requester=requester,
        category=category,
        impact=impact,
        urgency=urgency,
        priority=max(priority - 1, 1) if breached else priority,
        system=system,
        equipment=register,
        status=rng.choice([Ticket.Status.NEW, Ticket.Status.IN_PROGRESS])
        if open_
        else Ticket.Status.CLOSED,
        assignee=None if open_ and rng.random() < 0.5 else it,
        created_at=when,
        response_due_at=when + timedelta(hours=2 * priority),
        resolution_due_at=when + timedelta(hours=8 * priority),
        first_response_at=None if open_ else when + timedelta(minutes=rng.randint(5, 180)),
        response_breached=breached,
        resolution_breached=breached,
        resolved_at=resolved,
        resolved_by=None if open_ else it,
        closed_at=resolved and resolved + timedelta(days=1),
        rating=None if open_ else rng.choice([None, 3, 4, 5, 5]),
    )


def tickets_demo_create(*, users: dict) -> str | None:
    if Ticket.objects.filter(subject__endswith=MARKER).exists():
        return None
    rng = random.Random(17)
    systems, registers = _inventory()
    it = users["it"]
    requesters = [users[name] for name in ("employee", "clerk", "manager", "accountant", "hr")]
    start = timezone.now() - timedelta(days=30 * MONTHS)
    count = MONTHS * 4 * PER_WEEK
    step = (timezone.now() - start) / count
    tickets = Ticket.objects.bulk_create(
        [
            _ticket(rng, start + step * n, rng.choice(requesters), it, systems, registers)
            for n in range(count)
        ]
    )
    Ticket.history.bulk_history_create(tickets, default_user=it, default_change_reason="demo")
    TicketMessage.objects.bulk_create(
        [
            TicketMessage(
                ticket=t,
                author=it,
                body=body,
                internal=internal,
                created_at=t.first_response_at,
            )
            for t in tickets
            if t.first_response_at
            for body, internal in (
                ("Restarted the service; please try again.", False),
                ("Known issue with the vendor build.", True),
            )
        ]
    )
    return f"{len(tickets)} IT tickets"
