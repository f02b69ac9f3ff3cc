"""Password guessing on the back-office sign-in is locked out per account and per source."""

from axes.models import AccessAttempt, AccessFailureLog
from django.test import TestCase
from django.urls import reverse

from chiangkhian import roles
from tests.base import PASSWORD, make_user

LOGIN = "/admin/login/"


class LockoutTests(TestCase):
    def setUp(self):
        self.clerk = make_user("clerk", roles.REQUESTER)

    def attempt(self, username="clerk", password="wrong-password-1", ip="203.0.113.7"):
        return self.client.post(
            LOGIN,
            {"username": username, "password": password, "next": "/admin/"},
            REMOTE_ADDR=ip,
        )

    def test_five_wrong_passwords_still_let_the_right_one_in(self):
        for _i in range(5):
            self.assertEqual(self.attempt().status_code, 200)
        self.assertRedirects(
            self.attempt(password=PASSWORD), "/admin/", fetch_redirect_response=False
        )

    def test_sixth_wrong_password_locks_the_account(self):
        for _i in range(5):
            self.attempt()
        response = self.attempt()
        self.assertEqual(response.status_code, 429)
        self.assertContains(response, "30 นาที", status_code=429)
        self.assertContains(response, "ผู้ดูแลระบบ", status_code=429)
        # Even the right password, even from another computer, is refused while locked.
        self.assertEqual(self.attempt(password=PASSWORD, ip="198.51.100.2").status_code, 429)
        self.assertNotIn("_auth_user_id", self.client.session)

    def test_one_source_guessing_many_accounts_is_locked(self):
        make_user("other", roles.REQUESTER)
        for i in range(6):
            self.attempt(username=f"guess{i}")
        self.assertEqual(self.attempt(username="other", password=PASSWORD).status_code, 429)
        self.assertEqual(
            self.attempt(username="other", password=PASSWORD, ip="198.51.100.9").status_code, 302
        )

    def test_every_failure_is_recorded_with_the_user_name_tried(self):
        self.attempt(username="no-such-user")
        self.attempt(username="clerk")
        self.assertEqual(
            set(AccessFailureLog.objects.values_list("username", flat=True)),
            {"no-such-user", "clerk"},
        )

    def test_a_superuser_unlocks_in_the_back_office(self):
        for _i in range(6):
            self.attempt()
        admin = make_user("boss", is_superuser=True)
        self.client.force_login(admin)
        listing = self.client.get(reverse("admin:axes_accessattempt_changelist"))
        self.assertContains(listing, "clerk")
        attempt = AccessAttempt.objects.get(username="clerk")
        delete = reverse("admin:axes_accessattempt_delete", args=[attempt.pk])
        self.client.post(delete, {"post": "yes"})
        self.client.logout()
        self.assertEqual(self.attempt(password=PASSWORD).status_code, 302)

    def test_a_webmaster_cannot_open_the_lockout_list(self):
        self.client.force_login(make_user("web", roles.WEBMASTER))
        response = self.client.get(reverse("admin:axes_accessattempt_changelist"))
        self.assertEqual(response.status_code, 403)
