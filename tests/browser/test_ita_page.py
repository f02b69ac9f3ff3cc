import pytest

from tests.browser.conftest import screenshot

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_ita_page_on_a_phone(demo_site, page, live_server):
    page.goto(live_server.url + "/ita/")
    assert "ITA" in page.locator("h1").inner_text()
    first = page.locator(".ita-indicator").first
    assert first.locator("h2").inner_text().startswith("O1")
    assert first.locator(".ita-links a").count() >= 1
    # Nothing sticks out sideways on a 390 px phone.
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    screenshot(page, "ita-phone")
    first.locator(".ita-links a").first.click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text()
    assert page.external_requests == []


def test_evidence_list_prints_on_a_phone(demo_site, page, live_server):
    page.goto(live_server.url + "/ita/evidence/")
    assert live_server.url in page.locator("table").inner_text()
    screenshot(page, "ita-evidence-phone")
