"""A second factor for approvers, webmasters and superusers whenever DEBUG is off."""

from django.test import TestCase, override_settings
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from chiangkhian import roles
from tests.base import make_user


def current_code(device):
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


@override_settings(STAFF_OTP_REQUIRED=True)
class SecondFactorTests(TestCase):
    def setUp(self):
        self.webmaster = make_user("web", roles.WEBMASTER)

    def test_webmaster_needs_otp_when_debug_off(self):
        self.client.force_login(self.webmaster)
        response = self.client.get("/admin/")
        self.assertRedirects(response, "/admin/security/setup/?next=%2Fadmin%2F")
        # The workflow pages too, not only the admin index.
        self.assertEqual(self.client.get("/admin/workflow/inbox/").status_code, 302)

    def test_enrolment_shows_a_qr_code_and_gives_recovery_codes(self):
        self.client.force_login(self.webmaster)
        page = self.client.get("/admin/security/setup/")
        self.assertContains(page, "<svg")
        self.assertNotContains(page, "otpauth://")  # drawn here, not linked to a QR service
        device = TOTPDevice.objects.get(user=self.webmaster, confirmed=False)
        wrong = self.client.post("/admin/security/setup/", {"code": "000000"})
        self.assertContains(wrong, "ไม่ถูกต้อง")
        device.refresh_from_db()
        device.throttle_reset()  # a person takes more than the one-second back-off to retype
        done = self.client.post("/admin/security/setup/", {"code": current_code(device)})
        codes = list(
            StaticToken.objects.filter(device__user=self.webmaster).values_list("token", flat=True)
        )
        self.assertEqual(len(codes), 10)
        for code in codes:
            self.assertContains(done, code)
        self.assertEqual(self.client.get("/admin/").status_code, 200)

    def enrolled(self):
        device = TOTPDevice.objects.create(user=self.webmaster, name="app", confirmed=True)
        static = self.webmaster.staticdevice_set.create(name="codes", confirmed=True)
        static.token_set.create(token="recover1")
        return device

    def test_an_enrolled_webmaster_gives_the_code_after_the_password(self):
        device = self.enrolled()
        self.client.force_login(self.webmaster)
        self.assertRedirects(self.client.get("/admin/"), "/admin/security/verify/?next=%2Fadmin%2F")
        response = self.client.post(
            "/admin/security/verify/", {"code": current_code(device), "next": "/admin/"}
        )
        self.assertRedirects(response, "/admin/")
        self.assertEqual(self.client.get("/admin/").status_code, 200)

    def test_a_recovery_code_works_once(self):
        self.enrolled()
        self.client.force_login(self.webmaster)
        self.client.post("/admin/security/verify/", {"code": "recover1"})
        self.assertEqual(self.client.get("/admin/").status_code, 200)
        self.client.logout()
        self.client.force_login(self.webmaster)
        response = self.client.post("/admin/security/verify/", {"code": "recover1"})
        self.assertEqual(response.status_code, 200)
        self.assertEqual(self.client.get("/admin/").status_code, 302)

    def test_a_requester_is_not_asked_unless_they_enrolled(self):
        requester = make_user("clerk", roles.REQUESTER)
        self.client.force_login(requester)
        self.assertEqual(self.client.get("/admin/").status_code, 200)

    def test_approver_needs_otp_when_debug_off(self):
        self.client.force_login(make_user("palat", roles.APPROVER))
        response = self.client.get("/admin/")
        self.assertRedirects(response, "/admin/security/setup/?next=%2Fadmin%2F")

    def test_a_superuser_needs_otp(self):
        self.client.force_login(make_user("boss", is_superuser=True))
        self.assertEqual(self.client.get("/admin/").status_code, 302)


class SecondFactorInDevelopmentTests(TestCase):
    @override_settings(STAFF_OTP_REQUIRED=False)
    def test_with_debug_on_the_demo_webmaster_signs_in_with_the_password(self):
        self.client.force_login(make_user("web", roles.WEBMASTER))
        self.assertEqual(self.client.get("/admin/").status_code, 200)
