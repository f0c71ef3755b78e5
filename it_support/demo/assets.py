"""The demo company's IT: systems, registers and PCs at the shops, licences, maintenance
(one plan overdue), a change request in progress and solution articles.

Idempotent: each record is looked up by its natural key before it is made; the
change request and its steps are made only when the demo has none.
"""

from datetime import timedelta
from decimal import Decimal

from django.contrib.auth.models import Group
from django.utils import timezone

from backoffice import roles
from hr.selectors.employees import employee_for_user
from it_support.models.changes import ChangeRequest
from it_support.models.inventory import Criticality, Equipment, System
from it_support.models.knowledge import Article, ArticleCategory
from it_support.models.licences import Licence, LicenceAssignment
from it_support.models.maintenance import Frequency, MaintenancePlan
from it_support.services import changes as changes_services

SHOPS = ["Magazin Unirii", "Magazin Obor", "Magazin Militari"]
ARTICLES = [
    (
        "Imprimanta de bonuri nu printează",
        ArticleCategory.HARDWARE,
        "Verificați rola de hârtie și capacul. Opriți imprimanta 10 secunde, apoi porniți-o.",
    ),
    (
        "Casa de marcat afișează «eroare fiscală»",
        ArticleCategory.CASH_REGISTER,
        "Închideți ziua (raport Z) și reporniți programul de casă. Dacă persistă, sunați IT.",
    ),
    (
        "Receipt printer prints blank receipts",
        ArticleCategory.HARDWARE,
        "The thermal roll is in upside down: turn it so the shiny side faces the print head.",
    ),
    (
        "Parola expirată: cum o schimbați",
        ArticleCategory.ACCESS,
        "Deschideți pagina «Schimbă parola» din meniul contului și alegeți o parolă nouă.",
    ),
    (
        "Ordering system is slow in the morning",
        ArticleCategory.ORDERING,
        "Nightly stock sync may still run until 7:30; orders placed then are kept and sent.",
    ),
    (
        "Conexiunea la rețea a căzut în magazin",
        ArticleCategory.NETWORK,
        "Reporniți routerul din camera tehnică; casele lucrează offline până revine rețeaua.",
    ),
    (
        "Database backup failed alert",
        ArticleCategory.DATABASE,
        "Check free disk space on the backup volume, then run the backup job again by hand.",
    ),
    (
        "Scanerul de coduri de bare nu citește",
        ArticleCategory.HARDWARE,
        "Curățați geamul scanerului și verificați cablul USB; reporniți casa dacă e nevoie.",
    ),
]


def assets_install(*, users: dict) -> str:
    it_user, today = users["it"], timezone.localdate()
    it_user.groups.add(Group.objects.get_or_create(name=roles.IT_LEAD)[0])
    owner = employee_for_user(users["manager"])
    systems = _systems(owner, employee_for_user(users["admin"]))
    _equipment(systems)
    _licences(systems, today)
    _maintenance(systems, it_user, today)
    _articles(systems, it_user)
    if owner is not None and not ChangeRequest.objects.exists():
        _change_in_progress(systems["register"], it_user, users["manager"])
    return f"{Equipment.objects.count()} IT items, {Article.objects.count()} articles"


def _systems(owner, boss) -> dict[str, System]:
    rows = {
        "register": ("Program de casă", System.Kind.CASH_REGISTER, owner, Criticality.CRITICAL),
        "ordering": ("Sistem de comenzi", System.Kind.ORDERING, owner, Criticality.HIGH),
        "database": ("Baza de date (PostgreSQL)", System.Kind.DATABASE, boss, Criticality.CRITICAL),
    }
    return {
        key: System.objects.get_or_create(
            name=name,
            defaults={
                "kind": kind,
                "owner": who,
                "criticality": level,
                "vendor": "Demo SRL",
                "version": "4.2",
                "runs_on": "server central",
            },
        )[0]
        for key, (name, kind, who, level) in rows.items()
    }


def _equipment(systems) -> None:
    for number, shop in enumerate(SHOPS, start=1):
        for till in (1, 2):
            Equipment.objects.get_or_create(
                tag=f"CASA-{number}{till}",
                defaults={
                    "name": f"Casa {till} {shop}",
                    "kind": Equipment.Kind.REGISTER,
                    "system": systems["register"],
                    "location": shop,
                    "serial": f"FX{number}{till}0042",
                },
            )
        Equipment.objects.get_or_create(
            tag=f"PC-{number}",
            defaults={"name": f"PC gestiune {shop}", "kind": Equipment.Kind.PC, "location": shop},
        )
        Equipment.objects.get_or_create(
            tag=f"PRN-{number}",
            defaults={
                "name": f"Imprimantă {shop}",
                "kind": Equipment.Kind.PRINTER,
                "location": shop,
            },
        )


def _licences(systems, today) -> None:
    register, _ = Licence.objects.get_or_create(
        name="Program de casă, licență pe casă",
        defaults={
            "system": systems["register"],
            "seats_total": 8,
            "expires_on": today + timedelta(days=200),
        },
    )
    Licence.objects.get_or_create(
        name="Antivirus",
        defaults={
            "product": "Antivirus business",
            "seats_total": 20,
            "expires_on": today + timedelta(days=45),
        },
    )
    for till in Equipment.objects.filter(kind=Equipment.Kind.REGISTER)[:6]:
        LicenceAssignment.objects.get_or_create(licence=register, equipment=till)


def _maintenance(systems, it_user, today) -> None:
    MaintenancePlan.objects.get_or_create(
        title="Backup zilnic al bazei de date",
        defaults={
            "system": systems["database"],
            "frequency": Frequency.DAILY,
            "owner": it_user,
            "next_due_on": today,
            "last_done_on": today - timedelta(days=1),
        },
    )
    MaintenancePlan.objects.get_or_create(
        title="Actualizare lunară a programului de casă",
        defaults={
            "system": systems["register"],
            "frequency": Frequency.MONTHLY,
            "owner": it_user,
            "next_due_on": today - timedelta(days=5),
            "last_done_on": today - timedelta(days=36),
        },
    )


def _articles(systems, it_user) -> None:
    for title, category, body in ARTICLES:
        Article.objects.get_or_create(
            title=title,
            defaults={"category": category, "body": body, "published": True, "author": it_user},
        )


def _change_in_progress(register, it_user, owner_user) -> None:
    change = changes_services.change_create(
        by=it_user,
        title="Plata cu cardul direct din programul de casă",
        system=register,
        description="Legăm terminalul de plată de programul de casă: suma nu se mai tastează.",
        reason="Casierii tastează suma de două ori; cozile cresc la prânz.",
        metric="timp mediu la casă (secunde)",
        baseline=Decimal("95.00"),
        target=Decimal("66.00"),
        risk=ChangeRequest.Risk.MEDIUM,
        rollback_plan="Revenim la versiunea anterioară a programului (pachetul păstrat).",
    )
    changes_services.change_submit(by=it_user, change=change)
    changes_services.change_approve_as_it_lead(by=it_user, change=change)
    changes_services.change_approve_as_owner(by=owner_user, change=change)
    changes_services.change_schedule(
        by=it_user, change=change, when=timezone.now() + timedelta(days=3)
    )
