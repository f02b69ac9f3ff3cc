"""A verbal approval is confirmed in writing by its approver within a set number of working
days (3 unless configured): marked on the dashboard until then, the approver reminded daily,
and once late it is listed on the Palat's overview."""

import datetime
import io

from django.core import mail
from django.core.management import call_command
from django.test import TestCase, override_settings
from django.urls import reverse
from django.utils import timezone

from publishing import transitions
from publishing.deadlines import add_working_days, confirmation_due_on
from publishing.models import Notification, PublicationRequest
from tests.base import PASSWORD
from tests.publishing.base import Status, WorkflowTestCase

DASHBOARD = reverse("admin:index")
LATE = "ยังไม่ได้ยืนยันเป็นลายลักษณ์อักษร"


class WorkingDayTests(TestCase):
    def test_working_days_skip_the_weekend(self):
        friday = datetime.date(2026, 11, 20)
        self.assertEqual(add_working_days(friday, 3), datetime.date(2026, 11, 25))
        self.assertEqual(
            add_working_days(friday + datetime.timedelta(days=1), 3), friday.replace(day=25)
        )
        self.assertEqual(
            add_working_days(datetime.date(2026, 12, 1), 3), datetime.date(2026, 12, 4)
        )

    def test_working_days_skip_public_holidays(self):
        # Monday 7 December 2569 is the substitute for Father's Day; the 10th Constitution Day.
        friday = datetime.date(2026, 12, 4)
        self.assertEqual(add_working_days(friday, 3), datetime.date(2026, 12, 11))

    def test_the_deadline_counts_from_the_day_it_was_given(self):
        tuesday = timezone.make_aware(datetime.datetime(2026, 12, 1, 16, 30))
        self.assertEqual(confirmation_due_on(tuesday), datetime.date(2026, 12, 4))


class ConfirmationDeadlineTests(WorkflowTestCase):
    def verbal(self, days_ago):
        pr = self.bring_to(Status.CHECKED)
        transitions.approve(
            publication_request=pr,
            by=self.checker,
            mode="verbal",
            approver=self.approver,
            given_at=timezone.now() - datetime.timedelta(days=days_ago, minutes=5),
        )
        pr.refresh_from_db()
        return pr

    def remind(self):
        call_command("send_confirmation_reminders", stdout=io.StringIO())

    def dashboard(self, username):
        self.client.login(username=username, password=PASSWORD)
        return self.client.get(DASHBOARD)

    def test_unconfirmed_verbal_approval_is_flagged_after_deadline(self):
        late, fresh = self.verbal(days_ago=10), self.verbal(days_ago=0)
        self.assertTrue(late.confirmation_overdue)
        self.assertFalse(fresh.confirmation_overdue)
        overdue = PublicationRequest.objects.written_confirmation_overdue()
        self.assertEqual(list(overdue), [late])
        # The Palat's overview lists it, with its deadline in the Buddhist Era.
        page = self.dashboard("approver")
        self.assertContains(page, "การอนุมัติด้วยวาจาที่ยังไม่ยืนยันเป็นลายลักษณ์อักษรภายในกำหนด")
        overview = [q for q in page.context["queues"] if q["label"].startswith("การอนุมัติด้วยวาจา")]
        self.assertEqual([row[0] for row in overview[0]["rows"]], [late])
        self.assertContains(page, LATE)

    def test_before_the_deadline_it_is_marked_but_not_late(self):
        pr = self.verbal(days_ago=0)
        page = self.dashboard("webmaster")  # it waits in the webmaster's queue, marked
        self.assertContains(page, "ต้องยืนยันเป็นลายลักษณ์อักษรภายใน")
        self.assertNotContains(page, LATE)
        transitions.confirm_in_writing(publication_request=pr, by=self.approver)
        self.assertNotContains(self.dashboard("webmaster"), "ต้องยืนยันเป็นลายลักษณ์อักษรภายใน")

    @override_settings(VERBAL_APPROVAL_CONFIRM_WORKING_DAYS=20)
    def test_the_time_allowed_is_configurable(self):
        pr = self.verbal(days_ago=10)
        self.assertFalse(pr.confirmation_overdue)
        self.assertFalse(PublicationRequest.objects.written_confirmation_overdue().exists())

    def test_a_confirmed_approval_is_no_longer_late(self):
        pr = self.verbal(days_ago=10)
        transitions.confirm_in_writing(publication_request=pr, by=self.approver)
        self.assertFalse(PublicationRequest.objects.written_confirmation_overdue().exists())

    def test_the_approver_is_reminded_once_a_day(self):
        pr = self.verbal(days_ago=10)
        mail.outbox.clear()
        with self.captureOnCommitCallbacks(execute=True):
            self.remind()
            self.remind()
        reminders = Notification.objects.filter(recipient=self.approver, message__contains="เตือน")
        self.assertEqual(reminders.count(), 1)
        self.assertEqual([m.to for m in mail.outbox], [[self.approver.email]])
        reminders.update(created=timezone.now() - datetime.timedelta(days=1))  # the next day
        self.remind()
        self.assertEqual(reminders.count(), 2)
        transitions.confirm_in_writing(publication_request=pr, by=self.approver)
        reminders.update(created=timezone.now() - datetime.timedelta(days=2))
        self.remind()
        self.assertEqual(reminders.count(), 2)
