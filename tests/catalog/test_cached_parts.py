"""Cached parts of the public pages (catalog/fragments.py): cheaper, and never stale.

Every change a citizen can see must show at the next request (issue 12: within one second);
each test first draws the pages so that their parts are in the cache, then changes content the
way staff or time do, and reads the pages again.
"""

import datetime
from unittest import mock

from django.utils import timezone

from catalog.models import Item, NewsDetail
from publishing import transitions
from tests.publishing.base import Status, WorkflowTestCase

from .helpers import make_item

LISTING = "/news/general-news/"
NEW_TITLE = "ประกาศรับสมัครพนักงานจ้างตามภารกิจ (ฉบับแก้ไข)"


class CachedPartsTests(WorkflowTestCase):
    def warm(self, *urls):
        for url in urls:
            self.client.get(url)
            self.client.get(url)

    def committed(self):
        # Run the after-commit retirement too, as a real request's transaction would.
        return self.captureOnCommitCallbacks(execute=True)

    def test_cached_parts_make_the_next_request_cheaper(self):
        item = make_item(title_th="ข่าวที่ถูกแคช", kind=Item.Kind.NEWS)
        NewsDetail.objects.create(item=item, news_kind=NewsDetail.NewsKind.GENERAL)
        for url in ["/", LISTING, item.get_absolute_url()]:
            with self.assertNumQueriesCaptured() as first:
                self.client.get(url)
            with self.assertNumQueriesCaptured() as second:
                self.assertContains(self.client.get(url), "ข่าวที่ถูกแคช")
            self.assertLess(len(second), len(first), url)

    def test_a_published_item_shows_at_the_next_request(self):
        self.warm("/", LISTING)
        with self.committed():
            pr = self.bring_to(Status.PUBLISHED, title_th="ข่าวใหม่ที่เพิ่งเผยแพร่")
        self.assertContains(self.client.get(LISTING), "ข่าวใหม่ที่เพิ่งเผยแพร่")
        self.assertContains(self.client.get("/"), "ข่าวใหม่ที่เพิ่งเผยแพร่")
        self.assertEqual(self.client.get(pr.live_item.get_absolute_url()).status_code, 200)

    def test_a_withdrawn_item_leaves_at_the_next_request(self):
        pr = self.bring_to(Status.PUBLISHED, title_th="ข่าวที่จะถูกถอน")
        url = pr.live_item.get_absolute_url()
        self.warm("/", LISTING, url)
        with self.committed():
            transitions.withdraw(publication_request=pr, by=self.webmaster, reason="ข้อมูลผิด")
        self.assertNotContains(self.client.get(LISTING), "ข่าวที่จะถูกถอน")
        self.assertNotContains(self.client.get("/"), "ข่าวที่จะถูกถอน")
        self.assertEqual(self.client.get(url).status_code, 410)

    def test_a_published_revision_shows_at_the_next_request(self):
        live = self.bring_to(Status.PUBLISHED).live_item
        url = live.get_absolute_url()
        self.warm(LISTING, url)
        revision = transitions.start_revision(item=live, by=self.requester)
        revision.item.title_th = NEW_TITLE
        transitions.save_draft(publication_request=revision, by=self.requester)
        self.assertNotContains(self.client.get(url), NEW_TITLE)
        with self.committed():
            self.bring_to(Status.PUBLISHED, pr=revision)
        self.assertContains(self.client.get(url), NEW_TITLE)
        self.assertContains(self.client.get(LISTING), NEW_TITLE)
        # The link preview (cached per item) follows too.
        self.assertContains(
            self.client.get(url), f'<meta property="og:title" content="{NEW_TITLE}">'
        )

    def test_an_ended_period_leaves_without_waiting_for_the_take_down_job(self):
        now = timezone.now()
        item = make_item(
            title_th="ประกาศที่ใกล้หมดเวลา", expire_at=now + datetime.timedelta(minutes=1)
        )
        self.warm(LISTING, item.get_absolute_url())
        later = now + datetime.timedelta(minutes=2)
        with mock.patch.object(timezone, "now", return_value=later):
            self.assertNotContains(self.client.get(LISTING), "ประกาศที่ใกล้หมดเวลา")
            self.assertEqual(self.client.get(item.get_absolute_url()).status_code, 404)
        self.assertEqual(Item.objects.get(pk=item.pk).status, Item.Status.PUBLISHED)

    def test_a_scheduled_item_appears_when_its_time_comes(self):
        now = timezone.now()
        make_item(title_th="ประกาศล่วงหน้า", publish_at=now + datetime.timedelta(minutes=5))
        self.warm("/", LISTING)
        self.assertNotContains(self.client.get(LISTING), "ประกาศล่วงหน้า")
        with mock.patch.object(timezone, "now", return_value=now + datetime.timedelta(minutes=6)):
            self.assertContains(self.client.get(LISTING), "ประกาศล่วงหน้า")

    def test_a_change_to_the_municipality_profile_shows_in_every_frame(self):
        self.warm("/", LISTING)
        with self.committed():
            self.municipality.phone = "053-999-888"
            self.municipality.save()
        for url in ["/", LISTING]:
            self.assertContains(self.client.get(url), "053-999-888")

    def test_a_renamed_subcategory_shows_in_the_listing_and_on_the_home_page(self):
        self.warm("/", LISTING)
        with self.committed():
            sub = make_item().subcategory
            sub.name_th = "ข่าวสารจากเทศบาล"
            sub.save()
        self.assertContains(self.client.get(LISTING), "ข่าวสารจากเทศบาล")
        self.assertContains(self.client.get("/"), "ข่าวสารจากเทศบาล")

    def test_english_and_thai_parts_are_kept_apart(self):
        self.warm("/", "/en/")
        self.assertContains(self.client.get("/en/"), 'lang="en"')
        self.assertNotContains(self.client.get("/"), "Latest news")
