"""Set-based ledger triggers: one check per statement, not one per row.

Posting 10,000 lines in one INSERT used to run a query per line to check
that its entry was not posted, and posting 1,000 entries in one UPDATE
upserted monthly totals entry by entry. Statement-level triggers with
transition tables do the same work once per statement. UPDATE and DELETE of
lines stay row-level (they are rare and refused on posted entries).

Postgres only; SQLite (the `make run` demo) has none of the ledger triggers.
"""

from django.db import migrations

FORWARD = """
DROP TRIGGER IF EXISTS accounting_journalline_final ON accounting_journalline;
CREATE TRIGGER accounting_journalline_final
    BEFORE UPDATE OR DELETE ON accounting_journalline
    FOR EACH ROW EXECUTE FUNCTION accounting_journalline_final();

CREATE FUNCTION accounting_journalline_insert_final() RETURNS trigger AS $$
DECLARE
    posted_id bigint;
BEGIN
    SELECT entry.id INTO posted_id
      FROM accounting_journalentry entry
     WHERE entry.status = 'posted'
       AND entry.id IN (SELECT DISTINCT entry_id FROM new_lines)
     LIMIT 1;
    IF posted_id IS NOT NULL THEN
        RAISE EXCEPTION 'journal entry % is posted; no line can be added to it', posted_id
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER accounting_journalline_insert_final
    AFTER INSERT ON accounting_journalline
    REFERENCING NEW TABLE AS new_lines
    FOR EACH STATEMENT EXECUTE FUNCTION accounting_journalline_insert_final();

DROP TRIGGER IF EXISTS accounting_journalentry_month_totals ON accounting_journalentry;
DROP FUNCTION IF EXISTS accounting_journalentry_month_totals();

CREATE FUNCTION accounting_journalentry_month_totals() RETURNS trigger AS $$
BEGIN
    INSERT INTO accounting_accountmonthtotal (account_id, month, debit, credit)
    SELECT line.account_id, date_trunc('month', entry.date)::date,
           sum(line.debit), sum(line.credit)
      FROM newly_posted entry
      JOIN accounting_journalline line ON line.entry_id = entry.id
     WHERE entry.status = 'posted'
       AND NOT EXISTS (
           SELECT 1 FROM was_posted earlier WHERE earlier.id = entry.id AND earlier.status = 'posted'
       )
     GROUP BY 1, 2
    ON CONFLICT (account_id, month) DO UPDATE
       SET debit = accounting_accountmonthtotal.debit + EXCLUDED.debit,
           credit = accounting_accountmonthtotal.credit + EXCLUDED.credit;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER accounting_journalentry_month_totals
    AFTER UPDATE ON accounting_journalentry
    REFERENCING OLD TABLE AS was_posted NEW TABLE AS newly_posted
    FOR EACH STATEMENT EXECUTE FUNCTION accounting_journalentry_month_totals();
"""

BACKWARD = """
DROP TRIGGER IF EXISTS accounting_journalentry_month_totals ON accounting_journalentry;
DROP FUNCTION IF EXISTS accounting_journalentry_month_totals();
CREATE FUNCTION accounting_journalentry_month_totals() RETURNS trigger AS $$
BEGIN
    IF NEW.status <> 'posted' OR (TG_OP = 'UPDATE' AND OLD.status = 'posted') THEN
        RETURN NULL;
    END IF;
    INSERT INTO accounting_accountmonthtotal (account_id, month, debit, credit)
    SELECT line.account_id, date_trunc('month', NEW.date)::date, sum(line.debit), sum(line.credit)
      FROM accounting_journalline line
     WHERE line.entry_id = NEW.id
     GROUP BY line.account_id
    ON CONFLICT (account_id, month) DO UPDATE
       SET debit = accounting_accountmonthtotal.debit + EXCLUDED.debit,
           credit = accounting_accountmonthtotal.credit + EXCLUDED.credit;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER accounting_journalentry_month_totals
    AFTER INSERT OR UPDATE OF status ON accounting_journalentry
    FOR EACH ROW EXECUTE FUNCTION accounting_journalentry_month_totals();

DROP TRIGGER IF EXISTS accounting_journalline_insert_final ON accounting_journalline;
DROP FUNCTION IF EXISTS accounting_journalline_insert_final();
DROP TRIGGER IF EXISTS accounting_journalline_final ON accounting_journalline;
CREATE TRIGGER accounting_journalline_final
    BEFORE INSERT OR UPDATE OR DELETE ON accounting_journalline
    FOR EACH ROW EXECUTE FUNCTION accounting_journalline_final();
"""


def _run_on_postgres(sql):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        schema_editor.execute(sql, params=None)

    return run


class Migration(migrations.Migration):
    dependencies = [("accounting", "0007_takings_imports")]

    operations = [
        migrations.RunPython(_run_on_postgres(FORWARD), _run_on_postgres(BACKWARD)),
    ]
