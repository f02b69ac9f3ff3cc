import pytest
from playwright.sync_api import expect

from tests.browser.conftest import screenshot, wait_until

ALL_IMAGES_LOADED = (
    "[...document.querySelectorAll('.photo-grid img')]"  # every photo of the gallery
    ".every(i => i.complete && i.naturalWidth > 0)"
)
pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_a_citizen_finds_a_manual_and_its_form_on_a_phone(demo_site, page, live_server):
    page.goto(live_server.url + "/")
    assert page.get_by_role("heading", name="ข่าวล่าสุด").is_visible()
    mayor = page.locator(".person", has_text="นายอินโพธิ์ หน่อแหวน")
    mayor.scroll_into_view_if_needed()
    wait_until(page, "document.querySelector('.person img').naturalWidth > 0")
    screenshot(page, "catalog-1-home")

    page.get_by_text("เมนู").click()
    page.get_by_role("link", name="คู่มือสำหรับประชาชน").first.click()
    page.wait_for_url("**/services/")
    screenshot(page, "catalog-2-category")

    page.get_by_role("link", name="คู่มือการให้บริการประชาชน").first.click()
    page.wait_for_url("**/services/service-manuals/")
    screenshot(page, "catalog-3-subcategory")

    title = "การลงทะเบียนและยื่นคำขอรับเงินเบี้ยยังชีพผู้สูงอายุ"
    page.get_by_role("heading", name=title).get_by_role("link").click()
    expect(page.get_by_text("1 วันทำการ 45 นาที")).to_be_visible()
    assert "ขั้นตอน" in page.content()
    screenshot(page, "catalog-4-item")

    link = page.get_by_role("link", name="แบบคำขอลงทะเบียนรับเงินเบี้ยยังชีพผู้สูงอายุ")
    facts = link.locator("xpath=..").locator(".file-facts").inner_text()
    assert facts.startswith("PDF · ") and facts.endswith("1 หน้า")
    with page.expect_download() as download:
        link.click()
    assert download.value.suggested_filename == "form-elderly-allowance.pdf"
    assert page.external_requests == []


def test_activity_news_shows_its_gallery_on_a_phone(demo_site, page, live_server):
    page.goto(live_server.url + "/news/activities/")
    title = "โครงการปลูกต้นไม้เพื่อคืนความสมบูรณ์ให้ลุ่มน้ำอิง"
    page.get_by_role("heading", name=title).get_by_role("link").click()
    images = page.locator(".photo-grid img")
    expect(images).to_have_count(3)
    images.first.scroll_into_view_if_needed()
    wait_until(page, ALL_IMAGES_LOADED)
    screenshot(page, "catalog-5-activity")
    assert page.external_requests == []
