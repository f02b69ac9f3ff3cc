"""Items near their end or review date, listed and e-mailed to the webmasters (3.2)."""

import datetime
import io

from django.core import mail
from django.core.management import call_command
from django.test import override_settings

from catalog.models import Item
from compliance.digest import due_items, send_review_digest
from compliance.models import ReviewDigest
from tests.base import PersonaTestCase

from .helpers import DAY, bangkok, make_item

NOW = bangkok(2026, 3, 2, 7, 0)


class DueItemsTests(PersonaTestCase):
    def test_items_ending_or_due_for_review_within_the_window_are_listed(self):
        ending = make_item(
            "news/jobs", now=NOW, title_th="รับสมัครพนักงานจ้าง", expire_at=NOW + 14 * DAY
        )
        review = make_item(
            now=NOW, expire_at=None, no_end_reason="ประวัติ", review_at=datetime.date(2026, 3, 10)
        )
        make_item("news/general-news", now=NOW, title_th="ข่าวทั่วไป", expire_at=NOW + 15 * DAY)
        self.assertEqual(due_items(NOW), ([ending], [review]))

    @override_settings(COMPLIANCE_REVIEW_WINDOW_DAYS=30)
    def test_the_window_is_a_setting(self):
        later = make_item("news/general-news", now=NOW, expire_at=NOW + 20 * DAY)
        self.assertEqual(due_items(NOW)[0], [later])

    def test_the_back_office_lists_them_for_webmasters_only(self):
        make_item(
            "news/jobs",
            title_th="รับสมัครพนักงานจ้างตามภารกิจ",
            expire_at=None,
            no_end_reason="x",
            review_at=datetime.date.today() + 3 * DAY,
        )
        self.client.force_login(self.webmaster)
        response = self.client.get("/admin/compliance/monitoring/due/")
        self.assertContains(response, "รับสมัครพนักงานจ้างตามภารกิจ")
        self.assertContains(response, "ใกล้สิ้นสุดการเผยแพร่หรือถึงกำหนดทบทวน")
        self.client.force_login(self.requester)
        self.assertEqual(self.client.get("/admin/compliance/monitoring/due/").status_code, 403)


class DigestTests(PersonaTestCase):
    def setUp(self):
        make_item("news/jobs", now=NOW, title_th="ประกาศรับสมัครพนักงานจ้าง", expire_at=NOW + 5 * DAY)

    def test_the_webmasters_get_a_thai_digest(self):
        digest = send_review_digest(now=NOW)
        self.assertEqual(len(mail.outbox), 1)
        message = mail.outbox[0]
        self.assertEqual(sorted(message.to), ["webmaster2@example.test", "webmaster@example.test"])
        self.assertIn("ประกาศรับสมัครพนักงานจ้าง", message.body)
        self.assertIn("สิ้นสุดระยะเวลาการเผยแพร่", message.body)
        self.assertIn("2 มี.ค. 2569", message.subject)
        self.assertEqual((digest.ending_count, digest.review_count), (1, 0))

    def test_it_is_sent_once_a_day(self):
        self.assertIsNotNone(send_review_digest(now=NOW))
        self.assertIsNone(send_review_digest(now=NOW + datetime.timedelta(hours=12)))
        self.assertEqual(len(mail.outbox), 1)
        self.assertEqual(ReviewDigest.objects.get().day, datetime.date(2026, 3, 2))
        send_review_digest(now=NOW + DAY)
        self.assertEqual(len(mail.outbox), 2)

    def test_the_day_is_the_bangkok_day(self):
        send_review_digest(now=bangkok(2026, 3, 2, 23, 30))
        # 00:30 in Bangkok on 3 March is still 2 March in UTC: a new day here all the same.
        self.assertIsNotNone(send_review_digest(now=bangkok(2026, 3, 3, 0, 30)))

    def test_nothing_due_is_recorded_but_not_sent(self):
        # The take-down has recorded the item that ended: nothing is overdue or due.
        Item.objects.update(status=Item.Status.EXPIRED)
        digest = send_review_digest(now=NOW + 30 * DAY)
        self.assertEqual(mail.outbox, [])
        self.assertEqual(digest.ending_count, 0)

    def test_the_command_runs_twice_and_sends_once(self):
        out = io.StringIO()
        call_command("send_review_digest", stdout=out)
        call_command("send_review_digest", stdout=out)
        self.assertIn("already sent", out.getvalue())
        self.assertEqual(ReviewDigest.objects.count(), 1)


@override_settings(SITE_URL="https://www.chiangkhian.example", THAI_DIGITS=False)
class DigestContentTests(PersonaTestCase):
    def _body(self):
        send_review_digest(now=NOW)
        return mail.outbox[0].body

    def test_every_link_is_absolute(self):
        item = make_item("news/jobs", now=NOW, title_th="ประกาศรับสมัคร", expire_at=NOW + 5 * DAY)
        body = self._body()
        self.assertIn(f"https://www.chiangkhian.example{item.get_absolute_url()}", body)
        self.assertIn("https://www.chiangkhian.example/admin/compliance/monitoring/", body)
        paths = [line.strip() for line in body.splitlines() if line.strip().startswith("/")]
        self.assertEqual(paths, [])

    def test_overdue_items_are_listed_apart_from_those_due_soon(self):
        make_item(
            now=NOW,
            title_th="ประวัติที่เลยกำหนดทบทวน",
            expire_at=None,
            no_end_reason="ประวัติ",
            review_at=datetime.date(2026, 2, 20),
        )
        ended = make_item("news/jobs", now=NOW, title_th="ประกาศที่หมดอายุแล้ว", expire_at=NOW - DAY)
        make_item("news/jobs", now=NOW, title_th="ประกาศใกล้หมดอายุ", expire_at=NOW + 5 * DAY)
        body = self._body()
        overdue = body[: body.index("ประกาศใกล้หมดอายุ")]
        self.assertIn("เลยกำหนดแล้ว 2 รายการ", overdue)
        self.assertIn("ประวัติที่เลยกำหนดทบทวน — ครบกำหนดทบทวนเมื่อ 20 ก.พ. 2569", overdue)
        self.assertIn("ประกาศที่หมดอายุแล้ว — สิ้นสุดเมื่อ", overdue)
        # Past its end it is no longer public: the link is its back-office page.
        self.assertIn(f"https://www.chiangkhian.example/admin/catalog/item/{ended.pk}/", body)
        self.assertIn("เลยกำหนด 2 รายการ", mail.outbox[0].subject)
        due_soon = body[body.index("ประกาศใกล้หมดอายุ") :]
        self.assertNotIn("ประวัติที่เลยกำหนดทบทวน", due_soon)
