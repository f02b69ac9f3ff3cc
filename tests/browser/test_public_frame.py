import io

import pytest
from django.core.management import call_command
from django.test import override_settings

from tests.browser.conftest import screenshot

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@override_settings(DEBUG=True)
def load_demo():
    call_command("load_demo", stdout=io.StringIO())


def test_home_page_on_a_phone_in_thai_with_sarabun(demo_site, page, live_server):
    page.goto(live_server.url + "/")
    assert page.locator("html").get_attribute("lang") == "th"
    assert page.locator("h1").inner_text() == "เทศบาลตำบลเชียงเคี่ยน"
    page.evaluate("document.fonts.ready")
    assert page.evaluate("document.fonts.check('16px Sarabun', 'ก')")
    screenshot(page, "home-phone")
    assert page.external_requests == []


def test_menu_opens_and_leads_to_a_category(demo_site, page, live_server):
    page.goto(live_server.url + "/")
    page.get_by_text("เมนู").click()
    page.get_by_role("link", name="ข่าวประชาสัมพันธ์").first.click()
    page.wait_for_url("**/news/")
    assert "ข่าวประชาสัมพันธ์" in page.locator("h1").inner_text()


def test_skip_link_moves_focus_to_the_content(demo_site, page, live_server):
    page.goto(live_server.url + "/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.getAttribute('href')") == "#content"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "content"


def test_switching_to_english(demo_site, page, live_server):
    page.goto(live_server.url + "/general/")
    page.get_by_role("link", name="English").click()
    page.wait_for_url("**/en/general/")
    assert page.locator("html").get_attribute("lang") == "en"
    assert "General information" in page.locator("h1").inner_text()


def test_the_menu_is_open_on_a_wide_screen(demo_site, page, live_server):
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(live_server.url + "/")
    assert page.get_by_role("link", name="ข่าวประชาสัมพันธ์", exact=True).first.is_visible()
    assert not page.get_by_text("เมนู", exact=True).is_visible()
    screenshot(page, "home-desktop")
