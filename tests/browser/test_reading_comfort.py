"""Text size (ก- ก ก+) and high contrast on a phone: keyboard, remembered without a cookie, AA."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from catalog.models import Item
from tests.browser.conftest import screenshot, wait_until

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

WCAG_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}


def violations(page):
    results = Axe().run(page, options=WCAG_AA)
    return [
        (v["id"], [node["target"] for node in v["nodes"]][:5])
        for v in results.response["violations"]
    ]


def root_classes(page):
    return page.evaluate("document.documentElement.className")


def font_size(page):
    return page.evaluate("parseFloat(getComputedStyle(document.documentElement).fontSize)")


def test_text_size_choice_survives_reload_without_cookie(demo_site, page, live_server):
    page.goto(live_server.url + "/")
    normal = font_size(page)
    larger = page.get_by_role("button", name="ก+ ขยายตัวอักษร")
    larger.focus()
    page.keyboard.press("Enter")  # keyboard-operable
    page.keyboard.press("Space")
    wait_until(page, "document.documentElement.classList.contains('text-size-2')")
    assert font_size(page) == pytest.approx(normal * 1.25)
    page.reload()
    assert "text-size-2" in root_classes(page)
    assert font_size(page) == pytest.approx(normal * 1.25)
    assert page.context.cookies() == []
    assert page.evaluate("localStorage.getItem('ck-text-size')") == "2"
    page.get_by_role("button", name="ก ขนาดตัวอักษรปกติ").click()
    assert font_size(page) == pytest.approx(normal)
    assert page.evaluate("localStorage.getItem('ck-text-size')") is None


def test_high_contrast_is_remembered_and_pressed(demo_site, page, live_server):
    page.goto(live_server.url + "/")
    toggle = page.get_by_role("button", name="ความคมชัดสูง")
    assert toggle.get_attribute("aria-pressed") == "false"
    toggle.click()
    assert toggle.get_attribute("aria-pressed") == "true"
    page.goto(live_server.url + "/en/general/")
    assert "contrast-high" in root_classes(page)
    assert page.get_by_role("button", name="High contrast").get_attribute("aria-pressed") == "true"
    background = page.evaluate("getComputedStyle(document.body).backgroundColor")
    assert background == "rgb(0, 0, 0)"
    assert page.context.cookies() == []


@pytest.mark.parametrize("contrast", [False, True], ids=["normal", "high-contrast"])
def test_pages_pass_axe_wcag_21_aa_in_both_modes(demo_site, page, live_server, contrast):
    news = Item.objects.live().filter(kind="news", photos__isnull=False).first()
    pages = ["/", "/en/", news.get_absolute_url(), "/general/contact/", "/site-map/", "/ita/"]
    page.goto(live_server.url + "/")
    if contrast:
        page.get_by_role("button", name="ความคมชัดสูง").click()
    for path in pages:
        if path == "/general/contact/":
            path = Item.objects.live().get(subcategory__code="contact").get_absolute_url()
        page.goto(live_server.url + path)
        assert ("contrast-high" in root_classes(page)) == contrast
        assert violations(page) == [], path
    mode = "contrast" if contrast else "normal"
    page.goto(live_server.url + news.get_absolute_url())
    screenshot(page, f"reading-{mode}-news-phone")
    page.goto(live_server.url + "/")
    screenshot(page, f"reading-{mode}-home-phone")
    page.set_viewport_size({"width": 1280, "height": 900})
    screenshot(page, f"reading-{mode}-home-desktop")
    page.goto(live_server.url + "/en/")
    screenshot(page, f"reading-{mode}-home-en-desktop")
