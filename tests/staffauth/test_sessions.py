"""Staff sessions end after 30 minutes idle and 10 hours at most."""

from unittest import mock

from django.test import TestCase

from chiangkhian import roles
from chiangkhian.staffauth import policy
from tests.base import make_user


class SessionLimitTests(TestCase):
    def setUp(self):
        self.client.force_login(make_user("clerk", roles.REQUESTER))
        self.start = self.client.session[policy.LOGIN_AT]

    def get_at(self, minutes):
        with mock.patch.object(policy, "now", return_value=self.start + minutes * 60):
            return self.client.get("/admin/")

    def test_a_session_used_every_20_minutes_lasts(self):
        for minutes in (20, 40, 60, 80):
            self.assertEqual(self.get_at(minutes).status_code, 200)

    def test_31_minutes_idle_signs_out(self):
        self.assertEqual(self.get_at(29).status_code, 200)
        response = self.get_at(29 + 31)
        self.assertEqual(response.status_code, 302)
        self.assertIn("/admin/login/", response["Location"])

    def test_ten_hours_after_log_in_signs_out_however_active(self):
        for minutes in range(20, 600, 20):
            self.assertEqual(self.get_at(minutes).status_code, 200)
        self.assertEqual(self.get_at(601).status_code, 302)
