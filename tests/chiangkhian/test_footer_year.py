"""The footer's copyright line shows the year: Buddhist Era in Thai, A.D. in English."""

import datetime
import re
from unittest import mock
from zoneinfo import ZoneInfo

from django.test import override_settings
from django.utils import timezone

from tests.base import PersonaTestCase

MOMENT = datetime.datetime(2026, 12, 1, 9, 0, tzinfo=ZoneInfo("Asia/Bangkok"))


@override_settings(THAI_DIGITS=False)
class FooterYearTests(PersonaTestCase):
    def _copyright(self, url):
        with mock.patch.object(timezone, "now", return_value=MOMENT):
            html = self.client.get(url).content.decode()
        return re.search(r'<p class="container copyright">(.*?)</p>', html, re.S)[1].strip()

    def test_thai_pages_show_the_buddhist_era_year(self):
        self.assertEqual(self._copyright("/"), "© 2569 เทศบาลตำบลทดสอบ")

    def test_english_pages_show_the_gregorian_year(self):
        self.assertEqual(self._copyright("/en/"), "© 2026 Test Subdistrict Municipality")
