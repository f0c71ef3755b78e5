from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.db import IntegrityError, connection, transaction
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from hr.models.employees import Employee
from hr.models.training import Course, TrainingAssignment, TrainingSession
from hr.selectors import training as training_selectors
from hr.services import employees as employees_services
from hr.services import training as training_services
from hr.services import training_results as training_results_services
from hr.services.training import TrainingError
from tests.factories import DepartmentFactory, EmployeeFactory, PositionFactory
from tests.hr.factories import CourseFactory, TrainingAssignmentFactory, TrainingSessionFactory

Status = TrainingAssignment.Status


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"duration_hours": Decimal("-1")}, "more than zero"),
        ({"duration_hours": Decimal("0")}, "more than zero"),
        ({"validity_months": 0}, "at least one month"),
    ],
)
def test_a_course_with_bad_numbers_is_refused_and_nothing_is_created(hr_user, changes, message):
    fields = {"title": "Forklift", "duration_hours": Decimal("4")} | changes
    with pytest.raises(TrainingError, match=message):
        training_services.course_create(by=hr_user, **fields)
    assert not Course.objects.exists()


def test_the_database_refuses_a_negative_duration_whatever_writes_it(db):
    with pytest.raises(IntegrityError), transaction.atomic():
        Course.objects.create(title="Bad", duration_hours=Decimal("-2"))


def test_a_session_that_ends_before_it_starts_is_refused(hr_user):
    course = CourseFactory()
    start = timezone.now() + timedelta(days=3)
    with pytest.raises(TrainingError, match="end after it starts"):
        training_services.training_session_create(
            by=hr_user,
            course=course,
            starts_at=start,
            ends_at=start - timedelta(hours=1),
            location="Room",
            capacity=5,
            trainer_name="Someone",
        )
    assert not TrainingSession.objects.exists()


def test_one_open_assignment_per_employee_and_course_is_a_database_rule(db):
    assignment = TrainingAssignmentFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        TrainingAssignment.objects.create(employee=assignment.employee, course=assignment.course)
    # Once completed, the course can be assigned again.
    assignment.status = Status.COMPLETED
    assignment.completed_on = timezone.localdate()
    assignment.save()
    TrainingAssignment.objects.create(employee=assignment.employee, course=assignment.course)


def test_bulk_assignment_skips_those_with_an_open_assignment_in_one_insert(hr_user):
    position = PositionFactory()
    people = EmployeeFactory.create_batch(30, position=position)
    EmployeeFactory(position=position, status=Employee.Status.TERMINATED)
    course = CourseFactory()
    TrainingAssignmentFactory(employee=people[0], course=course)

    with CaptureQueriesContext(connection) as queries:
        count = training_services.training_assign(
            by=hr_user,
            course=course,
            employees=training_services.employees_for_target(target="position", position=position),
        )

    assert count == 29
    assert TrainingAssignment.objects.filter(course=course).count() == 30
    assert len(queries) < 12  # not one query per person
    # Running it again assigns nobody.
    again = training_services.employees_for_target(target="position", position=position)
    assert training_services.training_assign(by=hr_user, course=course, employees=again) == 0
    made = TrainingAssignment.objects.filter(course=course, employee=people[5]).get()
    assert made.assigned_by == hr_user
    assert made.history.first().history_user == hr_user


def test_assigning_to_a_department_or_everyone(hr_user):
    department = DepartmentFactory()
    inside = EmployeeFactory(position=PositionFactory(department=department))
    outside = EmployeeFactory()
    course = CourseFactory()
    employees = training_services.employees_for_target(target="department", department=department)
    assert training_services.training_assign(by=hr_user, course=course, employees=employees) == 1
    assert TrainingAssignment.objects.filter(employee=inside).exists()
    everyone = training_services.employees_for_target(target="everyone")
    training_services.training_assign(by=hr_user, course=course, employees=everyone)
    assert TrainingAssignment.objects.filter(employee=outside).exists()


def test_a_full_session_refuses_more_people_and_assigns_nobody(hr_user):
    session = TrainingSessionFactory(capacity=2)
    people = EmployeeFactory.create_batch(3)
    employees = Employee.objects.filter(pk__in=[p.pk for p in people])
    with pytest.raises(TrainingError, match="2 free places"):
        training_services.training_assign(
            by=hr_user, course=session.course, employees=employees, session=session
        )
    assert not TrainingAssignment.objects.exists()


def test_expires_on_is_completion_plus_validity_computed_in_sql(db):
    short = CourseFactory(validity_months=1)
    forever = CourseFactory(validity_months=None)
    a = TrainingAssignmentFactory(
        course=short, status=Status.COMPLETED, completed_on=date(2024, 1, 31)
    )
    b = TrainingAssignmentFactory(
        course=forever, status=Status.COMPLETED, completed_on=date(2024, 1, 31)
    )
    rows = {row.pk: row.expires_on for row in training_selectors.assignments()}
    assert rows[a.pk] == date(2024, 2, 29)  # the end of a shorter month
    assert rows[b.pk] is None


def test_expiring_lists_only_current_certificates_within_30_days(db):
    today = timezone.localdate()
    course = CourseFactory(validity_months=12)
    soon = TrainingAssignmentFactory(
        course=course, status=Status.COMPLETED, completed_on=today - timedelta(days=350)
    )
    renewed_person = TrainingAssignmentFactory(
        course=course, status=Status.COMPLETED, completed_on=today - timedelta(days=355)
    )
    TrainingAssignmentFactory(
        employee=renewed_person.employee,
        course=course,
        status=Status.COMPLETED,
        completed_on=today - timedelta(days=5),
    )
    TrainingAssignmentFactory(
        course=course, status=Status.COMPLETED, completed_on=today - timedelta(days=100)
    )
    assert list(training_selectors.assignments_expiring()) == [soon]


def test_a_new_hire_gets_the_mandatory_courses_through_the_real_hire_service(hr_user):
    position = PositionFactory(title="Forklift Driver")
    everyone = CourseFactory(title="Code of conduct", mandatory_for_all=True)
    forklift = CourseFactory(title="Forklift licence")
    forklift.mandatory_positions.add(position)
    other = CourseFactory(title="Cashier training")
    other.mandatory_positions.add(PositionFactory())
    CourseFactory(title="Retired", mandatory_for_all=True, is_active=False)

    employee = employees_services.employee_hire(
        by=hr_user,
        employee_number="N0001",
        first_name="Nou",
        last_name="Angajat",
        department=position.department,
        position=position,
        hire_date=timezone.localdate(),
    )

    assigned = TrainingAssignment.objects.filter(employee=employee)
    assert {a.course for a in assigned} == {everyone, forklift}
    assert all(a.status == Status.ASSIGNED and a.due_date for a in assigned)
    assert all(a.assigned_by == hr_user for a in assigned)


def test_a_failing_hire_leaves_no_training_behind(hr_user):
    position = PositionFactory()
    CourseFactory(mandatory_for_all=True)
    EmployeeFactory(employee_number="N0002")
    with pytest.raises(employees_services.EmployeeError):
        employees_services.employee_hire(
            by=hr_user,
            employee_number="N0002",
            first_name="A",
            last_name="B",
            department=position.department,
            position=position,
            hire_date=timezone.localdate(),
        )
    assert not TrainingAssignment.objects.exists()


def test_recording_a_session_completes_and_fails_attendees_in_one_go(hr_user):
    start = timezone.now() - timedelta(days=1)
    session = TrainingSessionFactory(starts_at=start, ends_at=start + timedelta(hours=3))
    passed, failed, absent = (
        TrainingAssignmentFactory(course=session.course, session=session) for _ in range(3)
    )
    count = training_results_services.training_session_record(
        by=hr_user,
        session=session,
        results=[
            {"assignment_id": passed.pk, "outcome": "pass", "score": Decimal("92.5"), "notes": ""},
            {"assignment_id": failed.pk, "outcome": "fail", "score": Decimal("40"), "notes": "x"},
            {"assignment_id": absent.pk, "outcome": "absent", "score": None, "notes": "ill"},
        ],
    )
    assert count == 3
    for a in (passed, failed, absent):
        a.refresh_from_db()
    assert (passed.status, passed.result, passed.score) == (
        Status.COMPLETED,
        "pass",
        Decimal("92.5"),
    )
    assert passed.completed_on == timezone.localtime(session.ends_at).date()
    assert failed.status == Status.FAILED
    assert absent.status == Status.ASSIGNED
    assert absent.session is None and absent.notes == "ill"
    assert passed.history.first().history_user == hr_user


def test_a_score_out_of_range_refuses_the_whole_form(hr_user):
    start = timezone.now() - timedelta(days=1)
    session = TrainingSessionFactory(starts_at=start, ends_at=start + timedelta(hours=3))
    first, second = (
        TrainingAssignmentFactory(course=session.course, session=session) for _ in range(2)
    )
    with pytest.raises(TrainingError):
        training_results_services.training_session_record(
            by=hr_user,
            session=session,
            results=[
                {"assignment_id": first.pk, "outcome": "pass", "score": None, "notes": ""},
                {"assignment_id": second.pk, "outcome": "pass", "score": Decimal("140")},
            ],
        )
    first.refresh_from_db()
    assert first.status == Status.ASSIGNED


def test_a_move_to_a_position_with_mandatory_courses_assigns_them(hr_user):
    employee = EmployeeFactory()
    driver = PositionFactory(title="Driver", department=employee.department)
    forklift = CourseFactory(title="Forklift licence")
    forklift.mandatory_positions.add(driver)
    employees_services.employee_change(
        by=hr_user, employee=employee, position=driver, reason="Promoted"
    )
    assert TrainingAssignment.objects.filter(employee=employee, course=forklift).exists()
    # A change that is not of position assigns nothing more.
    employees_services.employee_change(
        by=hr_user, employee=employee, work_phone="+40 21 111 111", reason="x"
    )
    assert TrainingAssignment.objects.filter(employee=employee).count() == 1


def test_hr_edits_a_course_and_bad_numbers_change_nothing(hr_user):
    course = CourseFactory(validity_months=12)
    training_services.course_update(by=hr_user, course=course, validity_months=24)
    course.refresh_from_db()
    assert course.validity_months == 24
    with pytest.raises(TrainingError):
        training_services.course_update(by=hr_user, course=course, validity_months=0)
    course.refresh_from_db()
    assert course.validity_months == 24
