from django.core.management import call_command

from hr.models.complaints import Complaint
from hr.models.discipline import DismissalCase, Warning


def discipline_counts():
    return (
        Complaint.objects.count(),
        Warning.objects.count(),
        DismissalCase.objects.count(),
        Complaint.history.count(),
    )


def test_the_demo_company_has_complaints_warnings_and_a_dismissal_awaiting_the_manager(db):
    call_command("seed_demo", employees=20, verbosity=0)
    statuses = set(Complaint.objects.values_list("status", flat=True))
    assert {"received", "investigating", "resolved"} <= statuses
    assert Complaint.objects.filter(anonymous=True).count() == 1
    assert Warning.objects.active().count() < Warning.objects.count()  # one has expired
    case = DismissalCase.objects.get()
    assert case.status == "awaiting"
    assert case.hr_agreed_by.username == "hr"
    assert case.manager_agreed_by is None
    assert case.manager.user.username == "manager"


def test_seeding_the_discipline_twice_changes_nothing(db):
    call_command("seed_demo", employees=20, verbosity=0)
    before = discipline_counts()
    call_command("seed_demo", employees=20, verbosity=0)
    assert discipline_counts() == before
