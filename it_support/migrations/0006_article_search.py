"""Full-text search of the knowledge base on PostgreSQL, accents stripped.

The `unaccent` extension; two text search configurations, `it_ro` (Romanian
stems) and `it_en` (English stems), each passing words through `unaccent`
first, so "imprimantă" and "imprimanta" match; a trigger that keeps
`it_support_article.search_vector` from title (weight A) and body (weight B)
in both; a GIN index on it. SQLite (the demo) gets none of this and searches
with `icontains`.
"""

from django.db import migrations

CONFIGS = {"it_ro": "romanian_stem", "it_en": "english_stem"}
WORD_TOKENS = "asciiword, asciihword, hword_asciipart, word, hword, hword_part"

FORWARD = [
    "CREATE EXTENSION IF NOT EXISTS unaccent",
    *(
        statement
        for name, stemmer in CONFIGS.items()
        for statement in (
            f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {name}",
            f"CREATE TEXT SEARCH CONFIGURATION {name} (COPY = simple)",
            f"ALTER TEXT SEARCH CONFIGURATION {name} ALTER MAPPING FOR {WORD_TOKENS} "
            f"WITH unaccent, {stemmer}",
        )
    ),
    """
    CREATE OR REPLACE FUNCTION it_article_search_vector() RETURNS trigger AS $$
    BEGIN
      NEW.search_vector :=
        setweight(to_tsvector('it_ro', coalesce(NEW.title, '')), 'A') ||
        setweight(to_tsvector('it_en', coalesce(NEW.title, '')), 'A') ||
        setweight(to_tsvector('it_ro', coalesce(NEW.body, '')), 'B') ||
        setweight(to_tsvector('it_en', coalesce(NEW.body, '')), 'B');
      RETURN NEW;
    END
    $$ LANGUAGE plpgsql
    """,
    """
    CREATE TRIGGER it_article_search_vector BEFORE INSERT OR UPDATE OF title, body
    ON it_support_article FOR EACH ROW EXECUTE FUNCTION it_article_search_vector()
    """,
    "UPDATE it_support_article SET title = title",
    "CREATE INDEX it_article_search_gin ON it_support_article USING gin (search_vector)",
]

BACKWARD = [
    "DROP INDEX IF EXISTS it_article_search_gin",
    "DROP TRIGGER IF EXISTS it_article_search_vector ON it_support_article",
    "DROP FUNCTION IF EXISTS it_article_search_vector()",
    *(f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {name}" for name in CONFIGS),
]


def _run(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for statement in statements:
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("it_support", "0005_knowledge")]

    operations = [migrations.RunPython(_run(FORWARD), _run(BACKWARD))]
