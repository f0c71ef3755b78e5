"""Clerical's part of `seed_demo`."""

from backoffice.registry import Demo, demo_step
from clerical.demo import documents


@demo_step("clerical.documents", after=["hr.people"])
def _documents(demo: Demo) -> str | None:
    return documents.documents_demo_create(users=demo.users)
