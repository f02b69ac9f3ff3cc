"""The statistics page and the page rating in a real browser at phone width."""

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from stats.models import SurveyResponse
from tests.browser.conftest import SCREENSHOTS, screenshot

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def live_item():
    from catalog.models import Item, Subcategory

    now = timezone.now()
    return Item.objects.create(
        subcategory=Subcategory.objects.get(slug="general-news"),
        kind=Item.Kind.NEWS,
        title_th="ประกาศกำหนดการชำระภาษีที่ดินและสิ่งปลูกสร้าง ประจำปี 2569",
        body_th="ขอเชิญผู้มีหน้าที่เสียภาษีชำระภาษีภายในเดือนเมษายน ณ กองคลัง",
        source="กองคลัง",
        data_from=datetime.date(2026, 1, 1),
        publish_at=now - datetime.timedelta(days=1),
        expire_at=now + datetime.timedelta(days=60),
        status=Item.Status.PUBLISHED,
    )


def fits_the_phone(page):
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_statistics_page_on_a_phone(demo_site, page, live_server):
    page.goto(live_server.url + "/statistics/")
    assert "สถิติผู้เข้าชมและความพึงพอใจ" in page.locator("h1").inner_text()
    charts = page.get_by_role("img", name="ผู้เข้าชมรายวัน 30 วันล่าสุด")
    assert charts.is_visible()
    assert page.get_by_role("img", name="ผู้เข้าชมรายเดือน 12 เดือนล่าสุด").is_visible()
    page.get_by_text("แสดงตัวเลขเป็นตาราง").first.click()
    expect(page.get_by_role("table", name="ผู้เข้าชมรายวัน 30 วันล่าสุด")).to_be_visible()
    assert page.locator(".satisfaction-average").is_visible()
    assert fits_the_phone(page)
    page.locator("#visitors").screenshot(path=str(SCREENSHOTS / "stats-charts-phone.png"))
    page.locator("#satisfaction").screenshot(path=str(SCREENSHOTS / "stats-satisfaction-phone.png"))
    screenshot(page, "stats-phone")
    assert page.external_requests == []


def test_rating_an_item_page_on_a_phone(demo_site, page, live_server):
    item = live_item()
    page.goto(live_server.url + item.get_absolute_url())
    rating = page.locator("#page-rating")
    rating.get_by_text("มาก", exact=True).click()
    rating.get_by_label("ความคิดเห็นหรือข้อเสนอแนะ (ไม่บังคับ)").fill("ข้อมูลชัดเจน ขอบคุณครับ")
    rating.screenshot(path=str(SCREENSHOTS / "stats-rating-filled-phone.png"))
    rating.get_by_role("button", name="ส่งคำตอบ").click()
    page.wait_for_url(live_server.url + item.get_absolute_url())
    assert "ขอบคุณที่ร่วมตอบแบบสำรวจ" in page.locator(".messages").inner_text()
    assert fits_the_phone(page)
    screenshot(page, "stats-rating-sent-phone")
    answer = SurveyResponse.objects.get(path=item.get_absolute_url())
    assert (answer.score, answer.comment) == (4, "ข้อมูลชัดเจน ขอบคุณครับ")


def test_the_survey_names_a_missing_score(demo_site, page, live_server):
    page.goto(live_server.url + "/statistics/satisfaction/")
    page.get_by_label("ความคิดเห็นหรือข้อเสนอแนะ (ไม่บังคับ)").fill("อยากให้มีข่าวมากขึ้น")
    # The browser's own check would stop the form; the server must say the same in Thai.
    page.evaluate("document.querySelector('.survey-form').noValidate = true")
    page.get_by_role("button", name="ส่งคำตอบ").click()
    expect(page.get_by_text("กรุณาเลือกระดับความพึงพอใจ")).to_be_visible()
    assert page.get_by_label("ความคิดเห็นหรือข้อเสนอแนะ (ไม่บังคับ)").input_value() == ("อยากให้มีข่าวมากขึ้น")
    screenshot(page, "stats-survey-error-phone")
