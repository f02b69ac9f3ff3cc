"""Changing live content: a new request through the same workflow; the live version stays
public until the revision is published."""

from django.utils import timezone

from catalog.models import Item
from publishing import timeline, transitions
from publishing.models import PublicationRequest
from tests.publishing.base import Status, WorkflowTestCase

NEW_TITLE = "ประกาศรับชำระภาษีที่ดินและสิ่งปลูกสร้าง (ฉบับแก้ไขกำหนดวัน)"


class RevisionTests(WorkflowTestCase):
    def setUp(self):
        self.original = self.bring_to(Status.PUBLISHED)
        self.live = Item.objects.get(pk=self.original.item_id)
        self.url = self.live.get_absolute_url()

    def revise(self):
        revision = transitions.start_revision(item=self.live, by=self.requester)
        revision.item.title_th = NEW_TITLE
        transitions.save_draft(publication_request=revision, by=self.requester)
        return revision

    def test_a_revision_is_a_draft_copy_of_the_live_item(self):
        revision = transitions.start_revision(item=self.live, by=self.requester)
        self.assertEqual(revision.status, Status.DRAFT)
        self.assertEqual(revision.item.revision_of, self.live)
        self.assertEqual(revision.item.title_th, self.live.title_th)
        self.assertEqual(revision.item.source, self.live.source)
        self.assertNotEqual(revision.item.pk, self.live.pk)

    def test_the_live_version_stays_public_until_the_revision_is_published(self):
        revision = self.revise()
        for step in [self.submit, self.check, self.approve]:
            step(revision)
            self.assertContains(self.client.get(self.url), self.live.title_th)
            self.assertNotContains(self.client.get(self.url), NEW_TITLE)
        self.publish(revision)
        response = self.client.get(self.url)
        self.assertContains(response, NEW_TITLE)

    def test_publishing_applies_the_revision_to_the_live_item_at_the_same_address(self):
        revision = self.revise()
        self.bring_to(Status.PUBLISHED, pr=revision)
        self.live.refresh_from_db()
        revision.item.refresh_from_db()
        self.assertEqual(self.live.title_th, NEW_TITLE)
        self.assertEqual(self.live.status, Item.Status.PUBLISHED)
        self.assertEqual(revision.item.status, Item.Status.MERGED)
        self.assertEqual(revision.public_url, self.original.public_url)
        self.assertEqual(list(Item.objects.live()), [self.live])

    def test_only_one_change_at_a_time(self):
        self.revise()
        with self.assertRaises(transitions.InvalidTransition):
            transitions.start_revision(item=self.live, by=self.requester)

    def test_only_published_content_can_be_revised(self):
        draft = self.file()
        with self.assertRaises(transitions.InvalidTransition):
            transitions.start_revision(item=draft.item, by=self.requester)

    def test_a_revision_of_content_withdrawn_meanwhile_is_not_published(self):
        revision = self.bring_to(Status.APPROVED, pr=self.revise())
        self.withdraw(self.original)
        with self.assertRaises(transitions.WorkflowError):
            self.publish(revision)
        self.live.refresh_from_db()
        self.assertEqual(self.live.status, Item.Status.WITHDRAWN)
        self.assertNotEqual(self.live.title_th, NEW_TITLE)

    def test_the_checker_sees_what_the_revision_changes(self):
        revision = self.revise()
        changes = timeline.changes_from_live(revision)
        self.assertEqual([(c.old, c.new) for c in changes], [(self.live.title_th, NEW_TITLE)])

    def test_withdrawing_the_live_item_closes_its_revisions_published_requests_too(self):
        revision = self.bring_to(Status.PUBLISHED, pr=self.revise())
        transitions.withdraw(publication_request=revision, by=self.webmaster, reason="ยกเลิก")
        statuses = PublicationRequest.objects.filter(
            pk__in=[self.original.pk, revision.pk]
        ).values_list("status", flat=True)
        self.assertEqual(set(statuses), {Status.WITHDRAWN})
        self.live.refresh_from_db()
        self.assertEqual(self.live.status, Item.Status.WITHDRAWN)

    def test_a_revision_starts_with_the_live_items_details_and_files(self):
        document = self.bring_to(Status.PUBLISHED, kind=Item.Kind.DOCUMENT, title_th="แผนพัฒนา")
        live = Item.objects.get(pk=document.item_id)
        revision = transitions.start_revision(item=live, by=self.requester)
        copied = revision.item.attachments.get()
        original = live.attachments.get()
        self.assertEqual(
            (copied.sha256, copied.original_name), (original.sha256, original.original_name)
        )
        self.assertEqual(revision.item.completeness_errors(), [])

    def test_publishing_a_revision_keeps_the_first_publication_date(self):
        first_published = self.live.publish_at
        revision = self.revise()
        # The revision asks for a later date: the live item still keeps its first one.
        Item.objects.filter(pk=revision.item_id).update(publish_at=timezone.now())
        revision.refresh_from_db()
        for step in [self.submit, self.check, self.approve, self.publish]:
            step(revision)
        self.live.refresh_from_db()
        self.assertEqual(self.live.publish_at, first_published)
        self.assertEqual(self.live.title_th, NEW_TITLE)
