"""A counter of changes to what totals are made of (figures, pairings, areas, activities), kept by the
database itself, so that a cached total knows it is stale whatever wrote the rows (services, bulk loads,
imports). PostgreSQL: a sequence advanced by statement triggers (no lock between writers); SQLite: a row
counted up by row triggers (SQLite has one writer at a time)."""

from django.db import migrations

TABLES = ("indicators_datavalue", "registry_pairing", "geo_area", "activities_activity")

POSTGRES = [
    "CREATE SEQUENCE indicators_figures_changes",
    "CREATE FUNCTION indicators_figures_changed() RETURNS trigger LANGUAGE plpgsql AS"
    " $$ BEGIN PERFORM nextval('indicators_figures_changes'); RETURN NULL; END $$",
    *(
        f"CREATE TRIGGER {table}_figures_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON {table}"
        " FOR EACH STATEMENT EXECUTE FUNCTION indicators_figures_changed()"
        for table in TABLES
    ),
]
SQLITE = [
    "CREATE TABLE indicators_figures_changes (id integer PRIMARY KEY, n integer NOT NULL)",
    "INSERT INTO indicators_figures_changes (id, n) VALUES (1, 0)",
    *(
        f"CREATE TRIGGER {table}_figures_{event.lower()} AFTER {event} ON {table} BEGIN"
        " UPDATE indicators_figures_changes SET n = n + 1 WHERE id = 1; END"
        for table in TABLES
        for event in ("INSERT", "UPDATE", "DELETE")
    ),
]
DROP = {
    "postgresql": [
        *(f"DROP TRIGGER IF EXISTS {table}_figures_changed ON {table}" for table in TABLES),
        "DROP FUNCTION IF EXISTS indicators_figures_changed()",
        "DROP SEQUENCE IF EXISTS indicators_figures_changes",
    ],
    "sqlite": [
        *(f"DROP TRIGGER IF EXISTS {table}_figures_{e}" for table in TABLES for e in ("insert", "update", "delete")),
        "DROP TABLE IF EXISTS indicators_figures_changes",
    ],
}


def create(apps, schema_editor):
    for sql in {"postgresql": POSTGRES, "sqlite": SQLITE}.get(schema_editor.connection.vendor, []):
        schema_editor.execute(sql)


def drop(apps, schema_editor):
    for sql in DROP.get(schema_editor.connection.vendor, []):
        schema_editor.execute(sql)


class Migration(migrations.Migration):
    dependencies = [
        ("indicators", "0004_datavalue_review_fields"),
        ("registry", "0002_pairing_key_source"),
        ("geo", "0002_area_established_other_codes"),
        ("activities", "0002_transaction_value_date_index"),
    ]

    operations = [migrations.RunPython(create, drop)]
