"""Accounts that hold both sides are shown by the side of their balance.

Groups 44 and 46 hold asset accounts (4424, 4426 VAT to recover) beside
liabilities, and 473 (suspense) can be either: the balance sheet classifies
each account by its nature, these by the side of their balance.
"""

from django.db import migrations, models

BIFUNCTIONAL = ["44", "46", "473"]


def mark(apps, schema_editor):
    Account = apps.get_model("accounting", "Account")
    Account.objects.filter(code__in=BIFUNCTIONAL).update(is_bifunctional=True)


class Migration(migrations.Migration):
    dependencies = [("accounting", "0023_public_holiday_moves_to_core")]

    operations = [
        migrations.AddField(
            model_name="account",
            name="is_bifunctional",
            field=models.BooleanField(
                default=False,
                help_text=(
                    "Shown in the balance sheet by the side of its balance: an asset when it "
                    "has a debit balance, a liability when it has a credit balance."
                ),
                verbose_name="bifunctional",
            ),
        ),
        migrations.RunPython(mark, migrations.RunPython.noop),
    ]
