"""Bad input gets a 400 with a Thai explanation, never a server error."""

from django.test import TestCase

from tests.base import make_municipality


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
