"""Announcement 2.1 names three different people; nobody acts on their own request."""

from django.test import override_settings
from django.urls import reverse

from chiangkhian import roles
from publishing import access, transitions
from tests.base import PASSWORD, make_user
from tests.publishing.base import Status, WorkflowTestCase, file_request

ALL_ROLES = [roles.REQUESTER, roles.CHECKER, roles.APPROVER, roles.WEBMASTER]


class OwnRequestTests(WorkflowTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.everyone = make_user("everyone", *ALL_ROLES)

    def own(self, status):
        pr = file_request(self.everyone)
        return self.bring_to(status, pr=pr)

    def test_nobody_checks_their_own_request(self):
        pr = self.own(Status.SUBMITTED)
        with self.assertRaisesMessage(transitions.NotAllowed, "คุณเป็นผู้ยื่นคำขอนี้เอง"):
            transitions.check(publication_request=pr, by=self.everyone)

    def test_nobody_approves_or_rejects_their_own_request(self):
        pr = self.own(Status.CHECKED)
        with self.assertRaises(transitions.NotAllowed):
            transitions.approve(publication_request=pr, by=self.everyone)
        with self.assertRaises(transitions.NotAllowed):
            transitions.reject(publication_request=pr, by=self.everyone, reason="other", note="x")

    def test_a_verbal_approval_cannot_name_the_requester_as_approver(self):
        pr = self.own(Status.CHECKED)
        with self.assertRaises(transitions.NotAllowed):
            transitions.approve(
                publication_request=pr, by=self.checker, mode="verbal", approver=self.everyone
            )

    def test_nobody_publishes_their_own_request(self):
        pr = self.own(Status.APPROVED)
        with self.assertRaisesMessage(transitions.NotAllowed, "คุณเป็นผู้ยื่นคำขอนี้เอง"):
            transitions.publish(publication_request=pr, by=self.everyone)

    def test_the_reason_is_given_for_the_back_office(self):
        pr = self.own(Status.SUBMITTED)
        self.assertIn("คุณเป็นผู้ยื่นคำขอนี้เอง", access.why_not(self.everyone, "check", pr))
        self.assertIsNone(access.why_not(self.checker, "check", pr))


class ApproverPublishingTests(WorkflowTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.approving_webmaster = make_user("palat", roles.APPROVER, roles.WEBMASTER)

    def approved_by_them(self):
        pr = self.bring_to(Status.CHECKED)
        transitions.approve(publication_request=pr, by=self.approving_webmaster)
        return pr

    def test_the_approver_may_not_publish_what_they_approved(self):
        pr = self.approved_by_them()
        with self.assertRaisesMessage(transitions.NotAllowed, "คุณเป็นผู้อนุมัติคำขอนี้"):
            transitions.publish(publication_request=pr, by=self.approving_webmaster)
        self.assertNotIn(pr, pr.__class__.objects.waiting_for_publishing(self.approving_webmaster))

    @override_settings(PUBLISHING_APPROVER_MAY_PUBLISH=True)
    def test_unless_the_municipality_allows_it_for_an_approver_who_is_a_webmaster(self):
        pr = self.approved_by_them()
        self.assertIn(pr, pr.__class__.objects.waiting_for_publishing(self.approving_webmaster))
        transitions.publish(publication_request=pr, by=self.approving_webmaster)
        pr.refresh_from_db()
        self.assertEqual(pr.status, Status.PUBLISHED)

    @override_settings(PUBLISHING_APPROVER_MAY_PUBLISH=True)
    def test_the_setting_gives_no_publishing_right_to_an_approver_without_the_role(self):
        pr = self.bring_to(Status.APPROVED)
        with self.assertRaisesMessage(transitions.NotAllowed, "ผู้รับผิดชอบการนำข้อมูลขึ้นเผยแพร่"):
            transitions.publish(publication_request=pr, by=self.approver)

    def test_another_webmaster_publishes_what_the_approver_approved(self):
        pr = self.approved_by_them()
        transitions.publish(publication_request=pr, by=self.webmaster)
        pr.refresh_from_db()
        self.assertEqual(pr.published_by, self.webmaster)


class CheckerIsNotApproverTests(WorkflowTestCase):
    """Announcement 2.1.1-2.1.2: the person who checked a request does not also approve it."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.head = make_user("head", roles.CHECKER, roles.APPROVER)

    def checked_by_head(self):
        pr = self.bring_to(Status.SUBMITTED)
        transitions.check(publication_request=pr, by=self.head)
        pr.refresh_from_db()
        return pr

    def test_checker_cannot_approve_what_they_checked(self):
        pr = self.checked_by_head()
        with self.assertRaisesMessage(transitions.NotAllowed, "คุณเป็นผู้ตรวจสอบคำขอนี้"):
            transitions.approve(publication_request=pr, by=self.head)
        with self.assertRaisesMessage(transitions.NotAllowed, "คุณเป็นผู้ตรวจสอบคำขอนี้"):
            transitions.reject(publication_request=pr, by=self.head, reason="other", note="x")
        pr.refresh_from_db()
        self.assertEqual(pr.status, Status.CHECKED)
        self.assertNotIn(pr, pr.__class__.objects.waiting_for_approval(self.head))

    def test_another_approver_approves_it(self):
        pr = self.checked_by_head()
        self.assertIn(pr, pr.__class__.objects.waiting_for_approval(self.approver))
        transitions.approve(publication_request=pr, by=self.approver)
        pr.refresh_from_db()
        self.assertEqual(pr.approved_by, self.approver)

    def test_a_verbal_approval_cannot_be_given_in_the_checkers_name(self):
        pr = self.checked_by_head()
        with self.assertRaisesMessage(transitions.NotAllowed, "ผู้อนุมัติเป็นผู้ตรวจสอบคำขอนี้"):
            transitions.approve(
                publication_request=pr, by=self.checker, mode="verbal", approver=self.head
            )

    def test_the_approval_page_refuses_the_checker(self):
        pr = self.checked_by_head()
        self.client.login(username="head", password=PASSWORD)
        url = reverse("publishing:approve", args=[pr.pk])
        self.assertContains(self.client.get(url), "คุณเป็นผู้ตรวจสอบคำขอนี้")
        self.client.post(url, {"note": ""})
        pr.refresh_from_db()
        self.assertEqual(pr.status, Status.CHECKED)

    @override_settings(PUBLISHING_CHECKER_MAY_APPROVE=True)
    def test_a_very_small_office_may_allow_it_and_the_form_says_so(self):
        pr = self.checked_by_head()
        self.client.login(username="head", password=PASSWORD)
        url = reverse("publishing:approve", args=[pr.pk])
        self.assertContains(self.client.get(url), "PUBLISHING_CHECKER_MAY_APPROVE")
        self.client.post(url, {"note": ""})
        pr.refresh_from_db()
        self.assertEqual((pr.status, pr.approved_by), (Status.APPROVED, self.head))

    def test_without_the_setting_the_form_does_not_mention_it(self):
        pr = self.bring_to(Status.CHECKED)
        self.client.login(username="approver", password=PASSWORD)
        page = self.client.get(reverse("publishing:approve", args=[pr.pk]))
        self.assertNotContains(page, "PUBLISHING_CHECKER_MAY_APPROVE")
