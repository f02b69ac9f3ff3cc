"""The Thai calendar picker in the back office, at phone width: B.E. years, saved as that day."""

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from catalog.models import Subcategory
from publishing.models import PublicationRequest
from tests.browser.test_publishing_walk import log_in, shot

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

TITLE = "ประกาศรับสมัครเด็กเล็กเข้าศูนย์พัฒนาเด็กเล็ก ภาคเรียนที่ 1"
THAI_MONTHS = ["มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน", "กรกฎาคม",
               "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม"]  # fmt: skip


def test_a_date_picked_in_the_thai_calendar_is_saved_as_that_day(demo_site, page, live_server):
    log_in(page, live_server, "somporn")
    page.get_by_role("link", name="ยื่นคำขอเผยแพร่ข้อมูลใหม่").click()
    page.select_option("#id_subcategory", str(Subcategory.objects.get(slug="general-news").pk))
    page.select_option("#id_kind", "news")
    page.fill("#id_title_th", TITLE)
    page.fill("#id_source", "กองการศึกษา")

    today = timezone.localdate()
    # The calendar opens on this month with the year in the Buddhist Era and Thai month names.
    page.locator("#id_publish_at_0 ~ .be-date-button").click()
    dialog = page.get_by_role("dialog", name="ปฏิทิน")
    expect(dialog).to_be_visible()
    expect(dialog.locator("h2")).to_have_text(f"{THAI_MONTHS[today.month - 1]} {today.year + 543}")
    shot(page, "be-date-picker-1-open")
    # Next month with the mouse, then the keyboard: two days on, and Enter.
    dialog.get_by_role("button", name="เดือนถัดไป").click()
    dialog.locator("td[data-day='1']").click()
    page.get_by_role("button", name="เลือกวันที่จากปฏิทิน").and_(
        page.locator("#id_publish_at_0 ~ button")
    ).click()
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    shot(page, "be-date-picker-2-keyboard")
    page.keyboard.press("Enter")
    expect(dialog).to_be_hidden()
    first = (today.replace(day=1) + datetime.timedelta(days=32)).replace(day=1)
    picked = first + datetime.timedelta(days=2)
    typed = f"{picked.day:02d}/{picked.month:02d}/{picked.year + 543}"
    expect(page.locator("#id_publish_at_0")).to_have_value(typed)
    page.fill("#id_publish_at_1", "08:30")
    page.fill("#id_data_from", f"1/{today.month}/{today.year + 543}")
    page.locator("#id_expire_at_0 ~ .be-date-button").click()
    page.keyboard.press("Shift+PageDown")  # empty: from today, to the same day next year
    page.keyboard.press("Enter")
    page.fill("#id_expire_at_1", "16:30")
    shot(page, "be-date-picker-3-filled")
    page.click("input[name=_save]")
    # Saved as a draft: the one form says so, and lists what is still missing before submitting.
    page.wait_for_selector(".messagelist li")
    shot(page, "be-date-picker-4-saved")

    item = PublicationRequest.objects.get(item__title_th=TITLE).item
    assert timezone.localtime(item.publish_at).date() == picked
    assert timezone.localtime(item.publish_at).time() == datetime.time(8, 30)
    assert timezone.localtime(item.expire_at).date() == today.replace(year=today.year + 1)
    assert item.data_from == today.replace(day=1)
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert page.external_requests == []
