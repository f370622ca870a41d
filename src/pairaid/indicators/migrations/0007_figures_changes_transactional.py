"""PostgreSQL's count of changes (migrations 0005, 0006) becomes a row counted up in the writing transaction,
as SQLite's already is, instead of a sequence.

A sequence moves at once, before the write commits: a report built while a write was open read the old
figures and was kept under the new count, and after the commit nothing moved the count, so the old report
was served until the cache dropped it (issue 12). A row counted up by the triggers is seen by other
connections only when the write commits, together with what it wrote: a reader during the write sees the
old count and the old figures, and the new count from the commit on. Writers to the counted tables now
wait for each other from their first counted statement to their commit (the triggers run before the
statement, so that a writer takes the counter before any row it writes, and two writers of the same
rows do not each hold what the other needs). The count carries on from the sequence's, so that no key
of a report cached under an old count comes back."""

from importlib import import_module

from django.db import migrations

#: The tables counted (0005's and 0006's).
TABLES = (
    *import_module("pairaid.indicators.migrations.0005_figures_changes").TABLES,
    *import_module("pairaid.indicators.migrations.0006_figures_changes_more_tables").TABLES,
)

FUNCTION = (
    "CREATE OR REPLACE FUNCTION indicators_figures_changed() RETURNS trigger LANGUAGE plpgsql AS"
    " $$ BEGIN UPDATE indicators_figures_changes SET n = n + 1 WHERE id = 1; RETURN NULL; END $$"
)
SEQUENCE_FUNCTION = (
    "CREATE OR REPLACE FUNCTION indicators_figures_changed() RETURNS trigger LANGUAGE plpgsql AS"
    " $$ BEGIN PERFORM nextval('indicators_figures_changes'); RETURN NULL; END $$"
)


def _triggers(schema_editor, when: str) -> None:
    for table in TABLES:
        schema_editor.execute(f"DROP TRIGGER IF EXISTS {table}_figures_changed ON {table}")
        schema_editor.execute(
            f"CREATE TRIGGER {table}_figures_changed {when} INSERT OR UPDATE OR DELETE OR TRUNCATE ON {table}"
            " FOR EACH STATEMENT EXECUTE FUNCTION indicators_figures_changed()"
        )


def forward(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return  # SQLite counts a row already
    with schema_editor.connection.cursor() as cursor:
        cursor.execute("SELECT last_value + CASE WHEN is_called THEN 1 ELSE 0 END FROM indicators_figures_changes")
        (count,) = cursor.fetchone()
    schema_editor.execute(FUNCTION)
    schema_editor.execute("DROP SEQUENCE indicators_figures_changes")
    schema_editor.execute("CREATE TABLE indicators_figures_changes (id integer PRIMARY KEY, n bigint NOT NULL)")
    schema_editor.execute("INSERT INTO indicators_figures_changes (id, n) VALUES (1, %s)", [count])
    _triggers(schema_editor, "BEFORE")


def backward(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cursor:
        cursor.execute("SELECT n FROM indicators_figures_changes WHERE id = 1")
        (count,) = cursor.fetchone()
    schema_editor.execute(SEQUENCE_FUNCTION)
    schema_editor.execute("DROP TABLE indicators_figures_changes")
    schema_editor.execute("CREATE SEQUENCE indicators_figures_changes")
    schema_editor.execute("SELECT setval('indicators_figures_changes', %s)", [max(int(count), 1)])
    _triggers(schema_editor, "AFTER")


class Migration(migrations.Migration):
    dependencies = [("indicators", "0006_figures_changes_more_tables")]

    operations = [migrations.RunPython(forward, backward)]
