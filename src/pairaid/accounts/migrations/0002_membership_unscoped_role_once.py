"""A role that covers everything (administrator, national office, viewer) is held once by a user (issue 16:
it could be given twice). Duplicates given before are removed first, keeping the oldest."""

from typing import Any

from django.db import migrations, models


def _drop_duplicates(apps: Any, schema_editor: Any) -> None:
    membership = apps.get_model("accounts", "Membership")
    seen: set[tuple[int, str]] = set()
    for m in membership.objects.filter(role__in=("administrator", "national_office", "viewer")).order_by("pk"):
        if (m.user_id, m.role) in seen:
            m.delete()
        else:
            seen.add((m.user_id, m.role))


class Migration(migrations.Migration):

    dependencies = [
        ('accounts', '0001_initial'),
    ]

    operations = [
        migrations.RunPython(_drop_duplicates, migrations.RunPython.noop),
        migrations.AddConstraint(
            model_name='membership',
            constraint=models.UniqueConstraint(condition=models.Q(('role__in', ('administrator', 'national_office', 'viewer'))), fields=('user', 'role'), name='membership_unscoped_role_once'),
        ),
    ]
