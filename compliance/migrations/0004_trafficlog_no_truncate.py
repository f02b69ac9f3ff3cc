"""The traffic log cannot be emptied wholesale (Computer Crime Act s.26).

PostgreSQL: a statement trigger refuses TRUNCATE, which row triggers do not see; `manage.py
flush` uses TRUNCATE, so it fails as a whole and empties nothing. Only a session that set
chiangkhian.allow_truncate (the test suite, for its own throw-away databases) may truncate.
The real guard in production is the runtime role, which holds no TRUNCATE right at all
(compliance/sql/roles.sql).

Reversing this migration, or any before it, would drop the protection or the table: refused
while the log holds rows and DEBUG is off.
"""

from django.conf import settings
from django.db import migrations

CREATE = """
CREATE OR REPLACE FUNCTION compliance_trafficlog_no_truncate() RETURNS trigger AS $$
BEGIN
    IF current_setting('chiangkhian.allow_truncate', true) = 'on' THEN
        RETURN NULL;
    END IF;
    RAISE EXCEPTION 'compliance_trafficlog cannot be truncated (Computer Crime Act s.26)'
        USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER compliance_trafficlog_no_truncate
    BEFORE TRUNCATE ON compliance_trafficlog
    FOR EACH STATEMENT EXECUTE FUNCTION compliance_trafficlog_no_truncate();
"""

DROP = """
DROP TRIGGER IF EXISTS compliance_trafficlog_no_truncate ON compliance_trafficlog;
DROP FUNCTION IF EXISTS compliance_trafficlog_no_truncate();
"""


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE, params=None)


def drop(apps, schema_editor):
    TrafficLog = apps.get_model("compliance", "TrafficLog")
    if not settings.DEBUG and TrafficLog.objects.exists():
        raise RuntimeError(
            "Refusing to unapply the traffic log's protection while it holds rows (Computer "
            "Crime Act s.26: kept at least 90 days). Export it first; see docs/operations.md."
        )
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP, params=None)


class Migration(migrations.Migration):
    dependencies = [("compliance", "0003_trafficlog_hash_chain")]

    operations = [migrations.RunPython(create, drop)]
