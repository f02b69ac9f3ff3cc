import datetime

from django.utils import timezone

from catalog.models import Item
from chiangkhian import roles
from publishing import transitions
from publishing.models import PublicationRequest, StatusChange
from tests.base import make_user
from tests.publishing.base import Status, WorkflowTestCase, item_fields


class SubmitTests(WorkflowTestCase):
    def test_it_submits_a_complete_draft_and_the_filer_can_no_longer_edit_it(self):
        pr = self.file()
        self.assertTrue(self.requester.has_perm("publishing.change_publicationrequest", pr))
        self.assertTrue(self.requester.has_perm("catalog.change_item", pr.item))
        transitions.submit(publication_request=pr, by=self.requester)
        pr.refresh_from_db()
        self.assertEqual(pr.status, Status.SUBMITTED)
        self.assertIsNotNone(pr.submitted_at)
        self.assertFalse(self.requester.has_perm("publishing.change_publicationrequest", pr))
        self.assertFalse(self.requester.has_perm("catalog.change_item", pr.item))

    def test_filing_is_recorded_as_the_first_step(self):
        pr = self.file()
        change = pr.changes.get()
        self.assertEqual(
            (change.action, change.from_status, change.to_status),
            (StatusChange.Action.FILE, "", Status.DRAFT),
        )
        self.assertEqual(change.by, self.requester)
        self.assertEqual(pr.item.created_by, self.requester)
        self.assertEqual(pr.unit, self.finance)

    def test_it_refuses_a_request_without_the_metadata_of_2_2_and_names_the_fields(self):
        pr = self.file()
        Item.objects.filter(pk=pr.item_id).update(source="", data_from=None)
        pr.item.refresh_from_db()
        with self.assertRaises(transitions.InvalidTransition) as raised:
            transitions.submit(publication_request=pr, by=self.requester)
        self.assertIn("แหล่งที่มา", raised.exception.message)
        self.assertIn("ช่วงเวลาของข้อมูล", raised.exception.message)
        pr.refresh_from_db()
        self.assertEqual(pr.status, Status.DRAFT)

    def test_it_refuses_an_end_of_publication_already_past(self):
        past = timezone.now() - datetime.timedelta(minutes=1)
        pr = self.file(publish_at=past - datetime.timedelta(days=2), expire_at=past)
        with self.assertRaisesMessage(transitions.InvalidTransition, "สิ้นสุด"):
            transitions.submit(publication_request=pr, by=self.requester)

    def test_a_colleague_of_the_same_unit_cannot_submit_it(self):
        colleague = make_user("colleague", roles.REQUESTER, unit=self.finance)
        pr = self.file()
        with self.assertRaisesMessage(transitions.NotAllowed, "เฉพาะผู้ยื่นคำขอ"):
            transitions.submit(publication_request=pr, by=colleague)

    def test_a_returned_request_can_be_edited_and_submitted_again(self):
        pr = self.bring_to(Status.RETURNED)
        self.assertTrue(self.requester.has_perm("publishing.change_publicationrequest", pr))
        pr.item.title_th = "ประกาศรับชำระภาษี (แก้ไขวันที่)"
        transitions.save_draft(publication_request=pr, by=self.requester)
        transitions.submit(publication_request=pr, by=self.requester)
        pr.refresh_from_db()
        self.assertEqual(pr.status, Status.SUBMITTED)
        self.assertEqual(
            list(pr.changes.values_list("action", flat=True)),
            ["file", "submit", "return", "submit"],
        )

    def test_a_submitted_request_cannot_be_saved_as_a_draft(self):
        pr = self.bring_to(Status.SUBMITTED)
        pr.item.title_th = "แก้ไขหลังส่ง"
        with self.assertRaises(transitions.WorkflowError):
            transitions.save_draft(publication_request=pr, by=self.requester)
        pr.item.refresh_from_db()
        self.assertNotEqual(pr.item.title_th, "แก้ไขหลังส่ง")

    def test_returning_needs_a_comment(self):
        pr = self.bring_to(Status.SUBMITTED)
        with self.assertRaises(transitions.WorkflowError):
            transitions.return_to_requester(publication_request=pr, by=self.checker, note=" ")
        pr.refresh_from_db()
        self.assertEqual(pr.status, Status.SUBMITTED)

    def test_only_requesting_staff_may_file(self):
        pr = PublicationRequest(item=Item(**item_fields()))
        with self.assertRaises(transitions.NotAllowed):
            transitions.file_request(publication_request=pr, by=self.checker)
        self.assertFalse(PublicationRequest.objects.exists())

    def test_it_refuses_a_draft_without_the_typed_details_its_kind_needs(self):
        pr = transitions.file_request(
            publication_request=PublicationRequest(
                item=Item(**item_fields(kind=Item.Kind.DOCUMENT)), remarks=""
            ),
            by=self.requester,
        )
        with self.assertRaisesMessage(transitions.InvalidTransition, "แนบไฟล์อย่างน้อยหนึ่งไฟล์"):
            self.submit(pr)
        pr.refresh_from_db()
        self.assertEqual(pr.status, Status.DRAFT)
