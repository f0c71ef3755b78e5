"""Fill an empty database with a coherent demo company.

The core makes one user per role; every app adds its part through the demo
steps it registers in `<app>/demo` (see `backoffice/registry.py`), run in the
order their dependencies give. Safe to run again: everything is looked up
before it is created, so a second run changes nothing (and a run with a larger
--employees only adds the missing people).
"""

import os

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from backoffice import roles
from backoffice.registry import Demo, demo_autodiscover, demo_steps

User = get_user_model()

# username: (first, last, role group, is superuser)
DEMO_USERS = {
    "admin": ("Ana", "Ionescu", roles.ADMINISTRATOR, True),
    "manager": ("Mihai", "Popescu", roles.MANAGER, False),
    "hr": ("Elena", "Dumitru", roles.HR, False),
    "accountant": ("Andrei", "Stan", roles.ACCOUNTANT, False),
    "controller": ("Ioana", "Marin", roles.PAYROLL_APPROVER, False),
    "it": ("Radu", "Georgescu", roles.IT, False),
    "clerk": ("Maria", "Tudor", roles.CLERK, False),
    "employee": ("Vlad", "Constantin", roles.EMPLOYEE, False),
}


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
        demo_autodiscover()
        password = make_password(os.environ.get("DEMO_PASSWORD", "demo1234"))
        summary = []
        with transaction.atomic():
            demo = Demo(employees=employees, users=self._role_users(password))
            for step in demo_steps():
                line = step.run(demo)
                if line:
                    summary.append(line)
        summary.append(f"users {', '.join(DEMO_USERS)}")
        self.stdout.write(self.style.SUCCESS(f"Demo company ready: {', '.join(summary)}."))

    def _role_users(self, password) -> dict:
        employee_group = Group.objects.get(name=roles.EMPLOYEE)
        users = {}
        for username, (first, last, role, superuser) in DEMO_USERS.items():
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
            users[username] = user
        return users
