"""<time datetime> values are valid HTML: no microseconds, a proper offset (Nu HTML checker)."""

import datetime
import re

from django.utils import timezone

from chiangkhian.templatetags.thai import isotime
from tests.base import PersonaTestCase
from tests.catalog.helpers import make_item

# A valid date string, or a global date and time string with seconds at most (HTML 4.6.1).
VALID = re.compile(r"^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2})?([+-]\d{2}:\d{2}|Z))?$")


class TimeElementTests(PersonaTestCase):
    def setUp(self):
        moment = timezone.now().replace(microsecond=123456) - datetime.timedelta(days=1)
        self.item = make_item(publish_at=moment, title_th="ประกาศทดสอบเวลา")

    def _datetimes(self, url):
        html = self.client.get(url).content.decode()
        return re.findall(r'<time datetime="([^"]*)"', html)

    def test_public_pages_write_valid_datetime_values(self):
        sub = self.item.subcategory
        for url in ["/", "/en/", sub.get_absolute_url(), self.item.get_absolute_url()]:
            values = self._datetimes(url)
            with self.subTest(url=url):
                self.assertTrue(values)
                self.assertEqual([v for v in values if not VALID.match(v)], [])

    def test_the_filter_keeps_local_time_and_its_offset(self):
        moment = datetime.datetime(2026, 12, 1, 3, 4, 5, 678901, tzinfo=datetime.UTC)
        self.assertEqual(isotime(moment), "2026-12-01T10:04:05+07:00")
        self.assertEqual(isotime(datetime.date(2026, 12, 1)), "2026-12-01")
        self.assertEqual(isotime(None), "")
