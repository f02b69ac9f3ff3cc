"""One request walked from filing in the back office to the public page, in a real browser."""

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from catalog.models import Subcategory
from chiangkhian.dateinput import format_date_input
from chiangkhian.demo import DEMO_PASSWORD
from publishing.models import PublicationRequest
from tests.browser.conftest import screenshot

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

TITLE = "ประชาสัมพันธ์การรับสมัครอาสาสมัครป้องกันภัยฝ่ายพลเรือน ประจำปี 2569"


def shot(page, name):
    # Sarabun's Thai subset, or Thai shows as boxes on a system without Thai fonts.
    page.evaluate("document.fonts.load('16px Sarabun', 'ก').then(() => document.fonts.ready)")
    screenshot(page, name)


def log_in(page, live_server, username):
    page.context.clear_cookies()
    page.goto(live_server.url + "/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", DEMO_PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_url(live_server.url + "/admin/")


def take_action(page, live_server, username, action_label, name):
    """From the signed-in user's queue on the admin index to the confirmed action."""
    log_in(page, live_server, username)
    page.get_by_role("link", name=TITLE).first.click()
    page.get_by_role("link", name=action_label, exact=True).click()
    shot(page, f"publishing-{name}-confirm")
    page.get_by_role("button", name=f"ยืนยัน: {action_label}").click()
    page.wait_for_selector(".messagelist .success")
    shot(page, f"publishing-{name}-done")


def file_the_request(page, live_server):
    log_in(page, live_server, "somporn")
    page.get_by_role("link", name="ยื่นคำขอเผยแพร่ข้อมูลใหม่").click()
    today = timezone.localtime()
    later = today + datetime.timedelta(days=30)
    page.select_option("#id_subcategory", str(Subcategory.objects.get(slug="general-news").pk))
    page.select_option("#id_kind", "news")
    page.fill("#id_title_th", TITLE)
    page.fill("#id_summary_th", "เทศบาลตำบลเชียงเคี่ยนรับสมัคร อปพร. จำนวน 20 คน")
    page.locator(".field-body_th .tiptap.ProseMirror").click()  # the body editor
    page.keyboard.type("ผู้สนใจสมัครได้ที่สำนักปลัดเทศบาล ในวันและเวลาราชการ")
    page.fill("#id_source", "สำนักปลัดเทศบาล")
    page.fill("#id_data_from", format_date_input(today))  # B.E., as a clerk types
    page.fill("#id_publish_at_0", format_date_input(today))
    page.fill("#id_publish_at_1", "00:00:00")
    page.fill("#id_expire_at_0", format_date_input(later))
    page.fill("#id_expire_at_1", "16:30:00")
    shot(page, "publishing-1-form")
    page.click("input[name=_save]")
    page.wait_for_selector(".messagelist .success")
    # A news item needs its news details: they are filled on the draft's content form.
    page.get_by_role("link", name="แก้ไขรายละเอียดเนื้อหาและไฟล์แนบ").click()
    page.select_option("select[name$='news_kind']", "general")
    shot(page, "publishing-1b-content-details")
    page.click("input[name=_continue]")
    page.wait_for_selector(".messagelist .success")
    page.get_by_role("link", name="กลับไปที่คำขอเผยแพร่").click()
    page.get_by_role("link", name="ส่งคำขอเพื่อตรวจสอบ").click()
    page.get_by_role("button", name="ยืนยัน: ส่งคำขอเพื่อตรวจสอบ").click()
    page.wait_for_selector(".messagelist .success")
    shot(page, "publishing-2-submitted")


def test_a_request_from_filing_to_the_public_page(demo_site, page, live_server, settings):
    settings.SITE_URL = live_server.url
    file_the_request(page, live_server)
    take_action(page, live_server, "thitaporn", "ตรวจสอบแล้ว ส่งขออนุมัติ", "3-check")
    log_in(page, live_server, "arthitaya")
    shot(page, "publishing-4-approver-queue")
    take_action(page, live_server, "arthitaya", "อนุมัติ", "4-approve")
    take_action(page, live_server, "khwanwipa", "เผยแพร่", "5-publish")
    assert PublicationRequest.objects.get(item__title_th=TITLE).status == "published"

    page.get_by_role("link", name="เปิดหน้าเว็บไซต์สาธารณะ").click()
    expect(page.locator("h1")).to_have_text(TITLE)
    shot(page, "publishing-6-public-page")
    assert page.external_requests == []
