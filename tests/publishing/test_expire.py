"""Announcement 3.2: what has reached the end of its period is taken down, and it is recorded."""

import datetime
import io

from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from catalog.models import Item
from publishing import transitions
from publishing.models import Notification
from tests.publishing.base import Status, WorkflowTestCase

SECOND = datetime.timedelta(seconds=1)


class ExpireTests(WorkflowTestCase):
    def test_it_does_nothing_before_the_end_and_once_after_it(self):
        pr = self.bring_to(Status.PUBLISHED)
        item = pr.item
        self.assertFalse(transitions.expire(item=item, now=item.expire_at - SECOND))
        self.assertTrue(transitions.expire(item=item, now=item.expire_at))
        self.assertFalse(transitions.expire(item=item, now=item.expire_at + SECOND))
        pr.refresh_from_db()
        item.refresh_from_db()
        self.assertEqual((pr.status, item.status), (Status.EXPIRED, Item.Status.EXPIRED))
        self.assertEqual(pr.changes.filter(action="expire").count(), 1)
        self.assertIsNone(pr.changes.last().by)

    def test_it_tells_the_owner_and_the_webmasters(self):
        pr = self.bring_to(Status.PUBLISHED)
        mail.outbox.clear()
        with self.captureOnCommitCallbacks(execute=True):
            transitions.expire(item=pr.item, now=pr.item.expire_at)
        recipients = {message.to[0] for message in mail.outbox}
        expected = {self.requester.email, self.webmaster.email, self.webmaster2.email}
        self.assertEqual(recipients, expected)
        self.assertIn("สิ้นสุดระยะเวลาเผยแพร่", mail.outbox[0].body)
        notices = Notification.objects.filter(request=pr, message__contains="สิ้นสุด")
        self.assertEqual(notices.count(), 3)

    def test_an_item_without_an_end_never_expires(self):
        pr = self.bring_to(
            Status.PUBLISHED,
            expire_at=None,
            review_at=datetime.date(2030, 1, 1),
            no_end_reason="กฎหมายที่ใช้บังคับอยู่",
        )
        future = timezone.now() + datetime.timedelta(days=3650)
        self.assertFalse(transitions.expire(item=pr.item, now=future))

    def test_a_withdrawn_item_is_not_expired(self):
        pr = self.bring_to(Status.WITHDRAWN)
        self.assertFalse(transitions.expire(item=pr.item, now=pr.item.expire_at))
        pr.refresh_from_db()
        self.assertEqual(pr.status, Status.WITHDRAWN)


class TakeDownCommandTests(WorkflowTestCase):
    def test_running_it_twice_takes_each_item_down_once(self):
        ended = self.bring_to(Status.PUBLISHED)
        running = self.bring_to(Status.PUBLISHED)
        Item.objects.filter(pk=ended.item_id).update(expire_at=timezone.now() - SECOND)
        first, second = io.StringIO(), io.StringIO()
        call_command("take_down_expired", stdout=first)
        call_command("take_down_expired", stdout=second)
        self.assertIn("1 item(s)", first.getvalue())
        self.assertIn("0 item(s)", second.getvalue())
        self.assertEqual(Item.objects.get(pk=ended.item_id).status, Item.Status.EXPIRED)
        self.assertEqual(Item.objects.get(pk=running.item_id).status, Item.Status.PUBLISHED)
        self.assertEqual(ended.changes.filter(action="expire").count(), 1)


class WithdrawTests(WorkflowTestCase):
    def test_it_records_when_and_why_on_the_item(self):
        pr = self.bring_to(Status.WITHDRAWN)
        item = Item.objects.get(pk=pr.item_id)
        self.assertEqual(item.status, Item.Status.WITHDRAWN)
        self.assertEqual(item.withdrawal_reason, "ข้อมูลคลาดเคลื่อน")
        self.assertIsNotNone(item.withdrawn_at)
        self.assertFalse(item.withdrawn_in_error)
        self.assertFalse(Item.objects.live().exists())

    def test_published_in_error_is_recorded(self):
        pr = self.bring_to(Status.PUBLISHED)
        transitions.withdraw(
            publication_request=pr, by=self.webmaster2, reason="เผยแพร่ผิดเรื่อง", in_error=True
        )
        self.assertTrue(Item.objects.get(pk=pr.item_id).withdrawn_in_error)

    def test_a_reason_is_required(self):
        pr = self.bring_to(Status.PUBLISHED)
        with self.assertRaises(transitions.WorkflowError):
            transitions.withdraw(publication_request=pr, by=self.webmaster, reason="  ")
        self.assertEqual(Item.objects.get(pk=pr.item_id).status, Item.Status.PUBLISHED)
