"""The events calendar: dated live items as a list, a month grid and .ics files."""

import datetime

from django.test import TestCase
from django.utils import timezone
from icalendar import Calendar

from catalog.models import CouncilDetail, Item, NewsDetail
from tests.base import QueryCountMixin, make_municipality
from tests.catalog.helpers import make_item

TODAY = timezone.localdate()
DAY = datetime.timedelta(days=1)


def make_event(title, on, ends=None, place="ลานอเนกประสงค์", **fields):
    item = make_item("activities", kind=Item.Kind.NEWS, title_th=title, **fields)
    NewsDetail.objects.create(
        item=item, news_kind="activity", event_on=on, event_ends_on=ends, location=place
    )
    return item


def be_month(day):
    return f"/events/{day.year + 543}/{day.month}/"


class EventPagesTests(QueryCountMixin, TestCase):
    @classmethod
    def setUpTestData(cls):
        make_municipality()
        cls.fair = make_event("งานประเพณียี่เป็ง", TODAY + 3 * DAY, TODAY + 5 * DAY)
        cls.past = make_event("แข่งขันกีฬาต้านยาเสพติด", TODAY - 20 * DAY)
        cls.draft = make_event("กิจกรรมที่ยังไม่อนุมัติ", TODAY + 2 * DAY, status=Item.Status.DRAFT)

    def test_list_shows_upcoming_and_past_live_events_only(self):
        page = self.client.get("/events/").content.decode()
        self.assertIn("งานประเพณียี่เป็ง", page)
        self.assertIn("แข่งขันกีฬาต้านยาเสพติด", page)
        self.assertNotIn("กิจกรรมที่ยังไม่อนุมัติ", page)
        self.assertLess(page.index("งานประเพณียี่เป็ง"), page.index("แข่งขันกีฬาต้านยาเสพติด"))

    def test_event_ics_download(self):
        response = self.client.get(f"/events/{self.fair.pk}.ics")
        self.assertEqual(response["Content-Type"], "text/calendar; charset=utf-8")
        self.assertIn("attachment", response["Content-Disposition"])
        (event,) = Calendar.from_ical(response.content).walk("VEVENT")
        self.assertEqual(str(event["SUMMARY"]), "งานประเพณียี่เป็ง")
        self.assertEqual(event.decoded("DTSTART"), TODAY + 3 * DAY)
        # All day until the 5th: DTEND is the day after the last day.
        self.assertEqual(event.decoded("DTEND"), TODAY + 6 * DAY)
        self.assertEqual(str(event["LOCATION"]), "ลานอเนกประสงค์")
        self.assertTrue(str(event["URL"]).endswith(self.fair.get_absolute_url()))

    def test_ics_of_an_unpublished_item_is_not_found(self):
        self.assertEqual(self.client.get(f"/events/{self.draft.pk}.ics").status_code, 404)

    def test_feed_lists_upcoming_live_events_and_council_meetings(self):
        notice = make_item("council-notices", kind=Item.Kind.COUNCIL, title_th="เรียกประชุมสภา")
        CouncilDetail.objects.create(
            item=notice,
            document_type="notice",
            session="สมัยสามัญ สมัยที่ 4",
            meeting_number="ครั้งที่ 1/2569",
            meeting_on=TODAY + 7 * DAY,
            meeting_time=datetime.time(9, 30),
        )
        response = self.client.get("/events/calendar.ics")
        summaries = [str(e["SUMMARY"]) for e in Calendar.from_ical(response.content).walk("VEVENT")]
        self.assertEqual(summaries, ["งานประเพณียี่เป็ง", "เรียกประชุมสภา"])
        self.assertNotIn(b"Set-Cookie", response.serialize_headers())

    def test_month_view_is_a_table_with_thai_month_and_the_event_on_its_days(self):
        response = self.client.get(be_month(self.fair.newsdetail.event_on))
        page = response.content.decode()
        self.assertIn("<table", page)
        self.assertIn('<th scope="col">', page)
        month = self.fair.newsdetail.event_on
        thai_months = ["มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน",
                       "กรกฎาคม", "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม"]  # fmt: skip
        self.assertIn(f"{thai_months[month.month - 1]} {month.year + 543}", page)
        self.assertIn(f'href="#event-{self.fair.pk}"', page)
        self.assertNotIn("กิจกรรมที่ยังไม่อนุมัติ", page)

    def test_month_out_of_range_is_not_found(self):
        self.assertEqual(self.client.get("/events/2569/13/").status_code, 404)
        self.assertEqual(self.client.get("/events/1999/1/").status_code, 404)

    def test_query_counts_do_not_grow_with_events(self):
        def grow():
            for n in range(5):
                make_event(f"กิจกรรม {n}", TODAY + (n + 1) * DAY)
                make_event(f"กิจกรรมที่ผ่านมา {n}", TODAY - (n + 30) * DAY)

        self.assertConstantQueries("/events/", grow)
        self.assertConstantQueries(be_month(TODAY), grow)
        self.assertConstantQueries("/events/calendar.ics", grow)
