"""The body editor in the back office: Thai text typed, a word made bold, a list and a table
pasted from Word, shown formatted on the public page after the workflow."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone
from playwright.sync_api import expect

from catalog.demo_parts import complete_item
from catalog.models import Subcategory
from publishing import transitions
from publishing.models import PublicationRequest
from tests.browser.conftest import wait_until
from tests.browser.test_publishing_walk import log_in, shot

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

TITLE = "รับสมัครอาสาสมัครป้องกันภัยฝ่ายพลเรือน (อปพร.) รุ่นที่ 3"
WORD_TABLE = (
    '<table class="MsoTableGrid" border="1" style="border-collapse:collapse"><tr>'
    '<td width="200"><p class="MsoNormal"><b><span lang="TH">เอกสาร</span></b></p></td>'
    '<td><p class="MsoNormal"><b><span lang="TH">จำนวน</span></b></p></td></tr>'
    '<tr><td><p class="MsoNormal"><span lang="TH">สำเนาทะเบียนบ้าน</span></p></td>'
    '<td><p class="MsoNormal">1 ฉบับ</p></td></tr></table>'
)
PASTE = """([selector, html]) => {
    const data = new DataTransfer();
    data.setData("text/html", html);
    document.querySelector(selector).dispatchEvent(
        new ClipboardEvent("paste", {clipboardData: data, bubbles: true, cancelable: true}));
}"""


def typed_be(day):
    return f"{day.day:02d}/{day.month:02d}/{day.year + 543}"


def fill_the_request(page):
    today = timezone.localtime()
    page.select_option("#id_subcategory", str(Subcategory.objects.get(slug="general-news").pk))
    page.select_option("#id_kind", "news")
    page.fill("#id_title_th", TITLE)
    page.fill("#id_summary_th", "รับสมัคร อปพร. จำนวน 20 คน")
    page.fill("#id_source", "สำนักปลัดเทศบาล")
    page.fill("#id_data_from", typed_be(today))  # as a clerk types it, in the Buddhist Era
    page.fill("#id_publish_at_0", typed_be(today))
    page.fill("#id_publish_at_1", "00:00:00")
    page.fill("#id_expire_at_0", typed_be(today + datetime.timedelta(days=30)))
    page.fill("#id_expire_at_1", "16:30:00")


def type_the_body(page):
    editor = page.locator(".field-body_th .tiptap.ProseMirror")
    editor.click()
    page.keyboard.type("ผู้สนใจสมัครได้ที่สำนักปลัดเทศบาล ")
    page.keyboard.press("Control+b")
    page.keyboard.type("ภายใน 30 วัน")
    page.keyboard.press("Control+b")
    page.keyboard.type(" ค่าสมัคร < 100 บาท & ไม่มีค่าใช้จ่ายอื่น")
    page.keyboard.press("Enter")
    # The menu speaks Thai: the button is found by its Thai title.
    page.locator(".field-body_th [title='รายการสัญลักษณ์แสดงหัวข้อย่อย']").click()
    page.keyboard.type("สำเนาบัตรประชาชน")
    page.keyboard.press("Enter")
    page.keyboard.type("รูปถ่าย 1 นิ้ว")
    page.keyboard.press("Enter")
    page.keyboard.press("Enter")  # out of the list
    page.evaluate(PASTE, [".field-body_th .tiptap.ProseMirror", WORD_TABLE])


def publish(title):
    users = get_user_model().objects
    pr = PublicationRequest.objects.get(item__title_th=title)
    complete_item(pr.item)
    transitions.submit(publication_request=pr, by=pr.requester)
    transitions.check(publication_request=pr, by=users.get(username="thitaporn"))
    transitions.approve(publication_request=pr, by=users.get(username="arthitaya"))
    transitions.publish(publication_request=pr, by=users.get(username="khwanwipa"))
    pr.item.refresh_from_db()
    return pr.item


def test_body_typed_in_the_editor_shows_formatted_on_the_public_page(demo_site, page, live_server):
    log_in(page, live_server, "somporn")
    page.goto(live_server.url + "/admin/publishing/publicationrequest/add/")
    fill_the_request(page)
    type_the_body(page)
    expect(page.locator(".field-body_th .tiptap.ProseMirror table td")).to_have_count(4)
    # Word's clipboard HTML carries style attributes: the browser refuses them while the
    # editor parses the paste, and the editor drops them anyway. Nothing else may be refused.
    page.csp_violations[:] = [v for v in page.csp_violations if "inline style" not in v]
    shot(page, "body-editor-1-typed")
    page.click("input[name=_save]")
    # Saved as a draft: the one form says so, and lists what is still missing before submitting.
    page.wait_for_selector(".messagelist li")
    shot(page, "body-editor-2-saved")

    item = publish(TITLE)
    page.goto(live_server.url + item.get_absolute_url())
    body = page.locator(".prose")
    expect(body.locator("p strong").first).to_have_text("ภายใน 30 วัน")
    expect(body.locator("p").first).to_have_text(
        "ผู้สนใจสมัครได้ที่สำนักปลัดเทศบาล ภายใน 30 วัน ค่าสมัคร < 100 บาท & ไม่มีค่าใช้จ่ายอื่น"
    )
    expect(body.locator("ul li")).to_have_text(["สำเนาบัตรประชาชน", "รูปถ่าย 1 นิ้ว"])
    expect(body.locator("table tr")).to_have_count(2)
    expect(body.locator("table td").nth(2)).to_have_text("สำเนาทะเบียนบ้าน")
    shot(page, "body-editor-3-public-page")
    assert page.external_requests == []


STRICT_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:"
RECORD_VIOLATIONS = """window.violations = [];
document.addEventListener("securitypolicyviolation", (event) => window.violations.push(
    [event.violatedDirective, event.blockedURI, event.sourceFile].join(" ")));"""


def test_the_editor_needs_no_inline_script_or_style(demo_site, page, live_server):
    """Under the strict policy that is coming (issue 11) the editor loads, edits and reports
    no violation: no import map, no inline script, no injected <style>."""

    def with_policy(route):
        response = route.fetch(max_redirects=0)  # the browser follows redirects itself
        headers = {**response.headers, "content-security-policy": STRICT_CSP}
        route.fulfill(response=response, headers=headers)

    page.route(live_server.url + "/**", with_policy)
    page.add_init_script(RECORD_VIOLATIONS)
    log_in(page, live_server, "somporn")
    page.goto(live_server.url + "/admin/publishing/publicationrequest/add/")
    page.locator(".field-body_th .tiptap.ProseMirror").click()
    page.keyboard.type("ทดสอบ ")
    page.keyboard.press("Control+b")
    page.keyboard.type("ตัวหนา")
    assert page.input_value("#id_body_th") == "<p>ทดสอบ <strong>ตัวหนา</strong></p>"
    page.locator(".field-body_th [title='แทรกตาราง']").click()
    expect(page.get_by_role("heading", name="ตั้งค่าตาราง")).to_be_visible()
    expect(page.locator("dialog select option:checked")).to_have_text("ไม่มี")
    shot(page, "body-editor-4-strict-csp")
    page.locator("dialog button[type=submit]").click()
    expect(page.locator(".field-body_th .tiptap.ProseMirror td")).to_have_count(9)
    assert "<table" in page.input_value("#id_body_th")
    assert page.evaluate("window.violations") == []
    # The policy is really in force: an injected <style> is refused and reported.
    page.evaluate(
        "document.head.append(Object.assign(document.createElement('style'), "
        "{textContent: 'body {}'}))"
    )
    wait_until(page, "window.violations.length > 0")
    page.csp_violations.clear()  # that refusal was the point
