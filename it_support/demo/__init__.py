"""IT's part of `seed_demo`: the inventory, then months of help requests."""

from backoffice.registry import Demo, demo_step
from it_support.demo import assets, tickets


@demo_step("it_support.assets", after=["hr.people"])
def _assets(demo: Demo) -> str:
    return assets.assets_install(users=demo.users)


@demo_step("it_support.tickets", after=["it_support.assets"])
def _tickets(demo: Demo) -> str | None:
    return tickets.tickets_demo_create(users=demo.users)
