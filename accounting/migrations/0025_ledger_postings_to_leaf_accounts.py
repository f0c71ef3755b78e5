"""Only leaf accounts take postings, kept by Postgres too.

A group account ("5", "40") adds up its children; a line posted to it
would be counted twice in every statement. The service refuses it with a
message (`accounting.services.ledger`); these triggers refuse it for raw SQL:
a line on an account that has sub-accounts, and a sub-account under an
account that already has lines. One check per statement (transition tables).

SQLite (the `make run` demo) skips this SQL and relies on the service.
"""

from django.db import migrations

FORWARD = """
CREATE FUNCTION accounting_journalline_leaf_account() RETURNS trigger AS $$
DECLARE
    group_code text;
BEGIN
    SELECT account.code INTO group_code
      FROM accounting_account account
     WHERE account.id IN (SELECT DISTINCT account_id FROM new_lines)
       AND EXISTS (SELECT 1 FROM accounting_account child WHERE child.parent_id = account.id)
     LIMIT 1;
    IF group_code IS NOT NULL THEN
        RAISE EXCEPTION 'account % groups other accounts; post to one of its sub-accounts',
            group_code USING ERRCODE = 'check_violation';
    END IF;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER accounting_journalline_leaf_account_insert
    AFTER INSERT ON accounting_journalline
    REFERENCING NEW TABLE AS new_lines
    FOR EACH STATEMENT EXECUTE FUNCTION accounting_journalline_leaf_account();

CREATE TRIGGER accounting_journalline_leaf_account_update
    AFTER UPDATE ON accounting_journalline
    REFERENCING NEW TABLE AS new_lines
    FOR EACH STATEMENT EXECUTE FUNCTION accounting_journalline_leaf_account();

CREATE FUNCTION accounting_account_parent_without_lines() RETURNS trigger AS $$
BEGIN
    IF NEW.parent_id IS NOT NULL
       AND (TG_OP = 'INSERT' OR NEW.parent_id IS DISTINCT FROM OLD.parent_id)
       AND EXISTS (SELECT 1 FROM accounting_journalline WHERE account_id = NEW.parent_id) THEN
        RAISE EXCEPTION 'account % has journal lines; it cannot group other accounts',
            NEW.parent_id USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER accounting_account_parent_without_lines
    BEFORE INSERT OR UPDATE OF parent_id ON accounting_account
    FOR EACH ROW EXECUTE FUNCTION accounting_account_parent_without_lines();
"""

BACKWARD = """
DROP TRIGGER IF EXISTS accounting_account_parent_without_lines ON accounting_account;
DROP FUNCTION IF EXISTS accounting_account_parent_without_lines();
DROP TRIGGER IF EXISTS accounting_journalline_leaf_account_update ON accounting_journalline;
DROP TRIGGER IF EXISTS accounting_journalline_leaf_account_insert ON accounting_journalline;
DROP FUNCTION IF EXISTS accounting_journalline_leaf_account();
"""


def _run_on_postgres(sql):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        schema_editor.execute(sql, params=None)

    return run


class Migration(migrations.Migration):
    dependencies = [("accounting", "0024_account_is_bifunctional")]

    operations = [
        migrations.RunPython(_run_on_postgres(FORWARD), _run_on_postgres(BACKWARD)),
    ]
