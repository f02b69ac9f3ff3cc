"""The people concerned hear of each step: in the back-office inbox and by e-mail, in Thai."""

from unittest import mock

from django.core import mail
from django.test import override_settings
from django.urls import reverse

from outbox.models import OutgoingMail
from publishing import transitions
from publishing.models import Notification
from tests.base import PASSWORD
from tests.publishing.base import Status, WorkflowTestCase


@override_settings(SITE_URL="https://www.chiangkhian.go.th")
class EmailTests(WorkflowTestCase):
    def step(self, action, pr, **kwargs):
        mail.outbox.clear()
        with self.captureOnCommitCallbacks(execute=True):
            action(publication_request=pr, **kwargs)
        return {message.to[0]: message for message in mail.outbox}

    def test_submitting_tells_the_checkers_not_the_requester(self):
        sent = self.step(transitions.submit, self.file(), by=self.requester)
        self.assertEqual(set(sent), {self.checker.email})
        message = sent[self.checker.email]
        self.assertIn("มีคำขอเผยแพร่ข้อมูลใหม่รอตรวจสอบ", message.subject)
        self.assertIn("https://www.chiangkhian.go.th/admin/publishing/", message.body)

    def test_checking_tells_the_approvers(self):
        sent = self.step(transitions.check, self.bring_to(Status.SUBMITTED), by=self.checker)
        self.assertEqual(set(sent), {self.approver.email})

    def test_returning_tells_the_requester_what_to_change(self):
        pr = self.bring_to(Status.SUBMITTED)
        sent = self.step(
            transitions.return_to_requester, pr, by=self.checker, note="ระบุแหล่งที่มาให้ชัดเจน"
        )
        self.assertIn("ระบุแหล่งที่มาให้ชัดเจน", sent[self.requester.email].body)

    def test_the_owner_is_told_the_reason_for_a_rejection(self):
        # Announcement 2.2.3.
        pr = self.bring_to(Status.CHECKED)
        sent = self.step(
            transitions.reject, pr, by=self.approver, reason="file_format", note="ใช้ไฟล์ PDF"
        )
        body = sent[self.requester.email].body
        self.assertIn("ไม่ได้รับอนุมัติ", body)
        self.assertIn("รูปแบบไฟล์ไม่เป็นไปตามที่กำหนด", body)
        self.assertIn("ใช้ไฟล์ PDF", body)
        self.assertIn(self.checker.email, sent)

    def test_approval_tells_the_webmasters_and_the_requester(self):
        sent = self.step(transitions.approve, self.bring_to(Status.CHECKED), by=self.approver)
        self.assertEqual(
            set(sent), {self.webmaster.email, self.webmaster2.email, self.requester.email}
        )

    def test_a_verbal_approval_asks_the_approver_to_confirm_it_in_writing(self):
        pr = self.bring_to(Status.CHECKED)
        sent = self.step(
            transitions.approve, pr, by=self.checker, mode="verbal", approver=self.approver
        )
        self.assertIn("โปรดยืนยันเป็นลายลักษณ์อักษร", sent[self.approver.email].body)

    def test_the_owner_is_told_where_it_was_published(self):
        # Announcement 2.2.2: the webmaster reports back to the owner.
        pr = self.bring_to(Status.APPROVED)
        sent = self.step(transitions.publish, pr, by=self.webmaster)
        pr.refresh_from_db()
        self.assertIn(pr.public_url, sent[self.requester.email].body)
        self.assertEqual(set(sent), {self.requester.email, self.checker.email, self.approver.email})

    def test_no_mail_leaves_when_the_transition_fails(self):
        pr = self.bring_to(Status.SUBMITTED)
        mail.outbox.clear()
        with (
            self.captureOnCommitCallbacks(execute=True),
            self.assertRaises(transitions.WorkflowError),
        ):
            transitions.publish(publication_request=pr, by=self.webmaster)
        self.assertEqual(mail.outbox, [])

    def test_a_mail_server_that_is_down_does_not_undo_the_step(self):
        pr = self.file()
        with (
            mock.patch(
                "django.core.mail.backends.locmem.EmailBackend.send_messages",
                side_effect=OSError("SMTP down"),
            ),
            self.assertLogs("outbox.tasks", "WARNING"),
            self.captureOnCommitCallbacks(execute=True),
        ):
            transitions.submit(publication_request=pr, by=self.requester)
        pr.refresh_from_db()
        self.assertEqual(pr.status, Status.SUBMITTED)
        self.assertTrue(Notification.objects.filter(recipient=self.checker).exists())
        # The e-mail is kept for its retry, not lost.
        waiting = OutgoingMail.objects.get(to=[self.checker.email])
        self.assertEqual(waiting.status, OutgoingMail.Status.RETRYING)


class InboxTests(WorkflowTestCase):
    def test_the_inbox_lists_notifications_and_the_header_counts_unread_ones(self):
        self.bring_to(Status.SUBMITTED)
        self.client.login(username="checker", password=PASSWORD)
        response = self.client.get(reverse("publishing:inbox"))
        self.assertContains(response, "มีคำขอเผยแพร่ข้อมูลใหม่รอตรวจสอบ")
        self.assertContains(response, '<span class="badge"', count=1)

    def test_marking_all_as_read(self):
        self.bring_to(Status.SUBMITTED)
        self.client.login(username="checker", password=PASSWORD)
        self.client.post(reverse("publishing:mark_read"))
        self.assertFalse(Notification.objects.filter(recipient=self.checker, read=False).exists())
        response = self.client.get(reverse("publishing:inbox"))
        self.assertNotContains(response, '<span class="badge"')

    def test_each_person_sees_only_their_own(self):
        self.bring_to(Status.SUBMITTED)
        self.client.login(username="webmaster", password=PASSWORD)
        self.assertNotContains(self.client.get(reverse("publishing:inbox")), "รอตรวจสอบ")
