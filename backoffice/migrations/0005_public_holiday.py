"""Public holidays move from accounting to the core, which every department's
working-day count reads (payroll, leave, complaint deadlines, IT's clocks).

The table is renamed in place, so the holidays already entered stay; the
content type follows, so the groups keep their permission to view them.
"""

from django.db import migrations, models


def content_type_to_core(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    ContentType.objects.filter(app_label="accounting", model="publicholiday").update(
        app_label="backoffice"
    )


def content_type_to_accounting(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    ContentType.objects.filter(app_label="backoffice", model="publicholiday").update(
        app_label="accounting"
    )


class Migration(migrations.Migration):
    dependencies = [
        ("backoffice", "0004_outbox_message"),
        ("accounting", "0015_pay_holidays"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="PublicHoliday",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        ("date", models.DateField(unique=True, verbose_name="date")),
                        ("name", models.CharField(max_length=120, verbose_name="name")),
                    ],
                    options={
                        "verbose_name": "public holiday",
                        "verbose_name_plural": "public holidays",
                        "ordering": ["date"],
                    },
                ),
            ],
            database_operations=[
                migrations.RunSQL(
                    "ALTER TABLE accounting_publicholiday RENAME TO backoffice_publicholiday",
                    reverse_sql=(
                        "ALTER TABLE backoffice_publicholiday RENAME TO accounting_publicholiday"
                    ),
                ),
            ],
        ),
        migrations.RunPython(content_type_to_core, content_type_to_accounting),
    ]
