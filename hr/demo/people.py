"""The demo company's organisation and people: departments, positions, an
employee record for each role user, and generated staff.

The first HR step of `seed_demo`; everything is looked up before it is made, so
a second run changes nothing and a larger `--employees` only adds the missing
people.
"""

import random
from datetime import date, timedelta

from simple_history.utils import bulk_create_with_history

from hr.models.employees import Department, Employee, Position

DEPARTMENTS = {
    "MGT": ("Management", ["General Manager", "Operations Manager"]),
    "HR": ("Human Resources", ["HR Manager", "HR Specialist", "Recruiter"]),
    "ACC": ("Accounting", ["Chief Accountant", "Accountant", "Payroll Controller"]),
    "IT": ("IT", ["IT Manager", "Systems Administrator", "Support Technician"]),
    "ADM": ("Administration", ["Office Manager", "Clerk", "Receptionist"]),
    "SAL": ("Sales", ["Store Manager", "Cashier", "Sales Assistant"]),
    "WHS": ("Warehouse", ["Warehouse Manager", "Storekeeper", "Forklift Driver"]),
}

# Where each role user works: username -> (department code, position). The
# order numbers their records D0001, D0002...
DEMO_JOBS = {
    "admin": ("MGT", "General Manager"),
    "manager": ("SAL", "Store Manager"),
    "hr": ("HR", "HR Manager"),
    "accountant": ("ACC", "Accountant"),
    "controller": ("ACC", "Payroll Controller"),
    "it": ("IT", "Systems Administrator"),
    "clerk": ("ADM", "Clerk"),
    "employee": ("SAL", "Cashier"),
}

FIRST_NAMES = [
    "Alexandru",
    "Andreea",
    "Bogdan",
    "Carmen",
    "Cristian",
    "Daniela",
    "Florin",
    "Gabriela",
    "George",
    "Irina",
    "Ion",
    "Laura",
    "Liviu",
    "Mădălina",
    "Marius",
    "Monica",
    "Nicolae",
    "Oana",
    "Paul",
    "Raluca",
    "Sorin",
    "Simona",
    "Ștefan",
    "Teodora",
    "Valentin",
    "Violeta",
]
LAST_NAMES = [
    "Avram",
    "Barbu",
    "Ciobanu",
    "Diaconu",
    "Enache",
    "Florea",
    "Gheorghe",
    "Iordache",
    "Lazăr",
    "Matei",
    "Moldovan",
    "Neagu",
    "Nistor",
    "Oprea",
    "Păun",
    "Radu",
    "Rusu",
    "Sandu",
    "Stoica",
    "Toma",
    "Ungureanu",
    "Vasile",
    "Voicu",
    "Zamfir",
]
TEAM_SIZE = 8


def people_install(*, users: dict, employees: int) -> str:
    """The organisation, the role users' records and `employees` generated staff."""
    departments, positions = _organisation()
    demo = _demo_employees(users, departments, positions)
    created = _staff(employees, departments, positions, manager=demo["manager"])
    return f"{Employee.objects.count()} employees ({created} added)"


def _organisation():
    departments, positions = {}, {}
    for code, (name, titles) in DEPARTMENTS.items():
        department, _ = Department.objects.get_or_create(code=code, defaults={"name": name})
        departments[code] = department
        for title in titles:
            positions[title], _ = Position.objects.get_or_create(department=department, title=title)
    return departments, positions


def _demo_employees(users, departments, positions) -> dict[str, Employee]:
    people = {}
    for number, (username, (code, title)) in enumerate(DEMO_JOBS.items(), start=1):
        user = users[username]
        employee = Employee.objects.filter(user=user).first()
        if employee is None:
            employee = Employee(
                user=user,
                employee_number=f"D{number:04d}",
                first_name=user.first_name,
                last_name=user.last_name,
                work_email=user.email,
                work_phone=f"+40 21 300 {number:04d}",
                department=departments[code],
                position=positions[title],
                hire_date=date(2019, 3, 1) + timedelta(days=97 * number),
            )
            employee.save()
        people[username] = employee
    _report_lines(people)
    return people


def _report_lines(people: dict[str, Employee]) -> None:
    # The demo employee reports to the demo manager; the rest to the boss.
    boss = people["admin"]
    for username, employee in people.items():
        wanted = None if username == "admin" else boss
        if username == "employee":
            wanted = people["manager"]
        if employee.manager_id != (wanted.pk if wanted else None):
            employee.manager = wanted
            employee.save(update_fields=["manager"])


def _staff(count, departments, positions, *, manager) -> int:
    """Bulk-create the generated staff that do not exist yet."""
    rng = random.Random(20260101)
    numbers = [f"E{index:06d}" for index in range(1, count + 1)]
    existing = set(
        Employee.objects.filter(employee_number__in=numbers).values_list(
            "employee_number", flat=True
        )
    )
    codes = list(DEPARTMENTS)
    new = []
    for index, number in enumerate(numbers):
        # Draw for every index so a person's data never depends on who exists.
        first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
        code = codes[index % len(codes)]
        title = rng.choice(DEPARTMENTS[code][1][1:])
        hired = date(2015, 1, 1) + timedelta(days=rng.randrange(0, 3900))
        if number in existing:
            continue
        in_team = index < TEAM_SIZE
        new.append(
            Employee(
                employee_number=number,
                first_name=first,
                last_name=last,
                work_email=f"{number.lower()}@example.com",
                work_phone=f"+40 21 400 {index:04d}",
                department=departments["SAL"] if in_team else departments[code],
                position=positions["Cashier"] if in_team else positions[title],
                manager=manager if in_team else None,
                hire_date=hired,
            )
        )
    if new:
        bulk_create_with_history(new, Employee, batch_size=2000)
    return len(new)
