"""The citizen's path and the staff's path of e-services, in a real browser at phone width."""

import io
import re

import pytest
from django.test import override_settings
from PIL import Image
from playwright.sync_api import expect

from chiangkhian.demo import DEMO_PASSWORD
from tests.browser.conftest import screenshot, wait_until

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def fits_the_phone(page):
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def phone_photo():
    buffer = io.BytesIO()
    Image.new("RGB", (1200, 900), (90, 120, 160)).save(buffer, "JPEG")
    return {"name": "IMG_2041.jpg", "mimeType": "image/jpeg", "buffer": buffer.getvalue()}


def file_complaint(page, live_server):
    page.context.grant_permissions(["geolocation"], origin=live_server.url)
    page.context.set_geolocation({"latitude": 19.7359, "longitude": 100.1648})
    page.goto(live_server.url + "/")
    page.locator(".es-home").get_by_role("link", name="เรื่องร้องเรียน/ร้องทุกข์").click()
    expect(page.locator("h1")).to_have_text("เรื่องร้องเรียน/ร้องทุกข์")
    page.get_by_label("หมวดหมู่").select_option("lights")
    page.get_by_label("เรื่อง", exact=False).first.fill("ไฟถนนดับ ซอย 4 หมู่ 2")
    page.get_by_label("รายละเอียด").fill("ไฟถนนดับทั้งซอยมาสามคืนแล้ว เด็ก ๆ กลับบ้านลำบาก")
    page.get_by_label("สถานที่").fill("ซอย 4 หมู่ 2 ใกล้ร้านค้าสหกรณ์")
    page.get_by_role("button", name="เพิ่มตำแหน่งปัจจุบันของฉัน").click()
    expect(page.locator(".es-location-status")).to_contain_text("19.735900")
    page.get_by_label("รูปถ่าย").set_input_files([phone_photo()])
    page.get_by_label("ชื่อ-นามสกุล").fill("นางสาวมาลี ดีใจ")
    page.get_by_label("หมายเลขโทรศัพท์").fill("089-111-2233")
    screenshot(page, "eservices-form-phone")
    assert fits_the_phone(page)


# The real proof-of-work challenge, whatever the environment says: the browser must solve it.
@override_settings(ESERVICES_POW_MAX_NUMBER=50000)
def test_citizen_files_follows_and_staff_answer(demo_site, page, live_server, browser):
    file_complaint(page, live_server)
    page.get_by_role("button", name="ส่งเรื่อง").click()  # consent not ticked yet
    expect(page.locator("#id_consent-error")).to_be_visible()
    assert page.get_by_label("รายละเอียด").input_value().startswith("ไฟถนนดับทั้งซอย")
    page.get_by_label("รูปถ่าย").set_input_files([phone_photo()])
    page.locator("#id_consent").check()
    # The page's script solves the challenge by itself, before or when the form is sent.
    wait_until(page, "document.querySelector('input[name=altcha]').value !== ''", timeout=30)
    page.get_by_role("button", name="ส่งเรื่อง").click()
    expect(page.locator("h1")).to_have_text("ส่งเรื่องเรียบร้อยแล้ว ขอบคุณค่ะ", timeout=30000)
    code = page.locator(".es-code").inner_text()
    assert re.fullmatch(r"ร-25\d\d-\d{6}", code)
    assert fits_the_phone(page)
    screenshot(page, "eservices-sent-phone")

    staff = browser.new_context(viewport={"width": 390, "height": 844}, locale="th-TH")
    admin = staff.new_page()
    admin.goto(live_server.url + "/admin/login/")
    admin.get_by_label("ชื่อผู้ใช้").fill("kanya")
    admin.get_by_label("รหัสผ่าน").fill(DEMO_PASSWORD)
    admin.get_by_role("button", name="เข้าสู่ระบบ").click()
    admin.goto(live_server.url + "/admin/eservices/case/")
    admin.get_by_role("link", name=code).click()
    expect(admin.get_by_text("นางสาวมาลี ดีใจ")).to_be_visible()
    admin.get_by_role("link", name="รับเรื่อง").click()
    admin.get_by_role("button", name="ยืนยัน").click()
    admin.get_by_role("link", name="ตอบกลับผู้ยื่นเรื่อง").click()
    admin.get_by_label("ข้อความ").fill("ช่างจะเข้าเปลี่ยนหลอดไฟวันพรุ่งนี้")
    admin.get_by_role("button", name="ยืนยัน").click()
    expect(admin.locator(".messagelist")).to_contain_text("ดำเนินการแล้ว")
    screenshot(admin, "eservices-staff-case-phone")
    staff.close()

    page.goto(live_server.url + "/e-service/track/")
    page.get_by_label("เลขที่เรื่อง").fill(code)
    page.get_by_label("หมายเลขโทรศัพท์หรืออีเมลที่ให้ไว้").fill("0891112233")
    page.get_by_role("button", name="แสดงเรื่องของฉัน").click()
    expect(page.locator(".es-steps")).to_contain_text("ช่างจะเข้าเปลี่ยนหลอดไฟวันพรุ่งนี้")
    expect(page.locator(".es-facts")).to_contain_text("กองช่าง")
    photo = page.locator(".es-files img")
    expect(photo).to_have_count(1)
    photo.scroll_into_view_if_needed()
    wait_until(page, "document.querySelector('.es-files img').naturalWidth > 0")
    assert fits_the_phone(page)
    screenshot(page, "eservices-status-phone")
    assert page.external_requests == []


def test_statistics_page_on_a_phone(demo_site, page, live_server):
    page.goto(live_server.url + "/e-service/statistics/")
    expect(page.get_by_role("img", name="เรื่องที่ได้รับ")).to_be_visible()
    assert fits_the_phone(page)
    screenshot(page, "eservices-statistics-phone")
