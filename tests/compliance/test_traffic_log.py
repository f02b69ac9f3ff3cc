"""Traffic data kept under the Computer Crime Act s.26 (announcement 3.4)."""

import datetime
import io

from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.test import SimpleTestCase, override_settings
from django.utils import timezone

from chiangkhian.models import User
from compliance.models import TrafficLog, TrafficLogIsAppendOnly
from tests.base import PersonaTestCase
from tests.chiangkhian.test_settings import run_manage

DAY = datetime.timedelta(days=1)
SECOND = datetime.timedelta(seconds=1)


def log_row(at, **fields):
    values = {"at": at, "ip": "203.0.113.1", "method": "GET", "path": "/", "status": 200}
    values.update(fields)
    return TrafficLog.objects.create(**values)


class WritingTests(PersonaTestCase):
    def test_a_public_request_is_logged_with_its_traffic_data(self):
        response = self.client.get("/", HTTP_USER_AGENT="Firefox/140", REMOTE_ADDR="203.0.113.5")
        row = TrafficLog.objects.get()
        self.assertEqual((row.method, row.path, row.status), ("GET", "/", 200))
        self.assertEqual((row.ip, row.user_agent), ("203.0.113.5", "Firefox/140"))
        self.assertEqual(row.size, len(response.content))
        self.assertEqual((row.user_id, row.username), (None, ""))
        self.assertLess(timezone.now() - row.at, datetime.timedelta(minutes=1))

    def test_staff_requests_name_the_user(self):
        self.client.force_login(self.webmaster)
        self.client.get("/admin/")
        row = TrafficLog.objects.get()
        self.assertEqual((row.user_id, row.username), (self.webmaster.pk, "webmaster"))

    def test_errors_and_query_strings_are_logged(self):
        self.client.get("/no-such-page/", {"q": "ภาษี"})
        row = TrafficLog.objects.get()
        self.assertEqual(
            (row.status, row.path), (404, "/no-such-page/?q=%E0%B8%A0%E0%B8%B2%E0%B8%A9%E0%B8%B5")
        )

    def test_the_visitor_address_behind_a_trusted_proxy(self):
        headers = {"REMOTE_ADDR": "127.0.0.1", "HTTP_X_FORWARDED_FOR": "10.0.0.1, 198.51.100.7"}
        self.client.get("/", **headers)
        with self.settings(TRUSTED_PROXY_COUNT=1):
            self.client.get("/", **headers)
        self.assertEqual(
            list(TrafficLog.objects.order_by("pk").values_list("ip", flat=True)),
            ["127.0.0.1", "198.51.100.7"],
        )


class AppendOnlyTests(PersonaTestCase):
    def test_rows_cannot_be_changed_or_deleted_through_the_application(self):
        row = log_row(timezone.now())
        row.path = "/changed/"
        for attempt in [
            row.save,
            row.delete,
            lambda: TrafficLog.objects.update(path="/x/"),
            lambda: TrafficLog.objects.filter(pk=row.pk).delete(),
        ]:
            with self.assertRaises(TrafficLogIsAppendOnly):
                attempt()
        self.assertEqual(TrafficLog.objects.get().path, "/")

    def test_the_admin_is_read_only_even_for_superusers(self):
        row = log_row(timezone.now())
        self.client.force_login(User.objects.create_superuser("root", "root@example.test", "x"))
        base = "/admin/compliance/trafficlog/"
        self.assertEqual(self.client.get(base).status_code, 200)
        change = self.client.get(f"{base}{row.pk}/change/")
        self.assertEqual(change.status_code, 200)
        self.assertNotContains(change, 'name="_save"')
        self.assertContains(change, "+07:00")
        self.assertEqual(self.client.get(f"{base}add/").status_code, 403)
        self.assertEqual(
            self.client.post(f"{base}{row.pk}/change/", {"path": "/x/"}).status_code, 403
        )
        self.assertEqual(
            self.client.post(f"{base}{row.pk}/delete/", {"post": "yes"}).status_code, 403
        )
        self.assertEqual(TrafficLog.objects.filter(path="/").count(), 1)

    def test_webmasters_read_it_and_requesters_do_not(self):
        self.client.force_login(self.webmaster)
        self.assertEqual(self.client.get("/admin/compliance/trafficlog/").status_code, 200)
        self.client.force_login(self.requester)
        self.assertEqual(self.client.get("/admin/compliance/trafficlog/").status_code, 403)


class PurgeTests(PersonaTestCase):
    def test_rows_go_exactly_after_the_retention_period(self):
        now = timezone.now()
        kept = log_row(now - 90 * DAY)
        log_row(now - 90 * DAY - SECOND)
        self.assertEqual(TrafficLog.objects.purge(now), 1)
        self.assertEqual(list(TrafficLog.objects.all()), [kept])

    def test_purging_twice_deletes_nothing_more(self):
        log_row(timezone.now() - 100 * DAY)
        out = io.StringIO()
        call_command("purge_traffic_log", stdout=out)
        call_command("purge_traffic_log", stdout=out)
        self.assertIn("1 traffic-log rows", out.getvalue())
        self.assertIn("0 traffic-log rows", out.getvalue())
        self.assertFalse(TrafficLog.objects.exists())

    @override_settings(TRAFFIC_LOG_RETENTION_DAYS=120)
    def test_a_longer_retention_keeps_more(self):
        log_row(timezone.now() - 100 * DAY)
        self.assertEqual(TrafficLog.objects.purge(), 0)

    @override_settings(TRAFFIC_LOG_RETENTION_DAYS=30)
    def test_a_retention_below_the_legal_minimum_is_refused(self):
        log_row(timezone.now() - 60 * DAY)
        with self.assertRaisesMessage(ImproperlyConfigured, "at least 90 days"):
            TrafficLog.objects.purge()
        self.assertEqual(TrafficLog.objects.count(), 1)


class RetentionSettingTests(SimpleTestCase):
    def test_the_site_refuses_to_start_below_90_days(self):
        result = run_manage("check", DEBUG="1", TRAFFIC_LOG_RETENTION_DAYS="30")
        self.assertNotEqual(result.returncode, 0)
        self.assertIn("TRAFFIC_LOG_RETENTION_DAYS is 30", result.stderr)
        self.assertIn("at least 90 days", result.stderr)
