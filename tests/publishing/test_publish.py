import datetime

from django.test import override_settings
from django.urls import reverse
from django.utils import timezone
from guardian.shortcuts import assign_perm

from catalog.models import Category, Item, Subcategory
from chiangkhian.models import User
from publishing import access, transitions
from publishing.forms import PublishForm
from publishing.models import PublicationRequest
from tests.base import PASSWORD
from tests.publishing.base import Status, WorkflowTestCase


@override_settings(SITE_URL="https://www.chiangkhian.go.th")
class PublishTests(WorkflowTestCase):
    def test_publishing_puts_the_item_online_and_records_where(self):
        pr = self.bring_to(Status.PUBLISHED)
        item = Item.objects.get(pk=pr.item_id)
        self.assertEqual(item.status, Item.Status.PUBLISHED)
        self.assertIsNotNone(item.published_at)
        self.assertIn(item, Item.objects.live())
        self.assertEqual(pr.published_by, self.webmaster)
        self.assertEqual(
            pr.public_url, f"https://www.chiangkhian.go.th/news/general-news/{item.pk}/"
        )

    def test_the_public_page_appears_only_once_published(self):
        pr = self.bring_to(Status.APPROVED)
        url = Item(pk=pr.item_id, subcategory=pr.item.subcategory).get_absolute_url()
        self.assertEqual(self.client.get(url).status_code, 404)
        self.publish(pr)
        response = self.client.get(url)
        self.assertContains(response, pr.item.title_th)

    def test_the_webmaster_corrects_the_category_and_it_is_recorded(self):
        pr = self.bring_to(Status.APPROVED)
        alerts = Subcategory.objects.get(slug="alerts")
        transitions.publish(publication_request=pr, by=self.webmaster, subcategory=alerts)
        pr.refresh_from_db()
        self.assertEqual(Item.objects.get(pk=pr.item_id).subcategory, alerts)
        self.assertIn("/news/alerts/", pr.public_url)
        self.assertIn("แก้ไขหมวดหมู่", pr.changes.last().note)

    def test_it_refuses_when_the_period_has_already_ended(self):
        pr = self.bring_to(Status.APPROVED)
        Item.objects.filter(pk=pr.item_id).update(expire_at=timezone.now())
        pr.item.refresh_from_db()
        with self.assertRaisesMessage(transitions.NotAllowed, "วันสิ้นสุดการเผยแพร่ผ่านไปแล้ว"):
            self.publish(pr)
        self.assertEqual(Item.objects.get(pk=pr.item_id).status, Item.Status.DRAFT)

    def test_a_future_publication_date_is_published_but_not_yet_live(self):
        later = timezone.now() + datetime.timedelta(days=3)
        pr = self.bring_to(Status.PUBLISHED, publish_at=later)
        self.assertFalse(Item.objects.live().filter(pk=pr.item_id).exists())
        self.assertTrue(Item.objects.live(later).filter(pk=pr.item_id).exists())

    def test_one_open_request_per_item_is_enforced_by_the_database(self):
        from django.db import IntegrityError, transaction

        pr = self.bring_to(Status.SUBMITTED)
        with self.assertRaises(IntegrityError), transaction.atomic():
            PublicationRequest.objects.create(item=pr.item, unit=pr.unit, requester=pr.requester)


class CategoryLimitedWebmasterTests(WorkflowTestCase):
    """A webmaster given `publish_in_category` on some categories publishes only there."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.laws = Category.objects.get(slug="laws")
        assign_perm("catalog.publish_in_category", cls.webmaster2, cls.laws)

    def test_a_webmaster_without_limits_publishes_everywhere(self):
        self.assertIsNone(access.publishing_categories(self.webmaster))
        pr = self.bring_to(Status.APPROVED)
        self.assertIn(pr, PublicationRequest.objects.waiting_for_publishing(self.webmaster))

    def test_a_limited_webmaster_is_refused_outside_their_categories(self):
        pr = self.bring_to(Status.APPROVED)
        with self.assertRaisesMessage(transitions.NotAllowed, "คุณเผยแพร่ข้อมูลได้เฉพาะในหมวด"):
            transitions.publish(publication_request=pr, by=self.webmaster2)
        queue = PublicationRequest.objects.waiting_for_publishing(
            self.webmaster2, access.publishing_categories(self.webmaster2)
        )
        self.assertNotIn(pr, queue)

    def test_a_limited_webmaster_cannot_pull_a_request_into_their_categories(self):
        pr = self.bring_to(Status.APPROVED)  # asked for general news, outside their scope
        ordinances = Subcategory.objects.get(slug="ordinances")
        with self.assertRaisesMessage(transitions.NotAllowed, "คุณเผยแพร่ข้อมูลได้เฉพาะในหมวด"):
            transitions.publish(publication_request=pr, by=self.webmaster2, subcategory=ordinances)
        pr.refresh_from_db()
        self.assertEqual(pr.status, Status.APPROVED)

    def test_a_limited_webmaster_publishes_in_their_categories(self):
        ordinances = Subcategory.objects.get(slug="ordinances")
        pr = self.bring_to(Status.APPROVED, subcategory=ordinances, kind=Item.Kind.LAW)
        transitions.publish(publication_request=pr, by=self.webmaster2)
        pr.refresh_from_db()
        self.assertEqual(pr.status, Status.PUBLISHED)

    def test_the_publish_form_offers_only_their_categories(self):
        pr = self.bring_to(Status.APPROVED)
        form = PublishForm(publication_request=pr, user=self.webmaster2)
        categories = {sub.category for sub in form.fields["subcategory"].queryset}
        self.assertEqual(categories, {self.laws})

    def test_only_superusers_manage_the_category_limits(self):
        url = reverse("admin:catalog_category_permissions", args=[self.laws.pk])
        self.client.login(username="webmaster", password=PASSWORD)
        self.assertEqual(self.client.get(url).status_code, 403)
        User.objects.create_superuser("root", "root@example.test", PASSWORD)
        self.client.login(username="root", password=PASSWORD)
        self.assertContains(self.client.get(url), "webmaster2")
