"""Ship the two payroll rule sets: Romania 2026 and Simple (one flat tax).

The figures come from `accounting.payroll.shipped`, where the engine tests
check them by hand-computed payslips. Reversing removes both sets.
"""

from decimal import Decimal

from django.db import migrations

from accounting.payroll.shipped import RULE_SETS, RULES_FROM


def ship(apps, schema_editor):
    RuleSet = apps.get_model("accounting", "PayrollRuleSet")
    Parameter = apps.get_model("accounting", "PayrollParameter")
    Table = apps.get_model("accounting", "PayrollBracketTable")
    Row = apps.get_model("accounting", "PayrollBracketRow")
    Rule = apps.get_model("accounting", "PayrollRule")
    for data in RULE_SETS:
        rule_set, created = RuleSet.objects.get_or_create(
            code=data["code"], defaults={"name": data["name"]}
        )
        if not created:
            continue
        Parameter.objects.bulk_create(
            Parameter(
                rule_set=rule_set,
                code=code,
                name=name,
                value=Decimal(value),
                effective_from=start,
                effective_to=end,
                legal_source=source,
            )
            for code, name, value, (start, end), source in data["parameters"]
        )
        tables = {}
        for code, name, key_input, source, rows in data["brackets"]:
            table = Table.objects.create(
                rule_set=rule_set, code=code, name=name, key_input=key_input, legal_source=source
            )
            tables[code] = table
            Row.objects.bulk_create(
                Row(table=table, key=key, lower=lower, upper=upper, value=value)
                for key, lower, upper, value in rows
            )
        for fields in data["rules"]:
            fields = dict(fields)
            if "bracket" in fields:
                fields["bracket_table"] = tables[fields.pop("bracket")]
            Rule.objects.create(rule_set=rule_set, effective_from=RULES_FROM, **fields)


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
