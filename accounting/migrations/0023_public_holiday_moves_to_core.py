"""Public holidays now live in the core (`backoffice.0005_public_holiday` renamed the table)."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("accounting", "0022_takings_import_history"),
        ("backoffice", "0005_public_holiday"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="PublicHoliday")],
            database_operations=[],
        ),
    ]
