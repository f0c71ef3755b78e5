"""The default onboarding template, editable in admin afterwards."""

from django.db import migrations

NAME = "Standard onboarding"
# (title, responsible, days after the start date)
TASKS = [
    ("Sign the employment contract", "hr", -3),
    ("Create the IT account and hand over the equipment", "it", 0),
    ("Workplace tour and introductions", "manager", 0),
    ("Mandatory training (safety, data protection)", "hr", 7),
    ("First-week check-in with the manager", "manager", 5),
]


def create_template(apps, schema_editor):
    Template = apps.get_model("hr", "OnboardingTemplate")
    Task = apps.get_model("hr", "OnboardingTemplateTask")
    template, created = Template.objects.get_or_create(name=NAME, defaults={"is_default": True})
    if created:
        Task.objects.bulk_create(
            Task(template=template, title=title, responsible=who, due_days=days, order=order)
            for order, (title, who, days) in enumerate(TASKS, start=1)
        )


def remove_template(apps, schema_editor):
    apps.get_model("hr", "OnboardingTemplate").objects.filter(name=NAME).delete()


class Migration(migrations.Migration):
    dependencies = [("hr", "0007_hiring")]

    operations = [migrations.RunPython(create_template, remove_template)]
