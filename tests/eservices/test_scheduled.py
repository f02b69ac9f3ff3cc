"""Reminders before and after a deadline, and the erasure of personal data after retention."""

import datetime

from django.core import mail
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone

from eservices import transitions
from eservices.models import Case

from .helpers import EserviceTestCase, file


class ReminderTests(EserviceTestCase):
    def test_overdue_case_reminds_unit_head(self):
        case = file(self.complaints)
        late = case.due_on + datetime.timedelta(days=1)
        mail.outbox.clear()
        from eservices.reminders import send_reminders

        with self.captureOnCommitCallbacks(execute=True):
            self.assertEqual(send_reminders(today=late), 1)
        recipients = {address for message in mail.outbox for address in message.to}
        self.assertIn("head@example.test", recipients)
        self.assertIn("officer@example.test", recipients)
        self.assertNotIn("health@example.test", recipients)
        self.assertIn(case.code, mail.outbox[0].body)
        with self.captureOnCommitCallbacks(execute=True):
            self.assertEqual(send_reminders(today=late), 0)  # once per deadline

    def test_due_soon_reminds_the_unit_and_closed_cases_are_left_alone(self):
        from eservices.reminders import send_reminders

        case = file(self.complaints)
        done = file(self.complaints)
        transitions.close_referred(case=done, by=self.officer, agency="อำเภอเทิง")
        soon = case.due_on - datetime.timedelta(days=1)
        self.assertEqual(send_reminders(today=soon), 1)
        self.assertEqual(case.reminders.get().kind, "due_soon")


class RetentionTests(EserviceTestCase):
    @override_settings(ESERVICES_RETENTION_DAYS=730)
    def test_personal_data_erased_after_retention(self):
        old, recent = file(self.complaints), file(self.complaints)
        for case in (old, recent):
            transitions.close_referred(case=case, by=self.officer, agency="อำเภอเทิง")
        Case.objects.filter(pk=old.pk).update(
            closed_at=timezone.now() - datetime.timedelta(days=731)
        )
        call_command("erase_case_personal_data", verbosity=0)
        old.refresh_from_db()
        recent.refresh_from_db()
        self.assertEqual([old.name, old.phone, old.email, old.description], ["", "", "", ""])
        self.assertIsNotNone(old.personal_data_erased_at)
        self.assertEqual(recent.name, "นายสมชาย ใจกล้า")
        # The anonymous count stays: the case, its service, dates and status.
        self.assertEqual(Case.objects.closed().count(), 2)
        erased_at = old.personal_data_erased_at
        call_command("erase_case_personal_data", verbosity=0)
        old.refresh_from_db()
        self.assertEqual(old.personal_data_erased_at, erased_at)
