"""A TRUNCATE of the journal is refused like a DELETE.

Posted entries and their lines cannot be deleted (migration 0002), but
TRUNCATE fires no row trigger; a statement trigger refuses it on the
entries, the lines and the monthly totals. Only a session that says so
(`SET accounting.allow_truncate = 'on'`: the test suite's flush between
tests, a developer wiping a local database) may empty them.
"""

from django.db import migrations

TABLES = ["accounting_journalentry", "accounting_journalline", "accounting_accountmonthtotal"]

FORWARD = """
CREATE FUNCTION accounting_ledger_no_truncate() RETURNS trigger AS $$
BEGIN
    IF coalesce(current_setting('accounting.allow_truncate', true), '') = 'on' THEN
        RETURN NULL;
    END IF;
    RAISE EXCEPTION 'the ledger (%) cannot be truncated; correct it with reversing entries',
        TG_TABLE_NAME USING ERRCODE = 'integrity_constraint_violation';
END;
$$ LANGUAGE plpgsql;
""" + "".join(
    f"""
CREATE TRIGGER {table}_no_truncate
    BEFORE TRUNCATE ON {table}
    FOR EACH STATEMENT EXECUTE FUNCTION accounting_ledger_no_truncate();
"""
    for table in TABLES
)

BACKWARD = (
    "".join(f"DROP TRIGGER IF EXISTS {table}_no_truncate ON {table};\n" for table in TABLES)
    + "DROP FUNCTION IF EXISTS accounting_ledger_no_truncate();\n"
)


def _run_on_postgres(sql):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        schema_editor.execute(sql, params=None)

    return run


class Migration(migrations.Migration):
    dependencies = [("accounting", "0025_ledger_postings_to_leaf_accounts")]

    operations = [
        migrations.RunPython(_run_on_postgres(FORWARD), _run_on_postgres(BACKWARD)),
    ]
