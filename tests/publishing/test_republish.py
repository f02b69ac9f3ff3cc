"""Announcement 3.2: content taken down comes back only through a new request."""

import datetime

from django.utils import timezone

from catalog.models import Item
from publishing import transitions
from tests.publishing.base import Status, WorkflowTestCase


class RepublishTests(WorkflowTestCase):
    def republish(self, live):
        pr = transitions.start_revision(item=live, by=self.requester)
        pr.item.expire_at = timezone.now() + datetime.timedelta(days=60)
        transitions.save_draft(publication_request=pr, by=self.requester)
        for step in [self.submit, self.check, self.approve, self.publish]:
            step(pr)
        live.refresh_from_db()
        return pr

    def test_an_expired_item_is_published_again_at_the_same_address(self):
        live = Item.objects.get(pk=self.bring_to(Status.EXPIRED).item_id)
        url = live.get_absolute_url()
        self.assertEqual(self.client.get(url).status_code, 404)
        self.republish(live)
        self.assertEqual(live.status, Item.Status.PUBLISHED)
        self.assertEqual(live.get_absolute_url(), url)
        self.assertEqual(self.client.get(url).status_code, 200)

    def test_a_withdrawn_item_loses_its_notice_when_published_again(self):
        live = Item.objects.get(pk=self.bring_to(Status.WITHDRAWN).item_id)
        self.assertEqual(self.client.get(live.get_absolute_url()).status_code, 410)
        self.republish(live)
        self.assertEqual(live.withdrawal_reason, "")
        self.assertEqual(self.client.get(live.get_absolute_url()).status_code, 200)

    def test_nothing_comes_back_without_approval(self):
        live = Item.objects.get(pk=self.bring_to(Status.EXPIRED).item_id)
        pr = transitions.start_revision(item=live, by=self.requester)
        pr.item.expire_at = timezone.now() + datetime.timedelta(days=60)
        transitions.save_draft(publication_request=pr, by=self.requester)
        self.submit(pr)
        self.check(pr)
        with self.assertRaises(transitions.WorkflowError):
            self.publish(pr)
        live.refresh_from_db()
        self.assertEqual(live.status, Item.Status.EXPIRED)
