"""Bad input gets a 400 with a Thai explanation, never a server error."""

from django.test import TestCase

from chiangkhian.models import User
from tests.base import PASSWORD, PersonaTestCase, make_municipality


class NulByteTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        make_municipality()

    def test_nul_in_search_is_not_500(self):
        response = self.client.get("/search/", {"q": "ภาษี\x00' OR 1=1"})
        self.assertEqual(response.status_code, 400)
        self.assertContains(response, "ไม่มีการบันทึก", status_code=400)

    def test_nul_in_a_form_field_is_not_500(self):
        response = self.client.post("/statistics/satisfaction/", {"score": "5", "comment": "ดี\x00"})
        self.assertEqual(response.status_code, 400)

    def test_nul_in_a_parameter_name_or_the_path_is_not_500(self):
        self.assertEqual(self.client.get("/search/", {"q\x00": "x"}).status_code, 400)
        self.assertEqual(self.client.get("/news%00/").status_code, 400)

    def test_ordinary_thai_search_still_works(self):
        self.assertEqual(self.client.get("/search/", {"q": "ภาษีที่ดิน"}).status_code, 200)


class HostileValueTests(PersonaTestCase):
    """Each of these answered 500 before the hostile-input walk (test_fuzz_input) found it."""

    def test_survey_with_a_bare_word_as_next_goes_back_to_the_survey(self):
        response = self.client.post(
            "/statistics/satisfaction/", {"score": "5", "page": "/", "next": "' OR 1=1 --"}
        )
        self.assertEqual(response.status_code, 302)
        self.assertEqual(response["Location"], "/statistics/satisfaction/")

    def test_twenty_digit_item_id_in_the_back_office_is_not_500(self):
        self.client.force_login(self.webmaster)
        response = self.client.get("/admin/catalog/item/99999999999999999999999/change/")
        self.assertLess(response.status_code, 500)
        self.assertEqual(response.status_code, 302)  # Django's "does not exist" message

    def test_missing_second_factor_device_in_the_back_office_is_404(self):
        root = User.objects.create_superuser("root", "root@example.test", PASSWORD)
        self.client.force_login(root)
        self.assertEqual(
            self.client.get("/admin/otp_totp/totpdevice/4242/config/").status_code, 404
        )
        self.assertEqual(
            self.client.get("/admin/otp_totp/totpdevice/4242/qrcode/").status_code, 404
        )

    def test_impossible_fiscal_year_in_the_e_service_statistics_is_404(self):
        self.assertEqual(self.client.get("/e-service/statistics/", {"fy": "-2"}).status_code, 404)
        self.assertEqual(
            self.client.get("/e-service/statistics/", {"fy": "99999"}).status_code, 404
        )
        self.assertEqual(
            self.client.get("/e-service/statistics.csv", {"fy": "-2"}).status_code, 404
        )

    def test_confirming_the_password_with_a_bare_word_as_next_goes_to_the_back_office(self):
        self.client.force_login(self.webmaster)
        response = self.client.post(
            "/admin/security/confirm/", {"secret": PASSWORD, "next": "approve"}
        )
        self.assertEqual(response.status_code, 302)
        self.assertEqual(response["Location"], "/admin/")
