"""Ship the two payroll rule sets: Romania 2026 and Simple (one flat tax).

The figures come from `accounting.payroll.shipped`, where the engine tests
check them by hand-computed payslips. Reversing removes both sets.
"""

from django.db import migrations

from accounting.payroll.shipped import RULE_SETS
from accounting.services.payroll_rules import payroll_rule_sets_install


def ship(apps, schema_editor):
    payroll_rule_sets_install(apps=apps)


def unship(apps, schema_editor):
    RuleSet = apps.get_model("accounting", "PayrollRuleSet")
    codes = [data["code"] for data in RULE_SETS]
    for model in ("PayrollRule", "PayrollParameter"):
        apps.get_model("accounting", model).objects.filter(rule_set__code__in=codes).delete()
    apps.get_model("accounting", "PayrollBracketTable").objects.filter(
        rule_set__code__in=codes
    ).delete()
    RuleSet.objects.filter(code__in=codes).delete()


class Migration(migrations.Migration):
    dependencies = [("accounting", "0012_payroll_rules")]

    operations = [migrations.RunPython(ship, unship)]
