"""The back office on a phone (390 px) in a real browser: no page scrolls sideways, and the
workflow pages run their scripts without an error."""

import pytest
from playwright.sync_api import expect

from chiangkhian.demo import DEMO_PASSWORD
from publishing.models import PublicationRequest
from tests.browser.conftest import screenshot

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

Status = PublicationRequest.Status


def log_in(page, live_server, username="admin"):
    page.goto(live_server.url + "/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", DEMO_PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_url(live_server.url + "/admin/")


def collect_errors(page):
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    return errors


def test_the_verbal_approval_page_has_no_script_error(demo_site, page, live_server):
    errors = collect_errors(page)
    log_in(page, live_server)
    pr = PublicationRequest.objects.filter(status=Status.CHECKED).first()
    page.goto(f"{live_server.url}/admin/workflow/{pr.pk}/approve-verbal/")
    page.wait_for_load_state("load")
    # The B.E. calendar's button is drawn by the picker's script once it runs.
    expect(page.locator("#id_given_at_0 ~ .be-date-button")).to_have_count(1)
    screenshot(page, "back-office-verbal-approval-phone")
    assert errors == []


def back_office_pages():
    """The main back-office pages, with the demo's requests in the statuses they need."""
    checked = PublicationRequest.objects.filter(status=Status.CHECKED).first()
    approved = PublicationRequest.objects.filter(status=Status.APPROVED).first()
    published = PublicationRequest.objects.filter(status=Status.PUBLISHED).first()
    return {
        "index": "/admin/",
        "requests": "/admin/publishing/publicationrequest/",
        "request": f"/admin/publishing/publicationrequest/{approved.pk}/change/",
        "new-request": "/admin/publishing/publicationrequest/add/",
        "items": "/admin/catalog/item/",
        "item": f"/admin/catalog/item/{published.item_id}/change/",
        "users": "/admin/chiangkhian/user/",
        "approve": f"/admin/workflow/{checked.pk}/approve/",
        "verbal": f"/admin/workflow/{checked.pk}/approve-verbal/",
        "publish": f"/admin/workflow/{approved.pk}/publish/",
        "withdraw": f"/admin/workflow/{published.pk}/withdraw/",
        "inbox": "/admin/workflow/inbox/",
        "completeness": "/admin/compliance/monitoring/",
        "due": "/admin/compliance/monitoring/due/",
        "statistics": "/admin/stats/report/?by=month",
    }


def test_no_back_office_page_scrolls_sideways_on_a_phone(demo_site, page, live_server):
    log_in(page, live_server)
    wide = {}
    for name, url in back_office_pages().items():
        page.goto(live_server.url + url)
        page.wait_for_load_state("load")
        width = page.evaluate("document.scrollingElement.scrollWidth")
        if width > 390:
            wide[name] = width
        screenshot(page, f"back-office-phone-{name}")
    assert wide == {}
