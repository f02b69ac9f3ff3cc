"""Approving, publishing and withdrawing ask for the password again after 15 minutes."""

from unittest import mock

from django.urls import reverse

from chiangkhian.staffauth import policy
from publishing.models import PublicationRequest
from tests.base import PASSWORD
from tests.publishing.base import WorkflowTestCase

Status = PublicationRequest.Status


class ReauthenticationTests(WorkflowTestCase):
    def setUp(self):
        super().setUp()
        self.pr = self.bring_to(Status.APPROVED)
        self.url = reverse("publishing:publish", args=[self.pr.pk])
        self.client.force_login(self.webmaster)
        self.signed_in = self.client.session[policy.AUTH_AT]

    def at(self, minutes):
        return mock.patch.object(policy, "now", return_value=self.signed_in + minutes * 60)

    def test_publish_within_15_minutes_of_log_in_needs_nothing_more(self):
        with self.at(14):
            self.assertEqual(self.client.get(self.url).status_code, 200)

    def test_publish_asks_for_password_after_15_minutes(self):
        with self.at(16):
            response = self.client.post(self.url, {"note": ""})
            self.assertRedirects(
                response,
                f"/admin/security/confirm/?next={self.url.replace('/', '%2F')}",
                fetch_redirect_response=False,
            )
            self.pr.refresh_from_db()
            self.assertEqual(self.pr.status, Status.APPROVED)
            wrong = self.client.post(
                "/admin/security/confirm/", {"secret": "nope", "next": self.url}
            )
            self.assertContains(wrong, "ไม่ถูกต้อง")
            back = self.client.post(
                "/admin/security/confirm/", {"secret": PASSWORD, "next": self.url}
            )
            self.assertRedirects(back, self.url, fetch_redirect_response=False)
            self.assertEqual(self.client.get(self.url).status_code, 200)

    def test_approve_and_withdraw_ask_too(self):
        for name in ("approve", "withdraw", "confirm", "record_verbal"):
            with self.at(16):
                response = self.client.get(reverse(f"publishing:{name}", args=[self.pr.pk]))
            self.assertIn("/admin/security/confirm/", response["Location"], name)
