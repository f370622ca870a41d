"""The counter of changes to what totals are made of (migration 0005) also counts the writes to what the
reports built from them read: transactions (money by channel and sector), activities' recipient areas,
the indicator codelist (labels, groups, how a figure is summed), organisations (names), evidence and
source documents (notes quoting the sentences), and what a pairing's reporting year reads besides the
figures (events, plans, the assessment's rubric, datasets and their submissions), so that a report kept
in the shared cache under that count (:mod:`pairaid.reports.selectors`) is built again as soon as any of
them changes. Findings are not counted here (a refresh of the checks writes them): a report keys its
findings apart."""

from django.db import migrations

TABLES = (
    "activities_transaction",
    "activities_activity_recipient_areas",
    "indicators_indicator",
    "registry_organisation",
    "sources_evidence",
    "sources_sourcedocument",
    "events_visit",
    "events_cadrebatch",
    "events_tradefair",
    "events_frameworkagreement",
    "plans_plan",
    "plans_keyprojectbatch",
    "assessment_criterion",
    "datasets_dataset",
    "datasets_datasetindicator",
    "datasets_submission",
    "datasets_submissionvalue",
)
EVENTS = ("insert", "update", "delete")

POSTGRES = [
    f"CREATE TRIGGER {table}_figures_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON {table}"
    " FOR EACH STATEMENT EXECUTE FUNCTION indicators_figures_changed()"
    for table in TABLES
]
SQLITE = [
    f"CREATE TRIGGER {table}_figures_{event} AFTER {event.upper()} ON {table} BEGIN"
    " UPDATE indicators_figures_changes SET n = n + 1 WHERE id = 1; END"
    for table in TABLES
    for event in EVENTS
]
DROP = {
    "postgresql": [f"DROP TRIGGER IF EXISTS {table}_figures_changed ON {table}" for table in TABLES],
    "sqlite": [f"DROP TRIGGER IF EXISTS {table}_figures_{e}" for table in TABLES for e in EVENTS],
}


def create(apps, schema_editor):
    for sql in {"postgresql": POSTGRES, "sqlite": SQLITE}.get(schema_editor.connection.vendor, []):
        schema_editor.execute(sql)


def drop(apps, schema_editor):
    for sql in DROP.get(schema_editor.connection.vendor, []):
        schema_editor.execute(sql)


class Migration(migrations.Migration):
    dependencies = [
        ("indicators", "0005_figures_changes"),
        ("activities", "0002_transaction_value_date_index"),
        ("registry", "0003_pairing_predecessor"),
        ("sources", "0002_text_chunks"),
        ("events", "0002_visit_delegations_not_stated"),
        ("plans", "0001_initial"),
        ("assessment", "0001_initial"),
        ("datasets", "0001_initial"),
    ]

    operations = [migrations.RunPython(create, drop)]
