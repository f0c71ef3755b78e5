"""Each offboarding item belongs to the department that does it: set the owner
from the task, so the check added next holds for rows edited by hand."""

from django.db import migrations

OWNER_OF_TASK = {
    "equipment": "it",
    "access": "it",
    "final_pay": "payroll",
    "exit_interview": "hr",
}


def fill_department_from_task(apps, schema_editor):
    OffboardingItem = apps.get_model("hr", "OffboardingItem")
    for task, department in OWNER_OF_TASK.items():
        OffboardingItem.objects.filter(task=task).exclude(department=department).update(
            department=department
        )


class Migration(migrations.Migration):
    dependencies = [("hr", "0008_default_onboarding_template")]

    operations = [
        # Backwards there is nothing to undo: the owners were already right or are now.
        migrations.RunPython(fill_department_from_task, migrations.RunPython.noop),
    ]
