"""The public e-service statistics (ITA O10, O18): counts by month, quarter and fiscal year."""

import datetime
import re

from django.utils import timezone

from eservices import statistics
from eservices.models import Case

from .helpers import EserviceTestCase, file


def at(year, month, day):
    return timezone.make_aware(datetime.datetime(year, month, day, 10, 0))


class StatisticsTests(EserviceTestCase):
    def place(self, received, closed=None, due=None):
        case = file(self.complaints)
        Case.objects.filter(pk=case.pk).update(
            received_at=received,
            closed_at=closed,
            status="done" if closed else "in_progress",
            due_on=due or (received + datetime.timedelta(days=15)).date(),
        )
        return case

    def test_monthly_statistics_count_received_finished_in_progress(self):
        self.place(at(2026, 10, 3), closed=at(2026, 10, 13))  # in and out in October
        self.place(at(2026, 10, 20), closed=at(2026, 11, 2))  # in October, out November
        self.place(at(2026, 10, 25))  # still open: overdue by 9 November
        self.place(at(2026, 11, 5), due=datetime.date(2026, 12, 5))  # open, not yet due
        result = statistics.summary(year=2570, today=datetime.date(2026, 11, 30))
        october, november = result.rows
        self.assertEqual(
            (october.received, october.finished, october.in_progress, october.overdue),
            (3, 1, 2, 0),
        )
        self.assertEqual(
            (november.received, november.finished, november.in_progress, november.overdue),
            (1, 1, 2, 1),
        )
        self.assertEqual(october.average_days, 10)
        self.assertEqual(october.average_promised, 15)
        self.assertEqual(dict((s.slug, n) for s, n in result.services)["complaint"], 4)

    def test_quarters_and_fiscal_years(self):
        self.place(at(2026, 9, 30))  # FY 2569
        self.place(at(2026, 10, 1))  # FY 2570
        years = statistics.summary(year=2570, by="year", today=datetime.date(2026, 11, 30))
        self.assertEqual([row.received for row in years.rows], [1, 1])
        quarters = statistics.summary(year=2570, by="quarter", today=datetime.date(2026, 11, 30))
        self.assertEqual([row.received for row in quarters.rows], [1])

    def test_page_csv_and_constant_queries(self):
        self.place(timezone.now())
        page = self.client.get("/e-service/statistics/")
        self.assertContains(page, "<svg")
        self.assertContains(page, "เรื่องร้องเรียน/ร้องทุกข์")
        csv = self.client.get("/e-service/statistics.csv").content.decode("utf-8-sig")
        self.assertIn("เรื่องร้องเรียน/ร้องทุกข์,1", csv)
        self.assertConstantQueries(
            "/e-service/statistics/", lambda: [self.place(timezone.now()) for _ in range(4)]
        )
        self.assertEqual(self.client.get("/e-service/statistics/?fy=1999").status_code, 404)


class EvidenceTests(EserviceTestCase):
    def test_named_checks_follow_the_live_services(self):
        from eservices import evidence

        self.assertEqual(evidence.complaint_channel(), "/e-service/complaint/")
        self.assertIsNone(evidence.corruption_channel())
        self.complaints.is_online = False
        self.complaints.save()
        self.assertIsNone(evidence.e_service())
        self.assertIsNone(evidence.statistics_page())

    def test_ita_page_shows_the_live_services_as_the_evidence_of_o10(self):
        page = self.client.get("/ita/").content.decode()
        o10 = re.search(r'id="O10">(.*?)<li class="ita-indicator', page, re.S)
        self.assertIn('href="/e-service/"', o10.group(1))
        self.assertIn('href="/e-service/statistics/"', o10.group(1))
        self.assertNotIn("ยังไม่มีข้อมูลเผยแพร่", o10.group(1))
