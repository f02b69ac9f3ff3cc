"""Every workflow action, in every status, by every role: allowed exactly where it should be.

A refused action raises a WorkflowError and changes nothing (status and history alike).
"""

from publishing import transitions
from publishing.models import PublicationRequest
from tests.publishing.base import Status, WorkflowTestCase

PERSONAS = ["requester", "checker", "approver", "webmaster", "webmaster2"]
Verbal = PublicationRequest.ApprovalMode.VERBAL


def run(test, action, pr, user):
    call = {
        "submit": lambda: transitions.submit(publication_request=pr, by=user),
        "check": lambda: transitions.check(publication_request=pr, by=user),
        "return": lambda: transitions.return_to_requester(
            publication_request=pr, by=user, note="โปรดระบุแหล่งที่มา"
        ),
        "approve": lambda: transitions.approve(publication_request=pr, by=user),
        "record_verbal": lambda: transitions.approve(
            publication_request=pr, by=user, mode=Verbal, approver=test.approver
        ),
        "reject": lambda: transitions.reject(
            publication_request=pr, by=user, reason="incorrect", note="ตัวเลขไม่ตรงกับเอกสาร"
        ),
        "publish": lambda: transitions.publish(publication_request=pr, by=user),
        "withdraw": lambda: transitions.withdraw(
            publication_request=pr, by=user, reason="ข้อมูลคลาดเคลื่อน"
        ),
    }
    call[action]()


# action: (statuses it applies to, personas who may take it, resulting status)
EXPECTED = {
    "submit": ({Status.DRAFT, Status.RETURNED}, {"requester"}, Status.SUBMITTED),
    "check": ({Status.SUBMITTED}, {"checker"}, Status.CHECKED),
    "return": ({Status.SUBMITTED}, {"checker"}, Status.RETURNED),
    "approve": ({Status.CHECKED}, {"approver"}, Status.APPROVED),
    "record_verbal": ({Status.CHECKED}, {"checker", "approver"}, Status.APPROVED),
    "reject": ({Status.CHECKED}, {"approver"}, Status.REJECTED),
    "publish": ({Status.APPROVED}, {"webmaster", "webmaster2"}, Status.PUBLISHED),
    "withdraw": ({Status.PUBLISHED}, {"webmaster", "webmaster2"}, Status.WITHDRAWN),
}


class WhoMayDoWhatTests(WorkflowTestCase):
    def assert_matrix(self, action):
        statuses, allowed, result = EXPECTED[action]
        unchanged = {status: self.bring_to(status) for status in Status.values}
        for status in Status.values:
            for persona in PERSONAS:
                with self.subTest(action=action, status=status, persona=persona):
                    if status in statuses and persona in allowed:
                        self.assert_allowed(action, self.bring_to(status), persona, result)
                    else:
                        self.assert_refused(action, unchanged[status], persona)

    def assert_allowed(self, action, pr, persona, result):
        before = pr.changes.count()
        run(self, action, pr, getattr(self, persona))
        pr.refresh_from_db()
        self.assertEqual(pr.status, result)
        self.assertEqual(pr.changes.count(), before + 1)
        self.assertEqual(pr.changes.last().by, getattr(self, persona))

    def assert_refused(self, action, pr, persona):
        before = (pr.status, pr.changes.count(), pr.item.status, pr.history.count())
        with self.assertRaises(transitions.WorkflowError) as raised:
            run(self, action, pr, getattr(self, persona))
        self.assertTrue(raised.exception.message)
        pr.refresh_from_db()
        pr.item.refresh_from_db()
        self.assertEqual(
            (pr.status, pr.changes.count(), pr.item.status, pr.history.count()), before
        )

    def test_submit(self):
        self.assert_matrix("submit")

    def test_check(self):
        self.assert_matrix("check")

    def test_return_to_requester(self):
        self.assert_matrix("return")

    def test_approve_in_writing(self):
        self.assert_matrix("approve")

    def test_record_a_verbal_approval(self):
        self.assert_matrix("record_verbal")

    def test_reject(self):
        self.assert_matrix("reject")

    def test_publish(self):
        self.assert_matrix("publish")

    def test_withdraw(self):
        self.assert_matrix("withdraw")

    def test_the_allowed_map_matches_the_actions(self):
        targets = {
            (status, result) for statuses, _, result in EXPECTED.values() for status in statuses
        }
        allowed = {(old, new) for old, news in transitions.ALLOWED.items() for new in news}
        self.assertEqual(allowed - {(Status.PUBLISHED, Status.EXPIRED)}, targets)
