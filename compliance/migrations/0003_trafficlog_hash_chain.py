"""The traffic log becomes a hash chain (compliance/chain.py); rows already there are chained
in their time order. On PostgreSQL the append-only trigger is lifted for this one transaction
(the migration runs as the table's owner) and restored before it commits."""

from django.db import migrations, models

TRIGGER = "compliance_trafficlog_append_only"


def chain_existing_rows(apps, schema_editor):
    from compliance import chain

    TrafficLog = apps.get_model("compliance", "TrafficLog")
    postgres = schema_editor.connection.vendor == "postgresql"
    if postgres:
        schema_editor.execute(f"ALTER TABLE compliance_trafficlog DISABLE TRIGGER {TRIGGER}")
    prev, seq = chain.GENESIS, 0
    for row in TrafficLog.objects.order_by("at", "pk").iterator(chunk_size=2000):
        seq += 1
        row.seq, row.prev_hash = seq, prev
        row.hash = prev = chain.row_hash(prev, row).hexdigest()
        TrafficLog.objects.filter(pk=row.pk).update(
            seq=row.seq, prev_hash=row.prev_hash, hash=row.hash
        )
    if postgres:
        schema_editor.execute(f"ALTER TABLE compliance_trafficlog ENABLE TRIGGER {TRIGGER}")


class Migration(migrations.Migration):
    dependencies = [("compliance", "0002_trafficlog_append_only")]

    operations = [
        migrations.AddField(
            model_name="trafficlog",
            name="seq",
            field=models.BigIntegerField(
                editable=False, null=True, unique=True, verbose_name="chain position"
            ),
        ),
        migrations.AddField(
            model_name="trafficlog",
            name="prev_hash",
            field=models.CharField(
                default="", editable=False, max_length=64, verbose_name="previous row's hash"
            ),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="trafficlog",
            name="hash",
            field=models.CharField(
                default="", editable=False, max_length=64, verbose_name="row hash"
            ),
            preserve_default=False,
        ),
        migrations.RunPython(chain_existing_rows, migrations.RunPython.noop),
    ]
