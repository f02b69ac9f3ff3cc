"""The publication date shown is when the item really went online (issue 9, part 3).

A requester types a start; publishing makes the item's publication date the later of that
start and the moment the webmaster published. Everything public reads that one date.
"""

import csv
import datetime
import importlib
import io
from unittest import mock

from django.apps import apps
from django.core import mail
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from catalog.models import Item, Subcategory
from chiangkhian.thaidates import format_date
from publishing import transitions
from publishing.models import Notification
from tests.base import PASSWORD
from tests.compliance.helpers import make_item
from tests.publishing.base import Status, WorkflowTestCase

DAY = datetime.timedelta(days=1)
STRUCTURE = "โครงสร้างส่วนราชการเทศบาลตำบลทดสอบ ฉบับย้อนวันที่"


class PublicationDateTests(WorkflowTestCase):
    def published_backdated(self):
        """A request asking for a start ten days ago, published by the webmaster now."""
        self.requested = timezone.now() - 10 * DAY
        pr = self.bring_to(
            Status.PUBLISHED,
            subcategory=Subcategory.objects.get(slug="structure"),
            kind=Item.Kind.DOCUMENT,
            title_th=STRUCTURE,
            publish_at=self.requested,
        )
        return pr, Item.objects.get(pk=pr.item_id)

    def test_publication_date_is_never_before_publishing(self):
        older = make_item(
            "general/structure", title_th="แผนผังองค์กร", publish_at=timezone.now() - DAY
        )
        pr, item = self.published_backdated()
        self.assertEqual(item.publish_at, pr.published_at)
        self.assertEqual(pr.requested_publish_at, self.requested)
        today, backdated = format_date(timezone.now()), format_date(self.requested)
        # The public page.
        page = self.client.get(item.get_absolute_url()).content.decode()
        self.assertIn(today, page)
        self.assertNotIn(backdated, page)
        # The listing: newest first, so it comes before the item of yesterday.
        listing = self.client.get(item.subcategory.get_absolute_url()).content.decode()
        self.assertLess(listing.index(STRUCTURE), listing.index(older.title_th))
        # The ITA evidence CSV (O1, the structure).
        rows = csv.reader(
            io.StringIO(self.client.get("/ita/evidence.csv").content.decode("utf-8-sig"))
        )
        row = next(row for row in rows if STRUCTURE in row)
        self.assertEqual(row[6], format_date(timezone.now(), "short"))
        # The filed form: the real date, and the requested one for what it is.
        self.client.login(username="checker", password=PASSWORD)
        form = self.client.get(reverse("publishing:form", args=[pr.pk]))
        published = format_date(item.publish_at, "datetime")
        self.assertContains(form, f"วันที่เผยแพร่บนเว็บไซต์</th><td>{published}<")
        self.assertContains(form, format_date(self.requested, "datetime"))
        self.assertContains(form, "วันที่ในอดีต หมายถึงเผยแพร่ทันทีที่นำขึ้นเว็บไซต์")

    def test_the_publish_page_tells_the_webmaster_a_past_start_means_now(self):
        pr = self.bring_to(Status.APPROVED, publish_at=timezone.now() - 3 * DAY)
        self.client.login(username="webmaster", password=PASSWORD)
        response = self.client.get(reverse("publishing:publish", args=[pr.pk]))
        self.assertContains(response, "ข้อมูลจะขึ้นเว็บไซต์ทันทีที่เผยแพร่ และเวลานั้นจะเป็นวันที่เผยแพร่")

    def test_the_filed_form_shows_the_document_date_as_such(self):
        signed = datetime.date(2026, 11, 2)  # the announcement was signed before it was filed
        pr = self.bring_to(Status.PUBLISHED, document_date=signed)
        self.client.login(username="checker", password=PASSWORD)
        form = self.client.get(reverse("publishing:form", args=[pr.pk]))
        self.assertContains(form, f"ลงวันที่</th><td>{format_date(signed)}<")
        published = format_date(Item.objects.get(pk=pr.item_id).publish_at, "datetime")
        self.assertContains(form, f"วันที่เผยแพร่บนเว็บไซต์</th><td>{published}<")

    def test_a_future_start_stays_hidden_until_then_and_then_shows_the_requested_date(self):
        later = (timezone.now() + 2 * DAY).replace(microsecond=0)
        pr = self.bring_to(Status.PUBLISHED, publish_at=later)
        item = Item.objects.get(pk=pr.item_id)
        self.assertEqual(item.publish_at, later)
        self.assertEqual(self.client.get(item.get_absolute_url()).status_code, 404)
        self.assertNotContains(self.client.get(item.subcategory.get_absolute_url()), item.title_th)
        with mock.patch("django.utils.timezone.now", return_value=later + DAY):
            response = self.client.get(item.get_absolute_url())
        self.assertContains(response, format_date(later))

    def test_a_change_to_live_content_keeps_its_first_publication_date(self):
        pr, item = self.published_backdated()
        revision = transitions.start_revision(item=item, by=self.requester)
        revision.item.summary_th = "ปรับปรุงโครงสร้างตามประกาศฉบับใหม่"
        transitions.save_draft(publication_request=revision, by=self.requester)
        self.bring_to(Status.PUBLISHED, pr=revision)
        item.refresh_from_db()
        self.assertEqual(item.publish_at, pr.published_at)
        self.assertEqual(item.summary_th, "ปรับปรุงโครงสร้างตามประกาศฉบับใหม่")

    def test_content_published_again_after_a_withdrawal_gets_a_new_date(self):
        pr, item = self.published_backdated()
        self.withdraw(pr)
        again = transitions.start_revision(item=item, by=self.requester)
        again = self.bring_to(Status.PUBLISHED, pr=again)
        item.refresh_from_db()
        self.assertEqual(item.publish_at, again.published_at)
        self.assertGreater(item.publish_at, pr.published_at)


@override_settings(SITE_URL="https://www.chiangkhian.go.th")
class ScheduledNoticeTests(WorkflowTestCase):
    def publish_and_collect(self, **fields):
        pr = self.bring_to(Status.APPROVED, **fields)
        mail.outbox.clear()
        with self.captureOnCommitCallbacks(execute=True):
            self.publish(pr)
        pr.refresh_from_db()
        return pr, {message.to[0]: message.body for message in mail.outbox}

    def test_the_owner_hears_when_it_is_scheduled_not_a_link_that_is_not_there_yet(self):
        later = timezone.now() + 3 * DAY
        pr, sent = self.publish_and_collect(publish_at=later)
        notice = Notification.objects.filter(recipient=self.requester, request=pr).first().message
        for text in [notice, sent[self.requester.email]]:
            self.assertIn("กำหนดเผยแพร่", text)
            self.assertIn(format_date(later, "datetime"), text)  # พ.ศ., with the time
            self.assertNotIn(pr.public_address, text)

    def test_the_request_page_says_when_the_public_page_opens(self):
        later = timezone.now() + 3 * DAY
        pr, _sent = self.publish_and_collect(publish_at=later)
        self.client.login(username="webmaster", password=PASSWORD)
        response = self.client.get(pr.get_absolute_url())
        self.assertContains(response, f"กำหนดเผยแพร่ {format_date(later, 'datetime')}")
        self.assertNotContains(response, "เปิดหน้าเว็บไซต์สาธารณะ")  # no "open the public page"

    def test_the_owner_gets_the_public_link_when_it_is_live(self):
        pr, sent = self.publish_and_collect()
        self.assertIn(pr.public_address, sent[self.requester.email])
        self.assertTrue(pr.public_address.startswith("https://www.chiangkhian.go.th/news/"))
        self.assertNotIn("กำหนดเผยแพร่", sent[self.requester.email])

    def announce(self, at):
        mail.outbox.clear()
        with (
            self.captureOnCommitCallbacks(execute=True),
            mock.patch("django.utils.timezone.now", return_value=at),
        ):
            call_command("announce_online", stdout=io.StringIO())
        return {message.to[0]: message.body for message in mail.outbox}

    def test_the_owner_hears_again_when_a_scheduled_item_goes_online(self):
        later = timezone.now() + 3 * DAY
        pr, _sent = self.publish_and_collect(publish_at=later)
        notices = Notification.objects.filter(recipient=self.requester, request=pr)
        before = notices.count()
        self.assertEqual(self.announce(timezone.now()), {})  # not yet: its page is still a 404
        sent = self.announce(later + datetime.timedelta(minutes=5))
        self.assertIn("อยู่บนเว็บไซต์แล้ว", sent[self.requester.email])
        self.assertIn(pr.public_address, sent[self.requester.email])
        self.assertEqual(notices.count(), before + 1)
        # Run again (the timer runs every five minutes): nobody hears it twice.
        self.assertEqual(self.announce(later + 2 * DAY), {})
        self.assertEqual(notices.count(), before + 1)

    def test_an_item_online_at_once_is_not_announced_a_second_time(self):
        pr, sent = self.publish_and_collect()
        self.assertIn(pr.public_address, sent[self.requester.email])
        self.assertEqual(self.announce(timezone.now() + DAY), {})


class ExistingContentMigrationTests(WorkflowTestCase):
    """Migration publishing 0003: content published before this rule gets its real date."""

    def test_backdated_published_content_gets_the_moment_it_went_online(self):
        asked = timezone.now() - 5 * DAY
        backdated = self.bring_to(Status.PUBLISHED, publish_at=asked)
        later = self.bring_to(
            Status.PUBLISHED, title_th="ข่าวกำหนดเผยแพร่ล่วงหน้า", publish_at=timezone.now() + DAY
        )
        requested = {backdated.pk: asked, later.pk: later.item.publish_at}
        for pr in (backdated, later):  # as published before the rule existed
            Item.objects.filter(pk=pr.item_id).update(publish_at=requested[pr.pk])
            type(pr).objects.filter(pk=pr.pk).update(requested_publish_at=None)
        migration = importlib.import_module(
            "publishing.migrations.0003_publication_date_is_when_published"
        )
        migration.forwards(apps, None)
        for pr in (backdated, later):
            pr.refresh_from_db()
            self.assertEqual(pr.requested_publish_at, requested[pr.pk])
        self.assertEqual(Item.objects.get(pk=backdated.item_id).publish_at, backdated.published_at)
        self.assertEqual(Item.objects.get(pk=later.item_id).publish_at, requested[later.pk])
        record = Item.history.filter(id=backdated.item_id).first()
        self.assertIn("went online", record.history_change_reason)
