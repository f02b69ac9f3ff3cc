from django.core.management.base import BaseCommand
from django.db import connection

ROLES = """\
-- 1. As a PostgreSQL superuser, before the first migrate:
--    psql -v owner_password="'...'" -v app_password="'...'" -d {db} -f roles.sql
-- The owner runs `migrate` and `purge_traffic_log`; the site itself connects as the runtime
-- role, which owns nothing: it cannot alter or drop tables, disable triggers or truncate.
CREATE ROLE {owner} LOGIN PASSWORD :owner_password;
CREATE ROLE {runtime} LOGIN PASSWORD :app_password NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT;
ALTER DATABASE {db} OWNER TO {owner};
ALTER SCHEMA public OWNER TO {owner};
REVOKE ALL ON SCHEMA public FROM PUBLIC;
"""

GRANTS = """\
-- 2. After `migrate` (as {owner}), and safe to run again after any later migrate:
GRANT CONNECT ON DATABASE {db} TO {runtime};
GRANT USAGE ON SCHEMA public TO {runtime};
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {runtime};
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {runtime};
ALTER DEFAULT PRIVILEGES FOR ROLE {owner} IN SCHEMA public
    GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO {runtime};
ALTER DEFAULT PRIVILEGES FOR ROLE {owner} IN SCHEMA public
    GRANT USAGE, SELECT ON SEQUENCES TO {runtime};
-- The Computer Crime Act traffic log: the site only appends and reads.
REVOKE UPDATE, DELETE, TRUNCATE ON compliance_trafficlog FROM {runtime};
"""


def grants_sql(*, owner, runtime, db):
    return GRANTS.format(owner=owner, runtime=runtime, db=db)


class Command(BaseCommand):
    help = (
        "Print the SQL that creates the PostgreSQL owner and runtime roles and gives the "
        "runtime role only what the site needs (see docs/deployment.md)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--owner", default="chiangkhian_owner")
        parser.add_argument("--runtime", default="chiangkhian_app")
        parser.add_argument("--database", default=None, help="default: the configured one")
        parser.add_argument("--grants-only", action="store_true")

    def handle(self, *args, owner, runtime, database, grants_only, **options):
        db = database or connection.settings_dict["NAME"]
        if not grants_only:
            self.stdout.write(ROLES.format(owner=owner, runtime=runtime, db=db))
        self.stdout.write(grants_sql(owner=owner, runtime=runtime, db=db))
