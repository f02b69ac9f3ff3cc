"""An oversized request body is refused from its length, before any of it is read."""

from django.test import TestCase, override_settings

from tests.base import make_municipality


class ExplodingStream:
    """A request body that fails the test if anybody reads it."""

    def read(self, *args):
        raise AssertionError("the body was read")

    readline = read


@override_settings(REQUEST_MAX_MB=2, BACK_OFFICE_REQUEST_MAX_MB=10)
class BodyLimitTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        make_municipality()

    def post(self, url, length):
        return self.client.generic(
            "POST",
            url,
            content_type="multipart/form-data; boundary=x",
            CONTENT_LENGTH=str(length),
            **{"wsgi.input": ExplodingStream()},
        )

    def test_body_over_limit_is_refused_before_reading(self):
        response = self.post("/statistics/satisfaction/", 3 * 1024 * 1024)
        self.assertEqual(response.status_code, 413)
        self.assertContains(response, "3.0 MB", status_code=413)
        self.assertContains(response, "ไม่มีการบันทึก", status_code=413)

    def test_the_back_office_allows_several_files_but_not_more(self):
        self.assertEqual(self.post("/admin/login/", 11 * 1024 * 1024).status_code, 413)
        self.assertEqual(self.post("/en/admin/login/", 11 * 1024 * 1024).status_code, 413)

    def test_a_malformed_length_is_refused(self):
        self.assertEqual(self.post("/statistics/satisfaction/", "-5").status_code, 413)

    def test_a_body_within_the_limit_goes_through(self):
        response = self.client.post("/statistics/satisfaction/", {"score": "5"})
        self.assertNotEqual(response.status_code, 413)
