"""Reads of the inventory for IT's pages, each a bounded number of queries."""

from django.db.models import Count, Q

from it_support.models.changes import ChangeRequest
from it_support.models.inventory import Equipment, System
from it_support.models.licences import Licence
from it_support.models.maintenance import MaintenancePlan

RECENT = 20


def systems():
    return (
        System.objects.select_related("owner")
        .annotate(equipment_count=Count("equipment"))
        .order_by("name")
    )


def equipment():
    return Equipment.objects.select_related("assigned_to", "system")


def licences():
    return (
        Licence.objects.select_related("system")
        .annotate(seats_used=Count("assignments"))
        .order_by("name")
    )


def item_changes(**subject):
    return (
        ChangeRequest.objects.filter(**subject)
        .select_related("system")
        .order_by("-created_at")[:RECENT]
    )


def item_maintenance(**subject):
    return (
        MaintenancePlan.objects.filter(**subject)
        .select_related("owner")
        .order_by("next_due_on")[:RECENT]
    )


def changes_of_equipment(item: Equipment):
    return (
        item_changes(equipment=item)
        if item.system_id is None
        else (
            ChangeRequest.objects.filter(
                Q(equipment=item) | Q(system_id=item.system_id, equipment=None)
            )
            .select_related("system")
            .order_by("-created_at")[:RECENT]
        )
    )
