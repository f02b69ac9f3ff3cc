"""The traffic log is a hash chain: the verify command names the first row that breaks it."""

import datetime
import io

from django.core.management import CommandError, call_command
from django.db import connection
from django.test import TestCase
from django.utils import timezone

from compliance.models import TrafficLog

# What a database superuser could do: lift the append-only trigger, then edit or delete.
DISABLE_GUARD = (
    "ALTER TABLE compliance_trafficlog DISABLE TRIGGER compliance_trafficlog_append_only"
)


def log(path, minutes_ago=0):
    at = timezone.now() - datetime.timedelta(minutes=minutes_ago)
    return TrafficLog.objects.create(at=at, ip="203.0.113.5", method="GET", path=path, status=200)


class ChainTests(TestCase):
    def setUp(self):
        self.rows = [log(f"/page/{i}/", 10 - i) for i in range(5)]

    def verify(self):
        out = io.StringIO()
        call_command("verify_traffic_log", stdout=out)
        return out.getvalue()

    def broken(self):
        with self.assertRaises(CommandError) as caught:
            self.verify()
        return str(caught.exception)

    def test_rows_are_chained_in_order(self):
        self.assertEqual([r.seq for r in self.rows], [1, 2, 3, 4, 5])
        self.assertEqual(self.rows[1].prev_hash, self.rows[0].hash)
        self.assertIn("intact: 5 rows", self.verify())

    def test_the_middleware_appends_to_the_same_chain(self):
        from compliance.middleware import flush

        self.client.get("/")
        flush()
        self.assertEqual(TrafficLog.objects.order_by("seq").last().seq, 6)
        self.assertIn("intact: 6 rows", self.verify())

    def raw_insert(self, seq, prev_hash, hash_):
        with connection.cursor() as cursor:
            cursor.execute(
                "INSERT INTO compliance_trafficlog (at, ip, method, path, status, user_agent, "
                "username, seq, prev_hash, hash) VALUES (%s, %s, 'GET', '/forged/', 200, '', '', "
                "%s, %s, %s)",
                [timezone.now(), "198.51.100.1", seq, prev_hash, hash_],
            )
        return TrafficLog.objects.get(path="/forged/")

    def test_traffic_log_chain_detects_inserted_row(self):
        # Someone with database access appends a row that looks chained, without the key.
        forged = self.raw_insert(6, self.rows[-1].hash, "f" * 64)
        message = self.broken()
        self.assertIn(f"id={forged.pk} seq=6", message)
        self.assertIn("does not match its hash", message)

    def test_a_row_written_around_the_chain_is_named(self):
        forged = self.raw_insert(None, "", "")
        self.assertIn(f"id={forged.pk}", self.broken())

    def test_an_edited_row_is_named(self):
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                cursor.execute(DISABLE_GUARD)
            cursor.execute(
                "UPDATE compliance_trafficlog SET ip = '192.0.2.9' WHERE id = %s", [self.rows[2].pk]
            )
        self.assertIn(f"id={self.rows[2].pk} seq=3", self.broken())

    def test_a_deleted_row_is_named_by_the_next_one(self):
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                cursor.execute(DISABLE_GUARD)
            cursor.execute("DELETE FROM compliance_trafficlog WHERE id = %s", [self.rows[2].pk])
        message = self.broken()
        self.assertIn(f"id={self.rows[3].pk} seq=4", message)
        self.assertIn("missing", message)


class ExportTests(TestCase):
    def test_officials_export_a_date_range_as_csv(self):
        from chiangkhian import roles
        from tests.base import make_user

        log("/in-range/")
        old = log("/too-old/", minutes_ago=60 * 24 * 10)
        self.client.force_login(make_user("web", roles.WEBMASTER))
        today = timezone.localdate()
        response = self.client.get(
            "/admin/compliance/trafficlog/export/",
            {"start": today - datetime.timedelta(days=2), "end": today},
        )
        content = b"".join(response.streaming_content).decode("utf-8-sig")
        self.assertIn("/in-range/", content)
        self.assertNotIn(old.path, content)
        self.assertIn("+07:00", content)
        self.assertTrue(content.startswith("time,source_ip"))

    def test_a_requester_cannot_export(self):
        from chiangkhian import roles
        from tests.base import make_user

        self.client.force_login(make_user("clerk", roles.REQUESTER))
        response = self.client.get("/admin/compliance/trafficlog/export/")
        self.assertEqual(response.status_code, 403)
