"""The calculation's chunks are the core's `backoffice.JobChunk` now.

Chunk rows are transient (they only exist while a calculation runs, and a
calculation started again makes new ones), so the table goes with nothing
to copy.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("accounting", "0020_payroll_one_regular_run_a_month"),
    ]

    operations = [
        migrations.DeleteModel(
            name="PayrollRunChunk",
        ),
    ]
