"""HR's part of `seed_demo`: the people first, then their records and HR's work."""

from backoffice.registry import Demo, demo_step
from hr.demo import discipline, hiring, leave, people, records, training


@demo_step("hr.people")
def _people(demo: Demo) -> str:
    return people.people_install(users=demo.users, employees=demo.employees)


@demo_step("hr.records", after=["hr.people"])
def _records(demo: Demo) -> None:
    records.seed_records(by=demo.users["admin"])


@demo_step("hr.discipline", after=["hr.people"])
def _discipline(demo: Demo) -> None:
    discipline.seed_discipline()


@demo_step("hr.training", after=["hr.people"])
def _training(demo: Demo) -> None:
    training.seed_training_demo()


@demo_step("hr.hiring", after=["hr.people"])
def _hiring(demo: Demo) -> None:
    hiring.seed_hiring()


@demo_step("hr.leave", after=["hr.people"])
def _leave(demo: Demo) -> str:
    return leave.seed_leave(users=demo.users)
