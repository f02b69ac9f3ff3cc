"""The traffic log cannot be emptied wholesale, and published items cannot be hard-deleted,
below the application: TRUNCATE, `flush`, reverse migrations, the runtime database role."""

import importlib
import unittest

from django.apps import apps
from django.core.management import CommandError, call_command
from django.db import DatabaseError, connection, transaction
from django.test import TestCase, override_settings
from django.utils import timezone

from catalog.models import Item
from chiangkhian.management.commands.database_roles import grants_sql
from compliance.models import TrafficLog
from tests.stats.helpers import make_item

postgres_only = unittest.skipUnless(connection.vendor == "postgresql", "PostgreSQL triggers")
no_truncate = importlib.import_module("compliance.migrations.0004_trafficlog_no_truncate")


def refuse_truncate_in_this_session():
    # The suite lets its own throw-away databases be truncated (tests/conftest.py).
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL chiangkhian.allow_truncate = 'off'")


class TrafficLogProtectionTests(TestCase):
    def setUp(self):
        TrafficLog.objects.create(at=timezone.now(), method="GET", path="/", status=200)

    @postgres_only
    def test_truncate_traffic_log_is_refused(self):
        refuse_truncate_in_this_session()
        with (
            self.assertRaisesMessage(DatabaseError, "cannot be truncated"),
            transaction.atomic(),
            connection.cursor() as cursor,
        ):
            cursor.execute("TRUNCATE compliance_trafficlog")
        self.assertEqual(TrafficLog.objects.count(), 1)

    @postgres_only
    def test_flush_empties_nothing(self):
        refuse_truncate_in_this_session()
        item = make_item()
        with connection.cursor() as cursor:
            # The rows this test wrote are checked now, as a fresh session's would be.
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        with self.assertRaises(CommandError) as refused, transaction.atomic():
            call_command("flush", interactive=False, verbosity=0)
        self.assertIn("cannot be truncated", str(refused.exception.__cause__))
        self.assertEqual(TrafficLog.objects.count(), 1)
        self.assertTrue(Item.objects.filter(pk=item.pk).exists())  # failed as a whole

    @override_settings(DEBUG=False)
    def test_reversing_the_protection_is_refused_while_the_log_holds_rows(self):
        with self.assertRaisesMessage(RuntimeError, "Refusing to unapply"):
            no_truncate.drop(apps, connection.schema_editor())
        self.assertEqual(TrafficLog.objects.count(), 1)

    @postgres_only
    def test_published_items_cannot_be_hard_deleted(self):
        item = make_item()  # published
        with (
            self.assertRaisesMessage(DatabaseError, "never deleted"),
            transaction.atomic(),
            connection.cursor() as cursor,
        ):
            cursor.execute("DELETE FROM catalog_item WHERE id = %s", [item.pk])
        self.assertTrue(Item.objects.filter(pk=item.pk).exists())


@postgres_only
class RuntimeRoleTests(TestCase):
    """The role the site connects as (manage.py database_roles) cannot truncate the log or
    alter its triggers. Roles are created inside the test's transaction and rolled back."""

    ROLE = "ck_test_runtime"

    def setUp(self):
        TrafficLog.objects.create(at=timezone.now(), method="GET", path="/", status=200)
        with connection.cursor() as cursor:
            cursor.execute("SELECT current_user")
            owner = cursor.fetchone()[0]
            cursor.execute(f"CREATE ROLE {self.ROLE} NOLOGIN NOINHERIT")
            cursor.execute(
                grants_sql(owner=owner, runtime=self.ROLE, db=connection.settings_dict["NAME"])
            )

    def as_runtime(self, sql):
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(f"SET LOCAL ROLE {self.ROLE}")
            cursor.execute(sql)

    def test_the_runtime_role_cannot_truncate_or_disable_the_triggers(self):
        for sql in [
            "TRUNCATE compliance_trafficlog",
            "ALTER TABLE compliance_trafficlog DISABLE TRIGGER ALL",
            "DROP TRIGGER compliance_trafficlog_no_truncate ON compliance_trafficlog",
            "DELETE FROM compliance_trafficlog",
        ]:
            with self.subTest(sql=sql), self.assertRaises(DatabaseError):
                self.as_runtime(sql)
        self.assertEqual(TrafficLog.objects.count(), 1)

    def test_the_runtime_role_appends_and_reads(self):
        self.as_runtime("SELECT count(*) FROM compliance_trafficlog")
        self.as_runtime("SELECT count(*) FROM catalog_item")
