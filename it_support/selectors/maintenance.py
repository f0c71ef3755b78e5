from django.utils import timezone

from it_support.models.maintenance import MaintenancePlan


def plans(*, overdue_only: bool = False):
    rows = MaintenancePlan.objects.select_related("system", "equipment", "owner")
    if overdue_only:
        rows = rows.filter(active=True, next_due_on__lt=timezone.localdate())
    return rows.order_by("-active", "next_due_on", "title")
