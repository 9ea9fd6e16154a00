"""What each database needs for French full-text search; created only on the database it is for.

PostgreSQL: the `unaccent` extension and a text search configuration `rencontres_fr`, a copy
of `french` whose words go through unaccent before french_stem (« solidarités » and
« solidarites » both become « solidar »), and a GIN index on the entries' tsvector.
SQLite: an FTS5 table whose unicode61 tokenizer removes diacritics (option 2 also folds
those of letters decomposed in NFD), with prefix indexes for the prefix queries.
"""

from django.db import migrations

POSTGRES_FORWARD = [
    "CREATE EXTENSION IF NOT EXISTS unaccent",
    """
    DO $$ BEGIN
      IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'rencontres_fr') THEN
        CREATE TEXT SEARCH CONFIGURATION rencontres_fr (COPY = french);
        ALTER TEXT SEARCH CONFIGURATION rencontres_fr
          ALTER MAPPING FOR hword, hword_part, word WITH unaccent, french_stem;
      END IF;
    END $$
    """,
    "CREATE INDEX IF NOT EXISTS search_entry_document_gin ON search_searchentry USING gin (document)",
]
POSTGRES_BACKWARD = [
    "DROP INDEX IF EXISTS search_entry_document_gin",
    "DROP TEXT SEARCH CONFIGURATION IF EXISTS rencontres_fr",
]
SQLITE_FORWARD = [
    "CREATE VIRTUAL TABLE IF NOT EXISTS search_fts USING fts5("
    "title, body, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3 4')"
]
SQLITE_BACKWARD = ["DROP TABLE IF EXISTS search_fts"]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [
        migrations.RunPython(
            _run({"postgresql": POSTGRES_FORWARD, "sqlite": SQLITE_FORWARD}),
            _run({"postgresql": POSTGRES_BACKWARD, "sqlite": SQLITE_BACKWARD}),
        )
    ]
