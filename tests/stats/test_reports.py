"""Back-office reports of announcement 1.10: by period and page, comments, CSV for Excel."""

import csv
import datetime
import io

from django.utils import timezone

from chiangkhian.dateinput import format_date_input
from stats import survey
from stats.models import DailyPageStats, DailySiteStats
from tests.base import PersonaTestCase

from .helpers import make_item

REPORT = "/admin/stats/report/"
EXPORT = "/admin/stats/report/export/"
COMMENTS = "/admin/stats/surveyresponse/"


class ReportTests(PersonaTestCase):
    def setUp(self):
        self.today = timezone.localdate()
        self.item = make_item()
        self.yesterday = self.today - datetime.timedelta(days=1)
        DailySiteStats.objects.create(date=self.yesterday, views=30, visitors=12)
        DailySiteStats.objects.create(date=self.today, views=10, visitors=4)
        DailyPageStats.objects.create(date=self.today, path="/news/", views=6, visitors=3)
        DailyPageStats.objects.create(
            date=self.today, path=self.item.get_absolute_url(), views=4, visitors=2
        )
        survey.answer(day=self.today, path="", score=5, comment="เว็บไซต์ใช้งานง่าย", visitor="a")
        survey.answer(day=self.today, path="", score=4, comment="=HYPERLINK(1)", visitor="b")
        self.client.force_login(self.webmaster)

    def period(self, by="day", **extra):
        return {
            "date_from": format_date_input(self.yesterday),
            "date_to": format_date_input(self.today),
            "by": by,
            **extra,
        }

    def test_only_staff_with_the_report_permission_see_reports_and_comments(self):
        self.assertEqual(self.client.get(REPORT).status_code, 200)
        self.assertEqual(self.client.get(COMMENTS).status_code, 200)
        self.client.force_login(self.requester)
        for url in [REPORT, EXPORT, COMMENTS]:
            self.assertEqual(self.client.get(url).status_code, 403, url)
        self.client.logout()
        self.assertRedirects(self.client.get(REPORT), f"/admin/login/?next={REPORT}")

    def test_the_report_by_day_adds_up_the_period(self):
        response = self.client.get(REPORT, self.period())
        rows = response.context["rows"]
        self.assertEqual(
            [(r.key, r.views, r.visitors) for r in rows],
            [(self.yesterday, 30, 12), (self.today, 10, 4)],
        )
        total = response.context["total"]
        self.assertEqual(
            (total.views, total.visitors, total.responses, total.average), (40, 16, 2, 4.5)
        )

    def test_the_report_by_page_names_each_page(self):
        response = self.client.get(REPORT, self.period("page"))
        rows = {r.key: r for r in response.context["rows"]}
        self.assertEqual(rows["/news/"].label, "ข่าวประชาสัมพันธ์")
        self.assertEqual(rows[self.item.get_absolute_url()].label, self.item.title_th)
        self.assertEqual(rows[""].responses, 2)
        self.assertContains(response, "เว็บไซต์โดยรวม")

    def test_the_report_by_month_and_for_one_page(self):
        response = self.client.get(REPORT, self.period("month", path="/news/"))
        rows = response.context["rows"]
        self.assertEqual(sum(r.views for r in rows), 6)
        self.assertEqual(rows[-1].key, self.today.replace(day=1))

    def test_a_period_ending_before_it_starts_is_refused_in_thai(self):
        response = self.client.get(REPORT, {**self.period(), "date_to": "01/01/2563"})
        self.assertContains(response, "วันที่สิ้นสุดของรายงานต้องไม่ก่อนวันที่เริ่มต้น")
        self.assertIsNone(response.context["rows"])

    def test_the_csv_opens_in_excel_with_its_thai_text(self):
        response = self.client.get(EXPORT, self.period("page"))
        self.assertEqual(response["Content-Type"], "text/csv; charset=utf-8")
        self.assertIn("attachment;", response["Content-Disposition"])
        self.assertTrue(response.content.startswith(b"\xef\xbb\xbf"))
        lines = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
        self.assertEqual(lines[0][:3], ["หน้าเว็บ", "ที่อยู่หน้าเว็บ", "จำนวนการเปิดดู"])
        self.assertIn(["ข่าวประชาสัมพันธ์", "/news/", "6", "3", "0", ""], lines)

    def test_the_comments_csv_keeps_thai_comments_and_defuses_formulas(self):
        response = self.client.get(EXPORT, self.period(what="comments"))
        lines = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
        comments = [line[-1] for line in lines[1:]]
        self.assertIn("เว็บไซต์ใช้งานง่าย", comments)
        self.assertIn("'=HYPERLINK(1)", comments)
        self.assertIn("มากที่สุด", [line[5] for line in lines])

    def test_the_comments_list_reads_but_never_edits(self):
        response = self.client.get(COMMENTS)
        self.assertContains(response, "เว็บไซต์ใช้งานง่าย")
        answer = response.context["cl"].result_list[0]
        self.assertEqual(self.client.get(f"{COMMENTS}{answer.pk}/delete/").status_code, 403)
        self.assertEqual(self.client.get(f"{COMMENTS}add/").status_code, 403)

    def test_the_report_page_makes_the_same_queries_for_a_longer_period(self):
        short = self.period("page")
        DailyPageStats.objects.create(
            date=self.today, path="/news/general-news/", views=1, visitors=1
        )
        self.client.get(REPORT, short)
        with self.assertNumQueriesCaptured() as first:
            self.client.get(REPORT, short)
        for n in range(20):
            DailyPageStats.objects.create(date=self.today, path=f"/news/x{n}/", views=1, visitors=1)
        with self.assertNumQueriesCaptured() as second:
            self.client.get(REPORT, short)
        self.assertEqual(len(first), len(second))
