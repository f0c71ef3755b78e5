from django.core.management import call_command

from hr.models.employees import Employee
from hr.models.policies import PolicyAcknowledgement
from hr.models.training import Course, TrainingAssignment, TrainingSession
from hr.selectors import policies as policies_selectors
from hr.selectors import training as training_selectors


def counts():
    return (
        Course.objects.count(),
        TrainingSession.objects.count(),
        TrainingAssignment.objects.count(),
        PolicyAcknowledgement.objects.count(),
    )


def test_the_demo_company_has_training_and_policies_and_seeding_twice_adds_nothing(db):
    call_command("seed_demo", employees=25, verbosity=0)
    before = counts()
    assert before[0] >= 4 and before[1] >= 2
    assert Course.objects.filter(mandatory_for_all=True).exists()
    assert training_selectors.assignments_overdue().exists()
    assert training_selectors.assignments_expiring().exists()
    employee = Employee.objects.get(user__username="employee")
    mine = list(policies_selectors.policies_for(employee))
    assert len(mine) == 2
    assert any(p.acknowledged_at is None for p in mine)
    assert PolicyAcknowledgement.objects.exists()

    call_command("seed_demo", employees=25, verbosity=0)
    assert counts() == before
