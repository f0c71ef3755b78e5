"""IT's part of `seed_demo`: months of help requests across systems and registers."""

from backoffice.registry import Demo, demo_step
from it_support.demo import tickets


@demo_step("it_support.tickets", after=["hr.people"])
def _tickets(demo: Demo) -> str | None:
    return tickets.tickets_demo_create(users=demo.users)
