"""The database, not only the code, keeps the ledger honest (Postgres only).

- A posted entry must balance to the cent and have at least two lines. The
  check is a constraint trigger deferred to commit, so a service may write an
  entry's lines one by one inside its transaction.
- Posted is final: no UPDATE or DELETE of a posted entry or its lines, and no
  new line in a posted entry. Corrections are reversing entries.

SQLite (the `make run` demo) skips this migration's SQL; the services check
the same rules.
"""

from django.db import migrations

FORWARD = """
CREATE FUNCTION accounting_check_entry_balanced(p_entry_id bigint) RETURNS void AS $$
DECLARE
    total_debit numeric;
    total_credit numeric;
    line_count integer;
BEGIN
    IF NOT EXISTS (
        SELECT 1 FROM accounting_journalentry WHERE id = p_entry_id AND status = 'posted'
    ) THEN
        RETURN;
    END IF;
    SELECT coalesce(sum(debit), 0), coalesce(sum(credit), 0), count(*)
      INTO total_debit, total_credit, line_count
      FROM accounting_journalline WHERE accounting_journalline.entry_id = p_entry_id;
    IF line_count < 2 THEN
        RAISE EXCEPTION 'posted journal entry % has % line(s); at least 2 are needed',
            p_entry_id, line_count USING ERRCODE = 'check_violation';
    END IF;
    IF total_debit <> total_credit THEN
        RAISE EXCEPTION 'posted journal entry % does not balance: debit % <> credit %',
            p_entry_id, total_debit, total_credit USING ERRCODE = 'check_violation';
    END IF;
END;
$$ LANGUAGE plpgsql;

CREATE FUNCTION accounting_journalline_balanced() RETURNS trigger AS $$
BEGIN
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        PERFORM accounting_check_entry_balanced(NEW.entry_id);
    END IF;
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        PERFORM accounting_check_entry_balanced(OLD.entry_id);
    END IF;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE CONSTRAINT TRIGGER accounting_journalline_balanced
    AFTER INSERT OR UPDATE OR DELETE ON accounting_journalline
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION accounting_journalline_balanced();

CREATE FUNCTION accounting_journalentry_balanced() RETURNS trigger AS $$
BEGIN
    PERFORM accounting_check_entry_balanced(NEW.id);
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE CONSTRAINT TRIGGER accounting_journalentry_balanced
    AFTER INSERT OR UPDATE OF status ON accounting_journalentry
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION accounting_journalentry_balanced();

CREATE FUNCTION accounting_journalentry_final() RETURNS trigger AS $$
BEGIN
    IF OLD.status = 'posted' THEN
        RAISE EXCEPTION 'journal entry % is posted and cannot be changed or deleted', OLD.id
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    IF TG_OP = 'DELETE' THEN
        RETURN OLD;
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER accounting_journalentry_final
    BEFORE UPDATE OR DELETE ON accounting_journalentry
    FOR EACH ROW EXECUTE FUNCTION accounting_journalentry_final();

CREATE FUNCTION accounting_journalline_final() RETURNS trigger AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') AND EXISTS (
        SELECT 1 FROM accounting_journalentry WHERE id = OLD.entry_id AND status = 'posted'
    ) THEN
        RAISE EXCEPTION 'journal entry % is posted; its lines cannot be changed or deleted',
            OLD.entry_id USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') AND EXISTS (
        SELECT 1 FROM accounting_journalentry WHERE id = NEW.entry_id AND status = 'posted'
    ) THEN
        RAISE EXCEPTION 'journal entry % is posted; no line can be added to it', NEW.entry_id
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    IF TG_OP = 'DELETE' THEN
        RETURN OLD;
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER accounting_journalline_final
    BEFORE INSERT OR UPDATE OR DELETE ON accounting_journalline
    FOR EACH ROW EXECUTE FUNCTION accounting_journalline_final();
"""

BACKWARD = """
DROP TRIGGER IF EXISTS accounting_journalline_final ON accounting_journalline;
DROP FUNCTION IF EXISTS accounting_journalline_final();
DROP TRIGGER IF EXISTS accounting_journalentry_final ON accounting_journalentry;
DROP FUNCTION IF EXISTS accounting_journalentry_final();
DROP TRIGGER IF EXISTS accounting_journalentry_balanced ON accounting_journalentry;
DROP FUNCTION IF EXISTS accounting_journalentry_balanced();
DROP TRIGGER IF EXISTS accounting_journalline_balanced ON accounting_journalline;
DROP FUNCTION IF EXISTS accounting_journalline_balanced();
DROP FUNCTION IF EXISTS accounting_check_entry_balanced(bigint);
"""


def _run_on_postgres(sql):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        schema_editor.execute(sql, params=None)

    return run


class Migration(migrations.Migration):
    dependencies = [("accounting", "0001_ledger")]

    operations = [
        migrations.RunPython(_run_on_postgres(FORWARD), _run_on_postgres(BACKWARD)),
    ]
