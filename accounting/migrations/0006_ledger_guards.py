"""More of the ledger's rules kept by Postgres itself.

- The per-line balance trigger of 0002 goes: lines cannot be added to,
  changed in or removed from a posted entry (the finality triggers), so the
  entry-level check at posting covers every path, and posting 10,000 lines
  no longer re-sums an entry once per line.
- Nothing is posted into a closed fiscal period, nor (once fiscal years are
  in use) on a date no period covers: the same rule as the service, now
  also for raw SQL.
- `accounting_accountmonthtotal` receives each entry's lines, grouped by
  account, the moment the entry is posted; posted lines never change, so the
  totals stay exact. Existing posted lines are added once here.

SQLite (the `make run` demo) skips this SQL; its selectors read the lines.
"""

from django.db import migrations

FORWARD = """
DROP TRIGGER IF EXISTS accounting_journalline_balanced ON accounting_journalline;
DROP FUNCTION IF EXISTS accounting_journalline_balanced();

CREATE FUNCTION accounting_journalentry_period_open() RETURNS trigger AS $$
DECLARE
    period_status text;
BEGIN
    IF NEW.status <> 'posted' OR (TG_OP = 'UPDATE' AND OLD.status = 'posted') THEN
        RETURN NEW;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM accounting_fiscalyear) THEN
        RETURN NEW;
    END IF;
    SELECT status INTO period_status FROM accounting_fiscalperiod
     WHERE start <= NEW.date AND "end" >= NEW.date
     ORDER BY start LIMIT 1;
    IF period_status IS NULL THEN
        RAISE EXCEPTION 'no fiscal period covers %; journal entry % cannot be posted',
            NEW.date, NEW.id USING ERRCODE = 'check_violation';
    END IF;
    IF period_status = 'closed' THEN
        RAISE EXCEPTION 'the fiscal period of % is closed; journal entry % cannot be posted',
            NEW.date, NEW.id USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER accounting_journalentry_period_open
    BEFORE INSERT OR UPDATE OF status, date ON accounting_journalentry
    FOR EACH ROW EXECUTE FUNCTION accounting_journalentry_period_open();

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

CREATE FUNCTION accounting_accountmonthtotal_guard() RETURNS trigger AS $$
BEGIN
    IF pg_trigger_depth() < 2 THEN
        RAISE EXCEPTION 'account month totals are kept by the ledger, not written by hand'
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    IF TG_OP = 'DELETE' THEN
        RETURN OLD;
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

INSERT INTO accounting_accountmonthtotal (account_id, month, debit, credit)
SELECT line.account_id, date_trunc('month', entry.date)::date, sum(line.debit), sum(line.credit)
  FROM accounting_journalline line
  JOIN accounting_journalentry entry ON entry.id = line.entry_id
 WHERE entry.status = 'posted'
 GROUP BY 1, 2;

CREATE TRIGGER accounting_accountmonthtotal_guard
    BEFORE INSERT OR UPDATE OR DELETE ON accounting_accountmonthtotal
    FOR EACH ROW EXECUTE FUNCTION accounting_accountmonthtotal_guard();
"""

BACKWARD = """
DROP TRIGGER IF EXISTS accounting_accountmonthtotal_guard ON accounting_accountmonthtotal;
DROP FUNCTION IF EXISTS accounting_accountmonthtotal_guard();
DROP TRIGGER IF EXISTS accounting_journalentry_month_totals ON accounting_journalentry;
DROP FUNCTION IF EXISTS accounting_journalentry_month_totals();
DROP TRIGGER IF EXISTS accounting_journalentry_period_open ON accounting_journalentry;
DROP FUNCTION IF EXISTS accounting_journalentry_period_open();
DELETE FROM accounting_accountmonthtotal;

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
"""


def _run_on_postgres(sql):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        schema_editor.execute(sql, params=None)

    return run


class Migration(migrations.Migration):
    dependencies = [("accounting", "0005_ledger_cost_centres_and_month_totals")]

    operations = [
        migrations.RunPython(_run_on_postgres(FORWARD), _run_on_postgres(BACKWARD)),
    ]
