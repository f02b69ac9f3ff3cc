"""The public statistics of announcement 1.10 and the visitor counter on every page."""

import datetime
import re

from django.core.cache import cache
from django.utils import timezone

from catalog.models import Item
from stats import survey
from stats.models import DailyPageStats, DailySiteStats
from tests.base import PersonaTestCase

from .helpers import make_item

PAGE = "/statistics/"


def add_days(days, visitors=100, views=250):
    today = timezone.localdate()
    for offset in range(days):
        DailySiteStats.objects.update_or_create(
            date=today - datetime.timedelta(days=offset),
            defaults={"visitors": visitors, "views": views},
        )


class StatisticsPageTests(PersonaTestCase):
    def test_it_replaces_the_catalog_page_of_category_1_10(self):
        response = self.client.get(PAGE)
        self.assertTemplateUsed(response, "stats/statistics.html")
        self.assertContains(response, "สถิติผู้เข้าชมและความพึงพอใจ")
        self.assertRedirects(self.client.get("/statistics/visitors/"), PAGE)
        self.assertRedirects(self.client.get("/en/statistics/visitors/"), "/en" + PAGE)

    def test_the_charts_are_accessible_svg_with_a_table_of_the_same_figures(self):
        add_days(40)
        html = self.client.get(PAGE).content.decode()
        charts = re.findall(r'<svg class="chart"[^>]*role="img"[^>]*>', html)
        self.assertEqual(len(charts), 2)
        self.assertIn('<title id="daily-chart-title">', html)
        self.assertIn('<desc id="daily-chart-desc">', html)
        self.assertEqual(html.count('<rect class="chart-bar"'), 30 + 12)
        self.assertEqual(len(re.findall(r"<tr><th scope=\"row\"><time", html)), 30)

    def test_dates_are_in_the_buddhist_era_with_thai_months(self):
        add_days(3)
        today = timezone.localdate()
        html = self.client.get(PAGE).content.decode()
        self.assertIn(str(today.year + 543), html)
        self.assertIn(
            (
                "ม.ค.",
                "ก.พ.",
                "มี.ค.",
                "เม.ย.",
                "พ.ค.",
                "มิ.ย.",
                "ก.ค.",
                "ส.ค.",
                "ก.ย.",
                "ต.ค.",
                "พ.ย.",
                "ธ.ค.",
            )[today.month - 1],
            html,
        )

    def test_the_totals_count_today_this_month_and_everything(self):
        today = timezone.localdate()
        DailySiteStats.objects.create(date=today, visitors=7, views=20)
        DailySiteStats.objects.create(
            date=today.replace(day=1) - datetime.timedelta(days=1), visitors=1000, views=3000
        )
        if today.day > 1:
            DailySiteStats.objects.create(date=today.replace(day=1), visitors=30, views=90)
        month = 7 + (30 if today.day > 1 else 0)
        html = self.client.get(PAGE).content.decode()
        tiles = re.search(r'<dl class="stat-tiles">.*?</dl>', html, re.S)[0]
        self.assertEqual(
            re.findall(r"<dd>([\d,]+)</dd>", tiles),
            ["7", str(month), f"{1000 + month:,}", f"{3000 + 20 + (90 if today.day > 1 else 0):,}"],
        )

    def test_the_most_viewed_pages_are_named_and_withdrawn_items_left_out(self):
        live, withdrawn = make_item(), make_item(title="ข่าวที่ถอนแล้ว")
        Item.objects.filter(pk=withdrawn.pk).update(status=Item.Status.WITHDRAWN)
        today = timezone.localdate()
        for path, views in [
            ("/news/", 50),
            (live.get_absolute_url(), 40),
            (withdrawn.get_absolute_url(), 90),
            ("/gone/", 80),
        ]:
            DailyPageStats.objects.create(date=today, path=path, views=views, visitors=views // 2)
        html = self.client.get(PAGE).content.decode()
        table = re.search(r'<table class="top-pages">.*?</table>', html, re.S)[0]
        self.assertIn("ข่าวประชาสัมพันธ์", table)
        self.assertIn(live.title_th, table)
        self.assertNotIn("ข่าวที่ถอนแล้ว", table)
        self.assertNotIn("/gone/", table)
        self.assertLess(table.index("ข่าวประชาสัมพันธ์"), table.index(live.title_th))

    def test_the_satisfaction_level_gives_average_count_and_distribution(self):
        today = timezone.localdate()
        for n, score in enumerate([5, 5, 4, 3]):
            survey.answer(day=today, path="", score=score, comment="", visitor=f"v{n}")
        html = self.client.get(PAGE).content.decode()
        self.assertIn('<span class="satisfaction-average">4.25</span>', html)
        self.assertIn("ระดับมาก", html)
        self.assertIn("4 คำตอบ", html)
        distribution = re.search(r'<table class="distribution">.*?</table>', html, re.S)[0]
        self.assertIn("50%", distribution)
        self.assertIn("25%", distribution)

    def test_english_is_one_switch_away(self):
        response = self.client.get("/en" + PAGE)
        self.assertContains(response, "Visitor statistics and satisfaction")
        self.assertContains(response, "Visitors per day, last 30 days")

    def test_the_privacy_notice_says_what_is_counted_and_for_how_long(self):
        with self.settings(STATS_RETENTION_DAYS=60):
            response = self.client.get(PAGE)
        self.assertContains(response, 'id="privacy"')
        self.assertContains(response, "60 วัน")
        self.assertContains(response, "ไม่เก็บหมายเลขไอพี")

    def test_query_count_does_not_grow_with_the_data(self):
        # Among the most viewed, one page of each kind the titles are looked up for (an item,
        # a subcategory, a category): at most three lookups, whatever the number of pages.
        today = timezone.localdate()
        for path in [make_item().get_absolute_url(), "/news/general-news/", "/news/"]:
            DailyPageStats.objects.create(date=today, path=path, views=1000, visitors=1)

        def grow():
            add_days(400)
            today = timezone.localdate()
            for n in range(15):
                item = make_item(title=f"ข่าว {n}")
                DailyPageStats.objects.create(
                    date=today, path=item.get_absolute_url(), views=n + 1, visitors=1
                )
                DailyPageStats.objects.create(date=today, path=f"/news/x{n}/", views=n, visitors=1)
                survey.answer(day=today, path="", score=n % 5 + 1, comment="", visitor=f"v{n}")

        self.assertConstantQueries(PAGE, grow)


class VisitorCounterTests(PersonaTestCase):
    def test_every_public_page_shows_today_this_month_and_the_total(self):
        add_days(2, visitors=1234)
        for url in ["/", "/news/", PAGE, "/statistics/satisfaction/"]:
            html = self.client.get(url).content.decode()
            counter = re.search(
                r'<section class="container visitor-counter".*?</section>', html, re.S
            )
            self.assertIsNotNone(counter, url)
            self.assertIn("วันนี้", counter[0])
            self.assertIn("1,234", counter[0])

    def test_the_counter_costs_one_query_whatever_the_data_and_none_once_cached(self):
        def counter_queries(captured):
            return [q for q in captured.captured_queries if "stats_dailysitestats" in q["sql"]]

        def queries_without_cache():
            cache.clear()
            with self.assertNumQueriesCaptured() as captured:
                self.client.get("/")
            return captured

        self.client.get("/")  # warm per-process caches
        before = queries_without_cache()
        self.assertEqual(len(counter_queries(before)), 1)
        add_days(800)
        self.assertEqual(len(queries_without_cache()), len(before))
        with self.assertNumQueriesCaptured() as cached:
            self.client.get("/")
        self.assertEqual(counter_queries(cached), [])
