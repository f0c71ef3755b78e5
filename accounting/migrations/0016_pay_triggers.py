"""An approved timesheet is final in the database too (Postgres only).

No INSERT, UPDATE or DELETE of a day of an approved timesheet. The services
refuse the same; SQLite (the `make run` demo) skips this SQL, as in 0002.
"""

from django.db import migrations

FORWARD = """
CREATE FUNCTION accounting_timesheetday_final() RETURNS trigger AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') AND EXISTS (
        SELECT 1 FROM accounting_timesheet WHERE id = OLD.timesheet_id AND status = 'approved'
    ) THEN
        RAISE EXCEPTION 'timesheet % is approved; its days cannot be changed or deleted',
            OLD.timesheet_id USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') AND EXISTS (
        SELECT 1 FROM accounting_timesheet WHERE id = NEW.timesheet_id AND status = 'approved'
    ) THEN
        RAISE EXCEPTION 'timesheet % is approved; no day can be added to it', NEW.timesheet_id
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    IF TG_OP = 'DELETE' THEN
        RETURN OLD;
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER accounting_timesheetday_final
    BEFORE INSERT OR UPDATE OR DELETE ON accounting_timesheetday
    FOR EACH ROW EXECUTE FUNCTION accounting_timesheetday_final();
"""

BACKWARD = """
DROP TRIGGER IF EXISTS accounting_timesheetday_final ON accounting_timesheetday;
DROP FUNCTION IF EXISTS accounting_timesheetday_final();
"""


def _run_on_postgres(sql):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        schema_editor.execute(sql, params=None)

    return run


class Migration(migrations.Migration):
    dependencies = [("accounting", "0015_pay_holidays")]

    operations = [
        migrations.RunPython(_run_on_postgres(FORWARD), _run_on_postgres(BACKWARD)),
    ]
