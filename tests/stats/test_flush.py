"""flush_stats moves the buffered counts into the daily rows exactly once."""

import datetime
import io

from django.core.cache import cache
from django.core.management import call_command
from django.utils import timezone

from stats import buffer
from stats.models import DailyPageStats, DailySiteStats
from tests.base import PersonaTestCase

from .helpers import PHONE, flushed, visit


class FlushTests(PersonaTestCase):
    def test_flushing_twice_writes_the_counts_once(self):
        for url in ["/news/", "/news/", "/"]:
            visit(self.client, url)
        self.assertEqual(buffer.flush(), 3)
        self.assertEqual(buffer.flush(), 0)
        pages, site = flushed()
        self.assertEqual(pages, {"/news/": (2, 1), "/": (1, 1)})
        self.assertEqual(site, (3, 1))

    def test_visits_after_a_flush_are_added_to_the_same_rows(self):
        visit(self.client, "/news/")
        buffer.flush()
        visit(self.client, "/news/")
        visit(self.client, "/news/", agent=PHONE)
        pages, site = flushed()
        self.assertEqual(pages, {"/news/": (3, 2)})
        self.assertEqual(site, (3, 2))
        self.assertEqual(DailyPageStats.objects.count(), 1)

    def test_yesterdays_counts_still_waiting_go_to_yesterdays_row(self):
        today = timezone.localdate()
        yesterday = today - datetime.timedelta(days=1)
        buffer.record_visit(day=yesterday, path="/news/", visitor="a")
        buffer.record_visit(day=today, path="/news/", visitor="a")
        buffer.flush(today=today)
        rows = DailyPageStats.objects.order_by("date").values_list("date", "views", "visitors")
        self.assertEqual(list(rows), [(yesterday, 1, 1), (today, 1, 1)])

    def test_a_flush_already_running_is_not_run_twice(self):
        visit(self.client, "/news/")
        cache.add(buffer.LOCK, 1)
        self.assertEqual(buffer.flush(), 0)
        self.assertFalse(DailySiteStats.objects.exists())
        cache.delete(buffer.LOCK)
        self.assertEqual(buffer.flush(), 1)

    def test_a_failed_database_write_keeps_the_counts_for_the_next_flush(self):
        from unittest import mock

        visit(self.client, "/news/")
        with (
            mock.patch("stats.buffer._add_to_row", side_effect=RuntimeError),
            self.assertRaises(RuntimeError),
        ):
            buffer.flush()
        self.assertEqual(flushed()[0], {"/news/": (1, 1)})

    def test_the_command_reports_what_it_wrote(self):
        visit(self.client, "/news/")
        out = io.StringIO()
        call_command("flush_stats", stdout=out)
        call_command("flush_stats", stdout=out)
        self.assertEqual(
            out.getvalue().splitlines(), ["Flushed 1 page views.", "Flushed 0 page views."]
        )

    def test_the_footer_counter_shows_the_new_totals_after_a_flush(self):
        visit(self.client, "/news/")
        self.assertContains(self.client.get("/"), "<dd>0</dd>", count=3)
        buffer.flush()
        response = self.client.get("/")
        self.assertContains(response, "<dd>1</dd>", count=3)
