"""The events calendar and the council page on a phone (390 px), under the strict CSP."""

import pytest
from django.utils import timezone

from tests.browser.conftest import screenshot

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_month_view_fits_a_phone_and_its_days_lead_to_the_events(demo_site, page, live_server):
    today = timezone.localdate()
    page.goto(f"{live_server.url}/events/{today.year + 543}/{today.month}/")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert page.locator("table.month-grid th[scope=col]").count() == 7
    first = page.locator(".day-events a").first
    first.focus()
    page.keyboard.press("Enter")
    target = first.get_attribute("href")
    assert page.evaluate("location.hash") == target
    screenshot(page, "events-month-phone")
    with page.expect_download() as download:
        page.locator(".event-ics a").first.click()
    assert download.value.suggested_filename.endswith(".ics")


def test_council_page_shows_members_with_portraits_and_documents(demo_site, page, live_server):
    page.goto(live_server.url + "/council/")
    assert page.locator("h1").inner_text() == "สภาเทศบาลตำบลเชียงเคี่ยน"
    assert page.locator(".people .person").count() == 13
    portrait = page.locator(".people img").first
    portrait.scroll_into_view_if_needed()
    page.wait_for_load_state("networkidle")
    assert page.evaluate("(img) => img.naturalWidth", portrait.element_handle()) > 0
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    screenshot(page, "council-phone")
