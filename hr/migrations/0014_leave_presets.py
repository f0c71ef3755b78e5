"""Ship the leave types and the two entitlement presets: Romania (in use) and Simple.

The figures and their legal sources are in `hr.leave_presets`. Reversing
removes the shipped sets and types (and fails if leave was booked on them).
"""

from django.db import migrations

from hr.leave_presets import LEAVE_TYPES, POLICY_SETS
from hr.services.leave_setup import leave_presets_install


def ship(apps, schema_editor):
    leave_presets_install(apps=apps)


def unship(apps, schema_editor):
    codes = [data["code"] for data in POLICY_SETS]
    apps.get_model("hr", "LeavePolicy").objects.filter(policy_set__code__in=codes).delete()
    apps.get_model("hr", "LeavePolicySet").objects.filter(code__in=codes).delete()
    apps.get_model("hr", "LeaveType").objects.filter(
        code__in=[data["code"] for data in LEAVE_TYPES]
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("hr", "0013_leave")]

    operations = [migrations.RunPython(ship, unship)]
