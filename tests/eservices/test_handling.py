"""The handling of a case, one recorded step per action, illegal moves refused."""

import datetime

from django.core import mail

from eservices import transitions
from eservices.models import Case, CaseStep, TrackingCounter

from .helpers import EserviceTestCase, file

Status = Case.Status


class HandlingTests(EserviceTestCase):
    def test_filing_gives_a_readable_code_per_fiscal_year(self):
        first, second = file(self.complaints), file(self.complaints)
        self.assertRegex(first.code, r"^ร-25\d\d-000001$")
        self.assertEqual(second.code[-6:], "000002")
        self.assertNotEqual(first.token, second.token)
        # 1 October starts a new fiscal year and a new count.
        code = TrackingCounter.next_code("ร", datetime.date(2027, 10, 1))
        self.assertEqual(code, "ร-2571-000001")

    def test_officer_of_the_unit_takes_the_case_to_the_end(self):
        case = file(self.complaints)
        transitions.accept(case=case, by=self.officer)
        self.assertEqual((case.status, case.assignee), (Status.IN_PROGRESS, self.officer))
        transitions.ask_for_information(case=case, by=self.officer, note="ขอรูปถ่ายเพิ่ม")
        self.assertEqual(case.status, Status.WAITING)
        transitions.add_information(case=case, text="ส่งรูปแล้วค่ะ")
        self.assertEqual(case.status, Status.IN_PROGRESS)
        transitions.close_done(case=case, by=self.officer, note="เปลี่ยนหลอดไฟแล้ว")
        self.assertEqual(case.status, Status.DONE)
        self.assertIsNotNone(case.closed_at)
        actions = list(case.steps.values_list("action", flat=True))
        self.assertEqual(actions, ["file", "accept", "ask", "citizen_info", "close_done"])
        step = case.steps.get(action="accept")
        self.assertEqual((step.by, step.unit), (self.officer, self.engineering))

    def test_closed_case_refuses_every_further_step(self):
        case = file(self.complaints)
        transitions.close_referred(case=case, by=self.officer, agency="การไฟฟ้าส่วนภูมิภาค")
        self.assertEqual((case.status, case.referred_to), (Status.REFERRED, "การไฟฟ้าส่วนภูมิภาค"))
        for action in [transitions.accept, transitions.add_note]:
            with self.assertRaises(transitions.InvalidTransition):
                action(case=case, by=self.officer, note="x")
        with self.assertRaises(transitions.InvalidTransition):
            transitions.add_information(case=case, text="เพิ่มเติม")
        self.assertEqual(case.steps.count(), 2)

    def test_other_unit_cannot_act(self):
        case = file(self.complaints)
        with self.assertRaises(transitions.NotAllowed):
            transitions.accept(case=case, by=self.health_officer)
        with self.assertRaises(transitions.NotAllowed):
            transitions.accept(case=case, by=self.webmaster)
        self.assertEqual(Case.objects.get(pk=case.pk).status, Status.RECEIVED)

    def test_reassign_needs_a_reason_and_moves_the_case(self):
        case = file(self.complaints)
        with self.assertRaises(transitions.WorkflowError):
            transitions.reassign(case=case, by=self.officer, unit=self.health, reason=" ")
        transitions.reassign(case=case, by=self.officer, unit=self.health, reason="เรื่องขยะ")
        self.assertEqual((case.unit, case.status), (self.health, Status.RECEIVED))
        self.assertIn("เรื่องขยะ", case.steps.last().note)
        with self.assertRaises(transitions.NotAllowed):
            transitions.accept(case=case, by=self.officer)
        transitions.accept(case=case, by=self.health_officer)

    def test_stale_copy_cannot_overwrite_a_move(self):
        case = file(self.complaints)
        stale = Case.objects.get(pk=case.pk)
        transitions.close_referred(case=case, by=self.officer, agency="อำเภอเทิง")
        with self.assertRaises(transitions.InvalidTransition):
            transitions.accept(case=stale, by=self.officer)
        self.assertEqual(Case.objects.get(pk=case.pk).status, Status.REFERRED)

    def test_reply_reaches_citizen_but_internal_note_does_not(self):
        case = file(self.complaints)
        transitions.accept(case=case, by=self.officer)
        mail.outbox.clear()
        with self.captureOnCommitCallbacks(execute=True):
            transitions.add_note(case=case, by=self.officer, note="ผู้ร้องเคยร้องเรื่องเดียวกัน")
        self.assertEqual(mail.outbox, [])
        with self.captureOnCommitCallbacks(execute=True):
            transitions.reply(case=case, by=self.officer, note="จะเข้าซ่อมวันพฤหัสบดีนี้")
        self.assertEqual(mail.outbox[0].to, ["somchai@example.test"])
        self.assertIn("จะเข้าซ่อมวันพฤหัสบดีนี้", mail.outbox[0].body)
        shown = CaseStep.objects.filter(case=case, to_citizen=True).values_list("note", flat=True)
        self.assertIn("จะเข้าซ่อมวันพฤหัสบดีนี้", shown)
        self.assertNotIn("ผู้ร้องเคยร้องเรื่องเดียวกัน", shown)

    def test_rating_only_once_and_only_when_closed(self):
        case = file(self.complaints)
        with self.assertRaises(transitions.InvalidTransition):
            transitions.rate(case=case, score=5)
        transitions.close_referred(case=case, by=self.officer, agency="อำเภอเทิง")
        transitions.rate(case=case, score=4, comment="รวดเร็ว")
        with self.assertRaises(transitions.InvalidTransition):
            transitions.rate(case=case, score=1)
        self.assertEqual(Case.objects.get(pk=case.pk).rating, 4)
