"""Clerical's part of `seed_demo`: filed documents, a day of calls with transfers and messages."""

from backoffice.registry import Demo, demo_step
from clerical.demo import documents, phones


@demo_step("clerical.documents", after=["hr.people"])
def _documents(demo: Demo) -> str | None:
    return documents.documents_demo_create(users=demo.users)


@demo_step("clerical.phones", after=["hr.people"])
def _phones(demo: Demo) -> str | None:
    return phones.seed_phones(users=demo.users)
