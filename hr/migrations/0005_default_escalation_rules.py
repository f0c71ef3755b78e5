from django.db import migrations

RULES = [
    ("A new incident while a final warning is active", "final_active", 1, "dismissal"),
    ("Two active written warnings", "written_count", 2, "final_warning"),
]


def add_rules(apps, schema_editor):
    EscalationRule = apps.get_model("hr", "EscalationRule")
    for name, condition, threshold, proposes in RULES:
        EscalationRule.objects.get_or_create(
            name=name,
            defaults={"condition": condition, "threshold": threshold, "proposes": proposes},
        )


def remove_rules(apps, schema_editor):
    EscalationRule = apps.get_model("hr", "EscalationRule")
    EscalationRule.objects.filter(name__in=[rule[0] for rule in RULES]).delete()


class Migration(migrations.Migration):
    dependencies = [("hr", "0004_discipline")]

    operations = [migrations.RunPython(add_rules, remove_rules)]
