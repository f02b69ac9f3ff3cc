"""History is evidence: its pages can be read by those who may see the object, never written."""

from django.urls import reverse

from catalog.models import Item
from catalog.permissions import can_change_item
from tests.base import make_user
from tests.publishing.base import Status, WorkflowTestCase


class HistoryPageTests(WorkflowTestCase):
    def test_a_version_page_cannot_rewrite_live_content(self):
        pr = self.bring_to(Status.PUBLISHED)
        item = Item.objects.get(pk=pr.item_id)
        version = item.history.earliest()
        url = reverse("admin:catalog_item_simple_history", args=[item.pk, version.history_id])
        self.client.force_login(self.checker)
        response = self.client.post(url, {"title_th": "ข้อความที่ไม่ได้รับอนุมัติ"})
        self.assertEqual(response.status_code, 403)
        item.refresh_from_db()
        self.assertEqual(item.status, Item.Status.PUBLISHED)
        self.assertNotEqual(item.title_th, "ข้อความที่ไม่ได้รับอนุมัติ")

    def test_another_units_draft_is_not_readable_through_its_history(self):
        pr = self.file()
        stranger = make_user("stranger", "requester", unit=self.checker.unit)
        self.client.force_login(stranger)
        url = reverse("admin:publishing_publicationrequest_history", args=[pr.pk])
        self.assertEqual(self.client.get(url).status_code, 404)


class SubmittedContentIsFrozenTests(WorkflowTestCase):
    def test_nobody_edits_a_request_between_submission_and_publication(self):
        for status in [Status.SUBMITTED, Status.CHECKED, Status.APPROVED]:
            pr = self.bring_to(status, title_th=f"คำขอ {status}")
            for user in [self.requester, self.checker, self.approver, self.webmaster]:
                self.assertFalse(can_change_item(user, pr.item), (status, user.username))

    def test_the_requester_edits_again_once_it_is_returned(self):
        pr = self.bring_to(Status.RETURNED)
        self.assertTrue(can_change_item(self.requester, pr.item))
