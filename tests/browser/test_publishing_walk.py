"""One request walked from filing in the back office to the public page, in a real browser:
filed on one page with a PDF and a photo in at most five clicks, the PDF opened by the checker."""

import datetime
import re

import pytest
from django.utils import timezone
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from playwright.sync_api import expect

from catalog.demo_files import make_pdf, make_photo
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


class Clicks:
    """Counts what a person clicks: links, buttons and the file inputs that open a chooser."""

    def __init__(self, page):
        self.page, self.count = page, 0

    def click(self, locator):
        self.count += 1
        locator.click()

    def choose_file(self, selector, path):
        self.count += 1
        with self.page.expect_file_chooser() as chooser:
            self.page.click(selector)
        chooser.value.set_files(str(path))


def file_the_request(page, live_server, tmp_path):
    """From the back-office home, one news item with a PDF and a photo, on one page."""
    pdf = tmp_path / "ประกาศรับสมัคร อปพร.pdf"
    pdf.write_bytes(make_pdf(TITLE, ["เทศบาลตำบลเชียงเคี่ยนรับสมัคร อปพร. จำนวน 20 คน"]))
    photo = tmp_path / "IMG_20261201_0930.jpg"
    photo.write_bytes(make_photo("walk", "field"))
    log_in(page, live_server, "somporn")
    clicks = Clicks(page)
    clicks.click(page.get_by_role("link", name="ยื่นคำขอเผยแพร่ข้อมูลใหม่"))
    today = timezone.localtime()
    later = today + datetime.timedelta(days=30)
    page.select_option("#id_subcategory", str(Subcategory.objects.get(slug="general-news").pk))
    expect(page.locator(".kind-section[data-kind=news]")).to_be_hidden()
    page.select_option("#id_kind", "news")
    # The news details appear as soon as the kind is chosen, without a reload.
    expect(page.locator(".kind-section[data-kind=news]")).to_be_visible()
    expect(page.locator(".kind-section[data-kind=law]")).to_be_hidden()
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
    page.select_option("#id_newsdetail-0-news_kind", "general")
    clicks.choose_file("#id_attachments-0-file", pdf)
    page.fill("#id_attachments-0-title_th", "ประกาศรับสมัคร อปพร.")
    clicks.choose_file("#id_photos-0-image", photo)
    page.fill("#id_photos-0-alt_th", "อาสาสมัครป้องกันภัยฝ่ายพลเรือนเข้ารับการฝึกอบรม")
    shot(page, "publishing-1-one-form")
    clicks.click(page.get_by_role("button", name="บันทึกและส่งเพื่อตรวจสอบ"))
    page.wait_for_selector(".messagelist .success")
    shot(page, "publishing-2-submitted")
    assert clicks.count <= 5, f"{clicks.count} clicks to file one news item"
    pr = PublicationRequest.objects.get(item__title_th=TITLE)
    assert (pr.status, pr.item.attachments.count(), pr.item.photos.count()) == ("submitted", 1, 1)


def checker_opens_the_pdf(page, live_server):
    log_in(page, live_server, "thitaporn")
    page.get_by_role("link", name=TITLE).first.click()
    link = page.locator(".request-files a", has_text="ประกาศรับสมัคร อปพร.")
    expect(link).to_have_attribute("href", re.compile(r"^/admin/workflow/\d+/files/\d+/$"))
    shot(page, "publishing-3-checker-sees-the-files")
    with page.expect_response(re.compile(r"/admin/workflow/\d+/files/\d+/$")) as opened:
        # Chromium shows a PDF or downloads it: either way the file comes from the checked view.
        try:
            with page.expect_download(timeout=5000):
                link.click()
        except PlaywrightTimeout:
            pass
    response = opened.value
    assert response.status == 200
    assert response.headers["content-type"] == "application/pdf"
    page.goto(live_server.url + "/admin/")


def test_a_request_from_filing_to_the_public_page(demo_site, page, live_server, settings, tmp_path):
    settings.SITE_URL = live_server.url
    file_the_request(page, live_server, tmp_path)
    checker_opens_the_pdf(page, live_server)
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
