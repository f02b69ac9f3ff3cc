"""The PostgreSQL trigger that keeps the traffic log append-only below the application."""

import datetime
import unittest

from django.db import DatabaseError, connection, transaction
from django.test import TestCase
from django.utils import timezone

from compliance.models import TrafficLog
from compliance.querysets import PURGE_SETTING

DAY = datetime.timedelta(days=1)


@unittest.skipUnless(connection.vendor == "postgresql", "the trigger exists on PostgreSQL only")
class TriggerTests(TestCase):
    def setUp(self):
        now = timezone.now()
        self.recent = TrafficLog.objects.create(at=now - DAY, method="GET", path="/", status=200)
        self.old = TrafficLog.objects.create(at=now - 91 * DAY, method="GET", path="/", status=200)

    def raw(self, sql, *params):
        with (
            self.assertRaisesMessage(DatabaseError, "append-only"),
            transaction.atomic(),
            connection.cursor() as cursor,
        ):
            cursor.execute(sql, params)

    def test_raw_sql_cannot_change_or_delete_rows(self):
        self.raw("UPDATE compliance_trafficlog SET path = '/x/' WHERE id = %s", self.recent.pk)
        self.raw("DELETE FROM compliance_trafficlog WHERE id = %s", self.old.pk)
        self.assertEqual(TrafficLog.objects.count(), 2)

    def test_even_the_purge_setting_cannot_delete_a_row_younger_than_90_days(self):
        with connection.cursor() as cursor:
            cursor.execute("SELECT set_config(%s, 'on', true)", [PURGE_SETTING])
        self.raw("DELETE FROM compliance_trafficlog WHERE id = %s", self.recent.pk)

    def test_the_purge_deletes_old_rows(self):
        self.assertEqual(TrafficLog.objects.purge(), 1)
        self.assertEqual(list(TrafficLog.objects.all()), [self.recent])
