"""A failed e-mail is retried with a growing delay, listed for superusers, and never lost."""

import datetime
import io

from django.core import mail
from django.core.mail import EmailMessage
from django.core.management import call_command
from django.test import TestCase, override_settings
from django.urls import reverse
from django.utils import timezone

from outbox.models import OutgoingMail
from outbox.tasks import deliver, queue
from tests.base import PASSWORD, make_user
from tests.outbox.backends import FlakyBackend
from tests.worker import DATABASE_QUEUE, run_worker

FLAKY = "tests.outbox.backends.FlakyBackend"


def thai_message(to="citizen@example.test"):
    return EmailMessage("ได้รับคำร้องแล้ว: ER-2569-0001", "เราได้รับคำร้องของท่านแล้ว", None, [to])


def later(minutes):
    return timezone.now() + datetime.timedelta(minutes=minutes)


@override_settings(EMAIL_BACKEND=FLAKY, OUTBOX_MAX_ATTEMPTS=3)
class RetryTests(TestCase):
    def setUp(self):
        FlakyBackend.failures_left = 0

    def test_a_message_that_goes_through_is_sent_once_and_marked_sent(self):
        [row] = queue([thai_message()])
        row.refresh_from_db()
        self.assertEqual(row.status, OutgoingMail.Status.SENT)
        self.assertEqual([m.subject for m in mail.outbox], ["ได้รับคำร้องแล้ว: ER-2569-0001"])
        self.assertEqual(deliver(row.pk), "")  # never twice
        self.assertEqual(len(mail.outbox), 1)

    def test_failed_email_is_retried_after_a_growing_delay(self):
        FlakyBackend.failures_left = 2
        with self.assertLogs("outbox.tasks", "WARNING"):
            [row] = queue([thai_message()])
        row.refresh_from_db()
        self.assertEqual((row.status, row.attempts), (OutgoingMail.Status.RETRYING, 1))
        self.assertIn("SMTPServerDisconnected", row.last_error)
        self.assertEqual(deliver(row.pk), "")  # not due yet: one minute later
        with self.assertLogs("outbox.tasks", "WARNING"):
            self.assertEqual(deliver(row.pk, now=later(2)), OutgoingMail.Status.RETRYING)
        row.refresh_from_db()
        self.assertGreater(row.next_attempt_at, later(4))  # the second wait is five minutes
        self.assertEqual(deliver(row.pk, now=later(10)), OutgoingMail.Status.SENT)
        self.assertEqual(len(mail.outbox), 1)

    def test_the_sweep_command_sends_what_is_due(self):
        FlakyBackend.failures_left = 1
        with self.assertLogs("outbox.tasks", "WARNING"):
            [row] = queue([thai_message()])
        OutgoingMail.objects.filter(pk=row.pk).update(next_attempt_at=timezone.now())
        call_command("send_queued_mail", stdout=io.StringIO())
        row.refresh_from_db()
        self.assertEqual(row.status, OutgoingMail.Status.SENT)
        self.assertEqual(len(mail.outbox), 1)

    def test_the_sweep_retries_a_send_cut_off_and_deletes_old_sent_mail(self):
        [old] = queue([thai_message()])
        OutgoingMail.objects.filter(pk=old.pk).update(sent_at=later(-31 * 24 * 60))
        cut_off = OutgoingMail.from_message(thai_message("malee@example.test"))
        cut_off.status, cut_off.attempts = OutgoingMail.Status.SENDING, 1
        cut_off.next_attempt_at = later(-20)  # its worker died twenty minutes ago
        cut_off.save()
        out = io.StringIO()
        call_command("send_queued_mail", stdout=out)
        self.assertIn("1 of 1 due e-mails sent (1 cut off mid-send retried); 1 old", out.getvalue())
        self.assertFalse(OutgoingMail.objects.filter(pk=old.pk).exists())
        cut_off.refresh_from_db()
        self.assertEqual(cut_off.status, OutgoingMail.Status.SENT)
        self.assertEqual(mail.outbox[-1].to, ["malee@example.test"])


@override_settings(EMAIL_BACKEND=FLAKY, OUTBOX_MAX_ATTEMPTS=2)
class FailedMailListTests(TestCase):
    def setUp(self):
        FlakyBackend.failures_left = 10
        with self.assertLogs("outbox.tasks", "WARNING"):
            [self.row] = queue([thai_message("somchai@example.test")])
            deliver(self.row.pk, now=later(2))
        self.list_url = reverse("admin:outbox_outgoingmail_changelist")

    def test_failed_email_is_retried_and_visible_to_superuser(self):
        self.row.refresh_from_db()
        self.assertEqual((self.row.status, self.row.attempts), (OutgoingMail.Status.FAILED, 2))
        make_user("root", is_superuser=True)
        self.client.login(username="root", password=PASSWORD)
        response = self.client.get(self.list_url, {"status__exact": "failed"})
        self.assertContains(response, "ได้รับคำร้องแล้ว: ER-2569-0001")
        self.assertContains(response, "somchai@example.test")
        FlakyBackend.failures_left = 0
        response = self.client.post(
            self.list_url,
            {"action": "send_selected_again", "_selected_action": [self.row.pk]},
            follow=True,
        )
        self.assertEqual(len(list(response.context["messages"])), 1)  # "put back in the queue"
        self.row.refresh_from_db()
        self.assertEqual(self.row.status, OutgoingMail.Status.SENT)
        self.assertEqual(mail.outbox[0].to, ["somchai@example.test"])

    def test_the_superusers_back_office_lists_the_mails_and_the_task_results_in_thai(self):
        make_user("root", is_superuser=True)
        self.client.login(username="root", password=PASSWORD)
        response = self.client.get(reverse("admin:index"))
        self.assertContains(response, "อีเมลขาออก")
        self.assertContains(response, "งานเบื้องหลัง")
        self.assertContains(response, self.list_url)

    def test_other_staff_cannot_see_the_mails(self):
        make_user("webmaster-x", "webmaster")
        self.client.login(username="webmaster-x", password=PASSWORD)
        self.assertEqual(self.client.get(self.list_url).status_code, 403)
        response = self.client.get(reverse("admin:index"))
        self.assertNotContains(response, self.list_url)


@override_settings(EMAIL_BACKEND=FLAKY, TASKS=DATABASE_QUEUE, OUTBOX_MAX_ATTEMPTS=3)
class DatabaseQueueTests(TestCase):
    """Production: the tasks wait in the database for `manage.py db_worker`."""

    def setUp(self):
        FlakyBackend.failures_left = 1

    def test_the_worker_sends_and_a_failure_is_deferred_not_dropped(self):
        from django_tasks_db.models import DBTaskResult

        [row] = queue([thai_message()])
        self.assertEqual(mail.outbox, [])  # nothing is sent on the request path
        with self.assertLogs("outbox.tasks", "WARNING"):
            run_worker()
        row.refresh_from_db()
        self.assertEqual(row.status, OutgoingMail.Status.RETRYING)
        self.assertEqual(DBTaskResult.objects.filter(status="FAILED").count(), 1)
        retry = DBTaskResult.objects.get(status="READY")
        self.assertEqual(retry.run_after, row.next_attempt_at)
        # Its time comes: the worker sends it.
        DBTaskResult.objects.filter(pk=retry.pk).update(run_after=timezone.now())
        OutgoingMail.objects.filter(pk=row.pk).update(next_attempt_at=timezone.now())
        run_worker()
        row.refresh_from_db()
        self.assertEqual(row.status, OutgoingMail.Status.SENT)
        self.assertEqual(len(mail.outbox), 1)


class SentMailTextTests(TestCase):
    def test_sent_password_reset_link_is_not_kept_in_the_database(self):
        from django.contrib.auth import get_user_model

        user = get_user_model().objects.create_user(
            "somchai", "somchai@example.test", "a-long-password-123", is_staff=True
        )
        self.client.post(reverse("admin_password_reset"), {"email": user.email})
        self.assertEqual(len(mail.outbox), 1)
        self.assertIn("/password-reset/", mail.outbox[0].body)
        sent = OutgoingMail.objects.get()
        self.assertEqual(sent.status, OutgoingMail.Status.SENT)
        self.assertEqual(sent.body, "")
