import datetime
from zoneinfo import ZoneInfo

from django.test import SimpleTestCase, override_settings
from django.utils import translation

from chiangkhian.thaidates import fiscal_year, fiscal_year_bounds, format_date


class ThaiDateTests(SimpleTestCase):
    def test_long_and_short_buddhist_era_dates(self):
        day = datetime.date(2019, 10, 2)
        with translation.override("th"), override_settings(THAI_DIGITS=False):
            self.assertEqual(format_date(day), "2 ตุลาคม 2562")
            self.assertEqual(format_date(day, "short"), "2 ต.ค. 2562")

    @override_settings(THAI_DIGITS=True)
    def test_thai_digits(self):
        with translation.override("th"):
            self.assertEqual(format_date(datetime.date(2019, 10, 2)), "๒ ตุลาคม ๒๕๖๒")

    def test_aware_datetimes_show_bangkok_time(self):
        moment = datetime.datetime(2026, 1, 1, 17, 30, tzinfo=ZoneInfo("UTC"))
        with translation.override("th"), override_settings(THAI_DIGITS=False):
            self.assertEqual(format_date(moment, "datetime"), "2 ม.ค. 2569 00:30 น.")

    def test_english_pages_use_the_gregorian_calendar(self):
        with translation.override("en"):
            self.assertEqual(format_date(datetime.date(2019, 10, 2)), "2 October 2019")

    def test_fiscal_year_starts_in_october(self):
        self.assertEqual(fiscal_year(datetime.date(2025, 9, 30)), 2568)
        self.assertEqual(fiscal_year(datetime.date(2025, 10, 1)), 2569)

    def test_fiscal_year_bounds_run_from_october_to_september(self):
        start, end = fiscal_year_bounds(2569)
        self.assertEqual((start, end), (datetime.date(2025, 10, 1), datetime.date(2026, 9, 30)))
        self.assertEqual({fiscal_year(start), fiscal_year(end)}, {2569})
