import datetime

from django.utils import timezone

from publishing import transitions
from publishing.models import PublicationRequest
from tests.publishing.base import Status, WorkflowTestCase

Mode = PublicationRequest.ApprovalMode


class WrittenApprovalTests(WorkflowTestCase):
    def test_it_records_who_approved_in_writing_and_when(self):
        pr = self.bring_to(Status.APPROVED)
        self.assertEqual(pr.approved_by, self.approver)
        self.assertEqual(pr.approval_mode, Mode.WRITTEN)
        self.assertIsNotNone(pr.approved_at)
        self.assertFalse(pr.awaits_written_confirmation)

    def test_an_unknown_approval_mode_is_refused(self):
        pr = self.bring_to(Status.CHECKED)
        with self.assertRaises(transitions.WorkflowError):
            transitions.approve(publication_request=pr, by=self.approver, mode="by-email")
        pr.refresh_from_db()
        self.assertEqual(pr.status, Status.CHECKED)


class VerbalApprovalTests(WorkflowTestCase):
    def record_verbal(self, **kwargs):
        pr = self.bring_to(Status.CHECKED)
        given_at = timezone.now() - datetime.timedelta(minutes=30)
        transitions.approve(
            publication_request=pr,
            by=self.checker,
            mode=Mode.VERBAL,
            approver=self.approver,
            given_at=given_at,
            **kwargs,
        )
        pr.refresh_from_db()
        return pr, given_at

    def test_it_records_the_approver_who_relayed_it_and_when(self):
        pr, given_at = self.record_verbal(note="ปลัดอนุมัติทางโทรศัพท์")
        self.assertEqual(pr.status, Status.APPROVED)
        self.assertEqual(pr.approved_by, self.approver)
        self.assertEqual(pr.verbal_relayed_by, self.checker)
        self.assertEqual(pr.verbal_given_at, given_at)
        self.assertIn("ปลัดอนุมัติทางโทรศัพท์", pr.changes.last().note)

    def test_it_stays_on_the_list_to_confirm_in_writing_until_the_approver_confirms(self):
        pr, _ = self.record_verbal()
        waiting = PublicationRequest.objects.waiting_for_written_confirmation
        self.assertIn(pr, waiting(self.approver))
        self.publish(pr)
        self.assertIn(pr, waiting(self.approver))
        transitions.confirm_in_writing(publication_request=pr, by=self.approver)
        pr.refresh_from_db()
        self.assertIsNotNone(pr.confirmed_in_writing_at)
        self.assertNotIn(pr, waiting())
        self.assertEqual(pr.changes.last().action, "confirm")

    def test_only_the_named_approver_confirms_it(self):
        pr, _ = self.record_verbal()
        for user in [self.requester, self.checker, self.webmaster]:
            with self.subTest(user=user.username), self.assertRaises(transitions.NotAllowed):
                transitions.confirm_in_writing(publication_request=pr, by=user)
        pr.refresh_from_db()
        self.assertIsNone(pr.confirmed_in_writing_at)

    def test_it_cannot_be_confirmed_twice(self):
        pr, _ = self.record_verbal()
        transitions.confirm_in_writing(publication_request=pr, by=self.approver)
        with self.assertRaises(transitions.WorkflowError):
            transitions.confirm_in_writing(publication_request=pr, by=self.approver)
        self.assertEqual(pr.changes.filter(action="confirm").count(), 1)

    def test_a_written_approval_has_nothing_to_confirm(self):
        pr = self.bring_to(Status.APPROVED)
        with self.assertRaises(transitions.WorkflowError):
            transitions.confirm_in_writing(publication_request=pr, by=self.approver)

    def test_the_approver_named_must_hold_the_approver_role(self):
        pr = self.bring_to(Status.CHECKED)
        with self.assertRaises(transitions.NotAllowed):
            transitions.approve(
                publication_request=pr, by=self.checker, mode=Mode.VERBAL, approver=self.webmaster
            )

    def test_the_time_given_cannot_be_in_the_future(self):
        pr = self.bring_to(Status.CHECKED)
        with self.assertRaises(transitions.WorkflowError):
            transitions.approve(
                publication_request=pr,
                by=self.checker,
                mode=Mode.VERBAL,
                approver=self.approver,
                given_at=timezone.now() + datetime.timedelta(hours=1),
            )
        pr.refresh_from_db()
        self.assertEqual(pr.status, Status.CHECKED)


class RejectTests(WorkflowTestCase):
    def test_it_records_the_reason_from_the_list_and_the_explanation(self):
        pr = self.bring_to(Status.REJECTED)
        self.assertEqual(pr.rejection_reason, PublicationRequest.RejectionReason.NOT_MISSION)
        self.assertEqual(pr.rejection_note, "ไม่เกี่ยวข้องกับภารกิจของเทศบาล")
        self.assertEqual(pr.rejected_by, self.approver)
        self.assertIn("ไม่เกี่ยวข้องกับภารกิจของเทศบาล", pr.changes.last().note)

    def test_the_explanation_is_required(self):
        pr = self.bring_to(Status.CHECKED)
        with self.assertRaises(transitions.WorkflowError):
            transitions.reject(publication_request=pr, by=self.approver, reason="other", note="")
        pr.refresh_from_db()
        self.assertEqual(pr.status, Status.CHECKED)

    def test_the_reason_must_be_one_of_the_list(self):
        pr = self.bring_to(Status.CHECKED)
        with self.assertRaises(transitions.WorkflowError):
            transitions.reject(publication_request=pr, by=self.approver, reason="x", note="y")

    def test_a_rejected_item_never_goes_live(self):
        pr = self.bring_to(Status.REJECTED)
        pr.item.refresh_from_db()
        self.assertEqual(pr.item.status, "draft")
        self.assertFalse(pr.item.__class__.objects.live().exists())
