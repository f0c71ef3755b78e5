"""Fill an empty database with a coherent demo company.

Safe to run again: everything is looked up before it is created, so a second
run changes nothing (and a run with a larger --employees only adds the
missing people).
"""

import os
import random
from datetime import date, timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from simple_history.utils import bulk_create_with_history

from accounting import demo_ledger
from accounting.chart import chart_of_accounts_install
from accounting.demo_pay import pay_demo_create
from accounting.demo_payables import payables_demo_create
from accounting.demo_payroll_runs import payroll_runs_demo_create
from accounting.demo_purchasing import purchasing_demo_install
from accounting.services.payroll_rules import payroll_rule_sets_install
from backoffice import roles
from hr.demo_discipline import seed_discipline
from hr.demo_hiring import seed_hiring
from hr.demo_records import seed_records
from hr.demo_training import seed_training_demo
from hr.models.employees import Department, Employee, Position

User = get_user_model()

DEPARTMENTS = {
    "MGT": ("Management", ["General Manager", "Operations Manager"]),
    "HR": ("Human Resources", ["HR Manager", "HR Specialist", "Recruiter"]),
    "ACC": ("Accounting", ["Chief Accountant", "Accountant", "Payroll Controller"]),
    "IT": ("IT", ["IT Manager", "Systems Administrator", "Support Technician"]),
    "ADM": ("Administration", ["Office Manager", "Clerk", "Receptionist"]),
    "SAL": ("Sales", ["Store Manager", "Cashier", "Sales Assistant"]),
    "WHS": ("Warehouse", ["Warehouse Manager", "Storekeeper", "Forklift Driver"]),
}

# username: (first, last, role group, department code, position, is superuser)
DEMO_USERS = {
    "admin": ("Ana", "Ionescu", roles.ADMINISTRATOR, "MGT", "General Manager", True),
    "manager": ("Mihai", "Popescu", roles.MANAGER, "SAL", "Store Manager", False),
    "hr": ("Elena", "Dumitru", roles.HR, "HR", "HR Manager", False),
    "accountant": ("Andrei", "Stan", roles.ACCOUNTANT, "ACC", "Accountant", False),
    "controller": ("Ioana", "Marin", roles.PAYROLL_APPROVER, "ACC", "Payroll Controller", False),
    "it": ("Radu", "Georgescu", roles.IT, "IT", "Systems Administrator", False),
    "clerk": ("Maria", "Tudor", roles.CLERK, "ADM", "Clerk", False),
    "employee": ("Vlad", "Constantin", roles.EMPLOYEE, "SAL", "Cashier", False),
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


class Command(BaseCommand):
    help = "Fill an empty database with a demo company and one user per role."

    def add_arguments(self, parser):
        parser.add_argument(
            "--employees",
            type=int,
            default=60,
            help="How many employees besides the demo users (default 60).",
        )

    def handle(self, *args, employees: int, **options):
        if employees < 0:
            raise CommandError("--employees cannot be negative.")
        password = make_password(os.environ.get("DEMO_PASSWORD", "demo1234"))
        with transaction.atomic():
            departments, positions = self._organisation()
            demo = self._demo_users(password, departments, positions)
            created = self._staff(employees, departments, positions, manager=demo["manager"])
            seed_records(by=demo["admin"].user)
            seed_discipline()
            seed_training_demo()
            seed_hiring()
            chart_of_accounts_install()
            demo_ledger.seed(by=demo["accountant"].user)
            purchasing_demo_install()
            payables_demo_create()
            payroll_rule_sets_install()
            pay_demo_create()
            payroll_runs_demo_create(by=demo["accountant"].user)
            # Last: a real ledger has its old months closed.
            demo_ledger.close_old_periods(by=demo["accountant"].user)
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo company ready: {Employee.objects.count()} employees "
                f"({created} added), users {', '.join(DEMO_USERS)}."
            )
        )

    def _organisation(self):
        departments, positions = {}, {}
        for code, (name, titles) in DEPARTMENTS.items():
            department, _ = Department.objects.get_or_create(code=code, defaults={"name": name})
            departments[code] = department
            for title in titles:
                positions[title], _ = Position.objects.get_or_create(
                    department=department, title=title
                )
        return departments, positions

    def _demo_users(self, password, departments, positions):
        employee_group = Group.objects.get(name=roles.EMPLOYEE)
        people = {}
        for number, (username, spec) in enumerate(DEMO_USERS.items(), start=1):
            first, last, role, code, title, superuser = spec
            user, created = User.objects.get_or_create(
                username=username,
                defaults={
                    "first_name": first,
                    "last_name": last,
                    "password": password,
                    "email": f"{username}@example.com",
                    "is_staff": superuser,
                    "is_superuser": superuser,
                },
            )
            if created:
                user.groups.add(employee_group, Group.objects.get(name=role))
            employee = Employee.objects.filter(user=user).first()
            if employee is None:
                employee = Employee(
                    user=user,
                    employee_number=f"D{number:04d}",
                    first_name=first,
                    last_name=last,
                    work_email=user.email,
                    work_phone=f"+40 21 300 {number:04d}",
                    department=departments[code],
                    position=positions[title],
                    hire_date=date(2019, 3, 1) + timedelta(days=97 * number),
                )
                employee.save()
            people[username] = employee
        # The demo employee reports to the demo manager; the rest to the boss.
        boss = people["admin"]
        for username, employee in people.items():
            wanted = None if username == "admin" else boss
            if username == "employee":
                wanted = people["manager"]
            if employee.manager_id != (wanted.pk if wanted else None):
                employee.manager = wanted
                employee.save(update_fields=["manager"])
        return people

    def _staff(self, count, departments, positions, *, manager):
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
