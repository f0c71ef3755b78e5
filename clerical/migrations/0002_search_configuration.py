"""The text search configuration for documents: unaccented words, no stemming.

`clerical_unaccent` reads Romanian and English alike ("decizie" finds
"Decizie", "sedinta" finds "ședință"). Another app may create `unaccent`
too, hence IF NOT EXISTS.
"""

from django.db import migrations

CREATE = """
CREATE EXTENSION IF NOT EXISTS unaccent;
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'clerical_unaccent') THEN
        CREATE TEXT SEARCH CONFIGURATION clerical_unaccent (COPY = simple);
        ALTER TEXT SEARCH CONFIGURATION clerical_unaccent
            ALTER MAPPING FOR hword, hword_part, word WITH unaccent, simple;
    END IF;
END
$$;
"""
DROP = "DROP TEXT SEARCH CONFIGURATION IF EXISTS clerical_unaccent;"


def _on_postgres(sql):
    # The SQLite demo (`make run`) has no text search configurations; its search
    # falls back to plain matching.
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [("clerical", "0001_documents")]

    operations = [migrations.RunPython(_on_postgres(CREATE), _on_postgres(DROP))]
