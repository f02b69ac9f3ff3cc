"""Checklist status from live items at a given moment (announcement 3.3)."""

import datetime
from pathlib import Path

from catalog.models import Item
from compliance import checklist
from compliance.status import Status, build_report
from tests.base import PersonaTestCase

from .helpers import DAY, SECOND, bangkok, make_executives, make_item

NOW = bangkok(2026, 3, 2, 10, 0)  # fiscal year 2569


def status_of(code, now=NOW):
    report = build_report(checklist.current_checklists(2569), now=now)
    return next(s for s in report.statuses if s.entry.code == code)


class PublicationAndExpiryTests(PersonaTestCase):
    def test_an_entry_is_missing_until_its_item_is_published(self):
        item = make_item("general/history", now=NOW, status=Item.Status.DRAFT)
        self.assertEqual(status_of("GWS-01").status, Status.MISSING)
        Item.objects.filter(pk=item.pk).update(status=Item.Status.PUBLISHED)
        self.assertEqual(status_of("GWS-01").status, Status.SATISFIED)
        self.assertEqual(status_of("GWS-01").items, [item])

    def test_the_entry_goes_missing_the_second_its_only_item_expires(self):
        make_item("general/history", now=NOW, expire_at=NOW)
        self.assertEqual(status_of("GWS-01", NOW - SECOND).status, Status.SATISFIED)
        self.assertEqual(status_of("GWS-01", NOW).status, Status.MISSING)
        self.assertEqual(status_of("GWS-01", NOW + SECOND).status, Status.MISSING)

    def test_the_entry_is_satisfied_from_the_second_of_publication(self):
        make_item("general/history", now=NOW, publish_at=NOW)
        self.assertEqual(status_of("GWS-01", NOW - SECOND).status, Status.MISSING)
        self.assertEqual(status_of("GWS-01", NOW).status, Status.SATISFIED)

    def test_withdrawn_items_do_not_count(self):
        make_item("general/history", now=NOW, status=Item.Status.WITHDRAWN)
        self.assertEqual(status_of("GWS-01").status, Status.MISSING)


class FreshnessTests(PersonaTestCase):
    def budget(self, year_start, **fields):
        # OIC-T3-3 asks for the action plan of the current fiscal year.
        return make_item(
            "general/action-plan",
            title_th="แผนการดำเนินงานประจำปี",
            data_from=datetime.date(year_start, 10, 1),
            data_to=datetime.date(year_start + 1, 9, 30),
            expire_at=bangkok(2030, 1, 1, 0, 0),
            **fields,
        )

    def test_an_annual_entry_goes_stale_when_the_fiscal_year_turns(self):
        # Budget of fiscal year 2568 (Oct 2024 - Sep 2025).
        self.budget(2024, publish_at=bangkok(2024, 9, 15, 9, 0))
        self.assertEqual(
            status_of("OIC-T3-3", bangkok(2025, 9, 30, 23, 59, 59)).status, "satisfied"
        )
        self.assertEqual(status_of("OIC-T3-3", bangkok(2025, 10, 1, 0, 0)).status, "stale")

    def test_next_years_budget_published_in_september_is_current_on_1_october(self):
        self.budget(2025, publish_at=bangkok(2025, 9, 20, 9, 0))
        self.assertEqual(status_of("OIC-T3-3", bangkok(2025, 10, 1, 0, 0)).status, "satisfied")

    def test_a_monthly_summary_counts_in_its_month_and_the_next(self):
        make_item(
            "public-info/procurement-summary",
            title_th="สรุปผลการจัดซื้อจัดจ้าง ประจำเดือนมีนาคม 2569",
            data_from=datetime.date(2026, 3, 1),
            data_to=datetime.date(2026, 3, 31),
            publish_at=bangkok(2026, 4, 5, 9, 0),
            expire_at=bangkok(2027, 1, 1, 0, 0),
        )
        # Published in April, it covers March: current in April, stale from 1 May.
        self.assertEqual(status_of("OIC-PROC-M", bangkok(2026, 4, 30, 23, 59)).status, "satisfied")
        self.assertEqual(status_of("OIC-PROC-M", bangkok(2026, 5, 1, 0, 0)).status, "stale")

    def test_a_quarterly_report_counts_in_its_quarter_and_the_next(self):
        make_item(
            "public-info/corruption-statistics",
            title_th="ข้อมูลสถิติเรื่องร้องเรียนการทุจริต ไตรมาสที่ 2",
            data_from=datetime.date(2026, 1, 1),
            data_to=datetime.date(2026, 3, 31),
            publish_at=bangkok(2026, 4, 3, 9, 0),
            expire_at=bangkok(2027, 1, 1, 0, 0),
        )
        self.assertEqual(status_of("ITA69-O18", bangkok(2026, 6, 30, 23, 59)).status, "satisfied")
        self.assertEqual(status_of("ITA69-O18", bangkok(2026, 7, 1, 0, 0)).status, "stale")

    def test_a_stale_entry_keeps_its_items_and_names_the_latest_date(self):
        item = self.budget(2023, publish_at=bangkok(2023, 9, 15, 9, 0))
        entry = status_of("OIC-T3-3")
        self.assertEqual(entry.items, [item])
        self.assertEqual(entry.evidence, [])
        self.assertEqual(entry.latest_reference, datetime.date(2024, 9, 30))
        self.assertEqual(entry.window_start, datetime.date(2025, 10, 1))


class SharedSubcategoryTests(PersonaTestCase):
    def test_listings_decide_between_indicators_not_title_words(self):
        plan = make_item("public-info/anti-corruption-plan", now=NOW, title_th="แผนปฏิบัติการ ปี 2569")
        risk = make_item("public-info/risk-assessment", now=NOW, title_th="เอกสารประจำปี 2569")
        make_item("public-info/integrity", now=NOW, title_th="รายงานผลการบริหารความเสี่ยงการทุจริต")
        self.assertEqual(status_of("ITA69-O23").items, [plan])
        self.assertEqual(status_of("ITA69-O21").items, [risk])
        self.assertEqual(status_of("ITA69-O22").status, Status.MISSING)


class ReportTests(PersonaTestCase):
    def test_it_names_the_items_their_last_update_and_their_unit(self):
        item = make_item("general/structure", now=NOW, owner_unit=self.finance, source="")
        entry = status_of("OIA-7-1")
        self.assertEqual(entry.items, [item])
        self.assertEqual(entry.units, ["กองคลัง"])
        item.refresh_from_db()
        self.assertEqual(entry.last_update, item.updated_at)

    def test_the_score_counts_satisfied_entries_only(self):
        gws = next(c for c in checklist.load_all() if c.source == "GWS")
        before = build_report([gws], now=NOW)
        make_item("general/history", now=NOW)
        report = build_report([gws], now=NOW)
        self.assertEqual(report.count(Status.SATISFIED), before.count(Status.SATISFIED) + 1)
        self.assertEqual(
            report.score, round(100 * report.count(Status.SATISFIED) / len(gws.entries))
        )
        self.assertEqual(
            len(report.filtered(status=Status.MISSING)), before.count(Status.MISSING) - 1
        )

    def test_a_subcategory_the_site_no_longer_has_is_reported(self):
        entry = checklist.Entry(
            code="X-1", name_th="ทดสอบ", name_en="Test", source="GWS", document="-",
            citations=("-",), confidence="I", satisfied_by=("general/renamed",), freshness="once",
        )  # fmt: skip
        fake = checklist.Checklist(
            path=Path("x.toml"), source="GWS", version="1", title_th="t", title_en="t",
            document="-", citations=("-",), fiscal_year=None, note="", entries=(entry,),
        )  # fmt: skip
        status = build_report([fake], now=NOW).statuses[0]
        self.assertEqual(status.status, Status.MISSING)
        self.assertEqual(status.unknown_slugs, ["general/renamed"])

    def test_three_queries_whatever_the_amount_of_content(self):
        """The listings, their live items, and the e-services online (eservices/checks.py)."""
        checklists = checklist.current_checklists(2569)
        make_item("general/history", now=NOW)
        with self.assertNumQueries(3):
            build_report(checklists, now=NOW, municipality=None)
        for index in range(5):
            make_item("news/general-news", now=NOW, title_th=f"ข่าว {index}", publish_at=NOW - DAY)
            make_item("public-info/risk-report", now=NOW, title_th=f"รายงานความเสี่ยง {index}")
            make_executives(now=NOW, title_th=f"ผู้บริหาร {index}")
        with self.assertNumQueries(3):
            build_report(checklists, now=NOW, municipality=None)
