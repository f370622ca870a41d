"""Pairing.predecessor: a re-assignment's link, recorded when it happens.

Re-assignments made before the field existed are found by the history record the
re-assign service wrote when it created the successor ("re-assignment of #12 ...").
"""

import re

import django.db.models.deletion
from django.db import migrations, models


_REASSIGNED = re.compile(r"re-assignment of #(\d+) ")


def _link_past_reassignments(apps, schema_editor):
    Pairing = apps.get_model("registry", "Pairing")
    History = apps.get_model("registry", "HistoricalPairing")
    created = History.objects.filter(history_type="+", history_change_reason__startswith="re-assignment of #")
    for record in created.only("id", "history_change_reason"):
        found = _REASSIGNED.match(record.history_change_reason or "")
        if found and Pairing.objects.filter(pk=int(found[1])).exists():
            Pairing.objects.filter(pk=record.id, predecessor__isnull=True).update(predecessor_id=int(found[1]))


class Migration(migrations.Migration):

    dependencies = [
        ('registry', '0002_pairing_key_source'),
    ]

    operations = [
        migrations.AddField(
            model_name='historicalpairing',
            name='predecessor',
            field=models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='registry.pairing', verbose_name='predecessor'),
        ),
        migrations.AddField(
            model_name='pairing',
            name='predecessor',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='successors', to='registry.pairing', verbose_name='predecessor'),
        ),
        migrations.RunPython(_link_past_reassignments, migrations.RunPython.noop),
    ]
