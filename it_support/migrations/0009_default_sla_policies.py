from decimal import Decimal

from django.db import migrations

# priority: (first response, resolution) in business hours
DEFAULTS = {1: ("1", "4"), 2: ("2", "8"), 3: ("4", "24"), 4: ("8", "40")}


def create_defaults(apps, schema_editor):
    SlaPolicy = apps.get_model("it_support", "SlaPolicy")
    for priority, (response, resolution) in DEFAULTS.items():
        SlaPolicy.objects.get_or_create(
            priority=priority,
            defaults={"response_hours": Decimal(response), "resolution_hours": Decimal(resolution)},
        )


def remove_defaults(apps, schema_editor):
    apps.get_model("it_support", "SlaPolicy").objects.filter(priority__in=DEFAULTS).delete()


class Migration(migrations.Migration):
    dependencies = [("it_support", "0008_sla_policies")]

    operations = [migrations.RunPython(create_defaults, remove_defaults)]
