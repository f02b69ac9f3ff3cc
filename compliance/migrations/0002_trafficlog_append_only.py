"""On PostgreSQL, the traffic log refuses UPDATE and DELETE at the database itself.

Computer Crime Act s.26 and the MDES notification of 2564 ask for traffic data kept with its
integrity. The application already refuses (TrafficLog.save/delete, its queryset, a read-only
admin); this trigger also stops raw SQL and a mistaken shell session. The only way out is the
purge: a DELETE inside a transaction that set chiangkhian.traffic_log_purge (set_config(...,
true), so it ends with the transaction), and even then only for rows older than the legal 90
days by the database clock. SQLite, for development, relies on the application guard.
"""

from django.db import migrations

CREATE = """
CREATE OR REPLACE FUNCTION compliance_trafficlog_guard() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'DELETE'
       AND current_setting('chiangkhian.traffic_log_purge', true) = 'on'
       AND OLD."at" < clock_timestamp() - interval '90 days' THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION 'compliance_trafficlog is append-only (Computer Crime Act s.26): % refused', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER compliance_trafficlog_append_only
    BEFORE UPDATE OR DELETE ON compliance_trafficlog
    FOR EACH ROW EXECUTE FUNCTION compliance_trafficlog_guard();
"""

DROP = """
DROP TRIGGER IF EXISTS compliance_trafficlog_append_only ON compliance_trafficlog;
DROP FUNCTION IF EXISTS compliance_trafficlog_guard();
"""


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE, params=None)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP, params=None)


class Migration(migrations.Migration):
    dependencies = [("compliance", "0001_initial")]

    operations = [migrations.RunPython(create, drop)]
