"""English pages write a Thai fiscal year as "FY 2027 (B.E. 2570)"; Thai pages as
"ปีงบประมาณ พ.ศ. 2570" (the fiscal year 2570 runs from October 2026 to September 2027)."""

from django.test import SimpleTestCase, override_settings
from django.utils import timezone, translation

from chiangkhian.thaidates import fiscal_year, format_fiscal_year
from tests.base import PersonaTestCase


@override_settings(THAI_DIGITS=False)
class FiscalYearFormatTests(SimpleTestCase):
    def test_english_gives_the_year_it_ends_in_and_the_buddhist_era_year(self):
        with translation.override("en"):
            self.assertEqual(format_fiscal_year(2570), "FY 2027 (B.E. 2570)")

    def test_thai_gives_the_buddhist_era_year_only(self):
        with translation.override("th"):
            self.assertEqual(format_fiscal_year(2570), "ปีงบประมาณ พ.ศ. 2570")


@override_settings(THAI_DIGITS=False)
class FiscalYearOnPagesTests(PersonaTestCase):
    def setUp(self):
        self.year = fiscal_year(timezone.localdate())

    def test_the_english_ita_page_writes_fy(self):
        response = self.client.get("/en/ita/")
        self.assertContains(response, f"FY {self.year - 543} (B.E. {self.year})")
        self.assertNotContains(response, f"fiscal year {self.year}")

    def test_the_english_evidence_page_writes_fy(self):
        response = self.client.get("/en/ita/evidence/")
        self.assertContains(response, f"ITA evidence, FY {self.year - 543} (B.E. {self.year})")

    def test_the_thai_ita_page_keeps_the_thai_form(self):
        response = self.client.get("/ita/")
        self.assertContains(response, f"ปีงบประมาณ พ.ศ. {self.year}")
        self.assertNotContains(response, "FY ")
