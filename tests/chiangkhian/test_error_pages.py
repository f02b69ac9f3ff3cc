"""With DEBUG off, a missing page, a refused page and a failure each get a page in the site's
frame and language (Thai at /, English under /en/), never Django's bare English text."""

from unittest import mock

from django.test import RequestFactory, SimpleTestCase, override_settings
from django.utils import translation

from chiangkhian.views import server_error
from tests.base import PersonaTestCase


@override_settings(DEBUG=False, ROOT_URLCONF="tests.chiangkhian.error_urls")
class ErrorPageTests(PersonaTestCase):
    def test_a_missing_page_is_a_thai_page_in_the_site_frame(self):
        response = self.client.get("/no-such-page/")
        self.assertEqual(response.status_code, 404)
        self.assertContains(response, '<html lang="th">', status_code=404)
        self.assertContains(response, "ไม่พบหน้าที่ท่านต้องการ", status_code=404)
        self.assertContains(response, 'class="main-nav"', status_code=404)  # the menu
        self.assertContains(response, "เทศบาลตำบลทดสอบ", status_code=404)

    def test_a_missing_page_under_en_is_in_english(self):
        response = self.client.get("/en/no-such-page/")
        self.assertContains(response, '<html lang="en">', status_code=404)
        self.assertContains(response, "Page not found", status_code=404)
        self.assertContains(response, 'href="/en/"', status_code=404)

    def test_a_missing_item_is_the_same_page(self):
        response = self.client.get("/general/no-such-subcategory/999/")
        self.assertContains(response, "ไม่พบหน้าที่ท่านต้องการ", status_code=404)

    def test_a_refused_page_says_so_in_thai(self):
        response = self.client.get("/test-forbidden/")
        self.assertContains(response, "ท่านไม่มีสิทธิ์เข้าถึงหน้านี้", status_code=403)
        self.assertContains(response, 'class="main-nav"', status_code=403)

    def test_a_failure_shows_a_thai_error_page(self):
        self.client.raise_request_exception = False
        response = self.client.get("/test-broken/")
        self.assertContains(response, "ขออภัย", status_code=500)
        self.assertContains(response, '<html lang="th">', status_code=500)
        self.assertContains(response, "/static/css/site.css", status_code=500)

    def test_a_failure_under_en_is_in_english(self):
        self.client.raise_request_exception = False
        response = self.client.get("/en/test-broken/")
        self.assertContains(response, "The website has a problem", status_code=500)
        self.assertContains(response, 'href="/en/"', status_code=500)


class ServerErrorWithoutDatabaseTests(SimpleTestCase):
    """SimpleTestCase refuses every query: the 500 page must be drawn without one."""

    def test_it_renders_when_the_database_is_down(self):
        request = RequestFactory().get("/")
        with translation.override("th"):
            response = server_error(request)
        self.assertEqual(response.status_code, 500)
        self.assertIn("ระบบขัดข้อง", response.content.decode())

    def test_it_still_answers_when_its_template_fails(self):
        with mock.patch("chiangkhian.views.loader.get_template", side_effect=OSError):
            response = server_error(RequestFactory().get("/"))
        self.assertEqual(response.status_code, 500)
