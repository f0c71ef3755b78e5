"""Clerical's part of `seed_demo`: a day of calls with transfers and messages, office requests."""

from backoffice.registry import Demo, demo_step
from clerical.demo import phones


@demo_step("clerical.phones", after=["hr.people"])
def _phones(demo: Demo) -> str | None:
    return phones.seed_phones(users=demo.users)
