"""Bodies: typed text shows exactly as typed, editor HTML is sanitised on save and on render,
tables survive, older plain-text bodies keep rendering, and the text of a body reads well."""

import re
from importlib import import_module

from django.apps import apps
from django.test import TestCase
from django.urls import reverse
from django.utils import translation
from django_prose_editor.config import allowlist_from_extensions

from catalog import richtext
from catalog.demo_parts import complete_item
from catalog.models import Item
from catalog.widgets import BODY_EDITOR_EXTENSIONS
from publishing import timeline
from publishing.models import PublicationRequest
from tests.base import PASSWORD
from tests.catalog.helpers import make_item
from tests.publishing.base import Status, WorkflowTestCase
from tests.publishing.test_request_page import ADD, form_data

TYPED = (
    'ประกาศ "ด่วน" เรื่องน้ำประปา & ไฟฟ้า: ค่าน้ำ < 100 บาท\r\n'
    "ชำระได้ที่กองคลัง\r\n\r\n"
    "ผู้ที่ค้างชำระ 'เกิน' 3 เดือน โปรดติดต่อ โทร 053-795-123"
)
DANGEROUS = (
    '<p onclick="steal()">สวัสดี <strong>ชาวเชียงเคี่ยน</strong><script>alert(1)</script>'
    '<img src="x" onerror="alert(2)"><a href="javascript:alert(3)">คลิก</a>'
    '<a href="https://www.dla.go.th/">กรมส่งเสริมการปกครองท้องถิ่น</a></p>'
)
WORD_TABLE = (
    '<p class="MsoNormal"><span lang="TH" style="font-family:TH SarabunPSK">'
    "ตารางค่าธรรมเนียม</span></p>"
    '<table class="MsoTableGrid" border="1" cellspacing="0" style="border-collapse:collapse">'
    '<tr><td width="200" valign="top" style="border:solid windowtext 1.0pt">'
    '<p class="MsoNormal"><b><span lang="TH">รายการ</span></b></p></td>'
    '<td width="120"><p class="MsoNormal"><b><span lang="TH">บาท</span></b></p></td></tr>'
    '<tr><td><p class="MsoNormal"><span lang="TH">ใบอนุญาตก่อสร้าง</span></p></td>'
    '<td><p class="MsoNormal">20</p></td></tr></table>'
)


def prose_of(response):
    """The item body as the public page carries it."""
    match = re.search(r'<div class="prose">(.*?)</div>', response.content.decode(), re.S)
    return match.group(1) if match else ""


class BodyAsTypedTests(WorkflowTestCase):
    def publish_typed_request(self, **fields):
        self.client.login(username="requester", password=PASSWORD)
        self.client.post(ADD, form_data(unit=self.finance.pk, **fields))
        pr = PublicationRequest.objects.get()
        complete_item(pr.item)
        return self.bring_to(Status.PUBLISHED, pr=pr)

    def test_plain_text_body_renders_as_paragraphs(self):
        pr = self.publish_typed_request(body_th=TYPED)
        body = prose_of(self.client.get(pr.item.get_absolute_url()))
        self.assertEqual(
            body,
            '<p>ประกาศ "ด่วน" เรื่องน้ำประปา &amp; ไฟฟ้า: ค่าน้ำ &lt; 100 บาท<br>'
            "ชำระได้ที่กองคลัง</p>\n\n"
            "<p>ผู้ที่ค้างชำระ 'เกิน' 3 เดือน โปรดติดต่อ โทร 053-795-123</p>",
        )
        self.assertEqual(richtext.to_text(body), TYPED.replace("\r\n", "\n"))

    def test_html_from_the_editor_is_sanitised_on_save(self):
        pr = self.publish_typed_request(body_th=DANGEROUS)
        stored = Item.objects.get(pk=pr.item.pk).body_th
        for unsafe in ["<script", "alert(1)", "onerror", "onclick", "javascript:"]:
            self.assertNotIn(unsafe, stored)
        self.assertIn("<strong>ชาวเชียงเคี่ยน</strong>", stored)
        self.assertIn('href="https://www.dla.go.th/"', stored)

    def test_the_filed_form_shows_the_body_as_text(self):
        self.client.login(username="requester", password=PASSWORD)
        self.client.post(ADD, form_data(unit=self.finance.pk, summary_th="", body_th=DANGEROUS))
        pr = PublicationRequest.objects.get()
        response = self.client.get(reverse("publishing:form", args=[pr.pk]))
        self.assertContains(response, "สวัสดี ชาวเชียงเคี่ยนคลิกกรมส่งเสริมการปกครองท้องถิ่น")
        self.assertNotContains(response, "&lt;p&gt;")
        self.assertNotContains(response, "&lt;strong&gt;")


class RenderTests(TestCase):
    def test_html_that_reached_the_database_directly_is_sanitised_on_render(self):
        item = make_item(body_th=DANGEROUS)  # no Item.clean on this path
        body = prose_of(self.client.get(item.get_absolute_url()))
        self.assertIn("<strong>ชาวเชียงเคี่ยน</strong>", body)
        for unsafe in ["<script", "alert(", "onerror", "onclick", "javascript:", "<img"]:
            self.assertNotIn(unsafe, body)

    def test_a_table_pasted_from_word_survives(self):
        item = make_item(body_th=WORD_TABLE)
        item.full_clean()
        item.save()
        self.assertIn("<table>", item.body_th)
        self.assertNotIn("Mso", item.body_th)
        self.assertNotIn("style=", item.body_th)
        response = self.client.get(item.get_absolute_url())
        self.assertInHTML("<td><p>ใบอนุญาตก่อสร้าง</p></td>", prose_of(response))
        self.assertInHTML("<td><p><b>บาท</b></p></td>", prose_of(response))
        self.assertEqual(
            richtext.to_text(item.body_th),
            "ตารางค่าธรรมเนียม\n\nรายการ | บาท\nใบอนุญาตก่อสร้าง | 20",
        )

    def test_existing_plain_text_renders_after_the_migration(self):
        legacy = make_item(body_th="ค่าน้ำ &amp; ค่าไฟ &lt; 100 บาท\n\nย่อหน้าที่สอง")
        typed = make_item(title_th="ประกาศอื่น", body_th="อายุ < 18 ปี & ผู้ปกครอง")
        html = make_item(title_th="หน้า HTML", body_th="<h2>หัวข้อ</h2><p>ข้อความ</p>")
        import_module("catalog.migrations.0008_bodies_as_html").forwards(apps, None)
        for item in (legacy, typed, html):
            item.refresh_from_db()
        self.assertEqual(legacy.body_th, "<p>ค่าน้ำ &amp; ค่าไฟ &lt; 100 บาท</p>\n\n<p>ย่อหน้าที่สอง</p>")
        self.assertEqual(typed.body_th, "<p>อายุ &lt; 18 ปี &amp; ผู้ปกครอง</p>")
        self.assertEqual(html.body_th, "<h2>หัวข้อ</h2><p>ข้อความ</p>")
        response = self.client.get(typed.get_absolute_url())
        self.assertEqual(prose_of(response), "<p>อายุ &lt; 18 ปี &amp; ผู้ปกครอง</p>")

    def test_plain_text_that_is_not_migrated_still_renders_as_typed(self):
        item = make_item(body_th='ค่าน้ำ < 100 บาท & "ฟรี"\n\nย่อหน้าสอง')  # the demo's path
        response = self.client.get(item.get_absolute_url())
        self.assertEqual(
            prose_of(response), '<p>ค่าน้ำ &lt; 100 บาท &amp; "ฟรี"</p>\n\n<p>ย่อหน้าสอง</p>'
        )


class RuleTests(TestCase):
    def test_cleaning_on_save_and_on_render_agree(self):
        for body in [TYPED, DANGEROUS, WORD_TABLE, "<span>ก &amp; ข</span>", "a < b", ""]:
            with self.subTest(body=body[:20]):
                once = richtext.clean(body)
                self.assertEqual(richtext.clean(once), once)
                self.assertEqual(richtext.to_text(once), richtext.to_text(body))

    def test_an_emptied_editor_stores_nothing(self):
        self.assertEqual(richtext.clean("<p></p>"), "")
        self.assertEqual(richtext.clean("<p><br></p>"), "")

    def test_what_the_editor_can_produce_is_in_the_allow_list(self):
        allowed = allowlist_from_extensions(BODY_EDITOR_EXTENSIONS)["tags"]
        self.assertLessEqual(allowed, richtext.TAGS)

    def test_lists_read_as_bullets_and_numbers(self):
        html = "<p>ขั้นตอน</p><ol><li><p>ยื่นคำขอ</p></li><li><p>ชำระเงิน</p></li></ol>"
        html += "<ul><li>บัตรประชาชน</li><li>ทะเบียนบ้าน</li></ul>"
        self.assertEqual(
            richtext.to_text(html),
            "ขั้นตอน\n\n1. ยื่นคำขอ\n2. ชำระเงิน\n\n• บัตรประชาชน\n• ทะเบียนบ้าน",
        )


class EditorWidgetTests(WorkflowTestCase):
    def test_the_request_form_edits_both_bodies_with_the_editor_and_no_inline_script(self):
        self.client.login(username="requester", password=PASSWORD)
        page = self.client.get(ADD).content.decode()
        self.assertRegex(page, r'<textarea[^>]*name="body_th"[^>]*data-django-prose-editor-body')
        self.assertRegex(page, r'<textarea[^>]*name="body_en"[^>]*data-django-prose-editor-body')
        self.assertNotRegex(page, r'<textarea[^>]*name="summary_th"[^>]*data-django-prose')
        self.assertIn('<script src="/static/js/body-editor.js" type="module">', page)
        self.assertIn('<script src="/jsi18n/body-editor/">', page)
        self.assertNotIn("importmap", page)

    def test_the_item_admin_edits_the_body_with_the_editor(self):
        item = self.file(body_th="ข้อความเดิม\n\nย่อหน้าสอง").item
        self.client.login(username="requester", password=PASSWORD)
        # The item's page is its request's one form, where the filer edits the body.
        page = self.client.get(reverse("admin:catalog_item_change", args=[item.pk]), follow=True)
        self.assertRegex(
            page.content.decode(), r'<textarea[^>]*name="body_th"[^>]*data-django-prose-editor-body'
        )
        # A plain-text body opens as its paragraphs.
        self.assertContains(page, "&lt;p&gt;ข้อความเดิม&lt;/p&gt;")

    def test_the_editor_texts_are_thai(self):
        catalog = self.client.get("/jsi18n/body-editor/").content.decode()
        self.assertIn('"bold": "\\u0e15\\u0e31\\u0e27\\u0e2b\\u0e19\\u0e32"', catalog)  # ตัวหนา
        self.assertIn('"Insert Table"', catalog)


class BodyInTheBackOfficeTests(WorkflowTestCase):
    def test_a_checker_sees_the_body_formatted_not_its_html(self):
        pr = self.bring_to(Status.SUBMITTED, body_th=DANGEROUS)
        self.client.login(username="checker", password=PASSWORD)
        page = self.client.get(reverse("admin:publishing_publicationrequest_change", args=[pr.pk]))
        self.assertContains(page, "<strong>ชาวเชียงเคี่ยน</strong>", html=True)
        self.assertNotContains(page, "&lt;strong&gt;")
        self.assertNotContains(page, "alert(")

    def test_the_history_shows_body_changes_as_text(self):
        item = self.file(body_th="<p>รับสมัครถึง 30 เมษายน</p>").item
        edits = [
            "<p>รับสมัครถึง <strong>15 พฤษภาคม</strong></p>",  # the text changes
            "<p>รับสมัครถึง 15 พฤษภาคม</p>",  # only the bold goes
            "รับสมัครถึง 15 พฤษภาคม",  # the same paragraph as plain text: no change
        ]
        for body in edits:
            item.body_th = body
            item.save()
        with translation.override("en"):
            changes = [
                (change.old, change.new)
                for event in timeline.timeline(item.publication_requests.get())
                for change in event.changes
                if change.label == "content (Thai)"
            ]
        self.assertEqual(
            changes,
            [
                ("รับสมัครถึง 30 เมษายน", "รับสมัครถึง 15 พฤษภาคม"),
                ("รับสมัครถึง 15 พฤษภาคม", "รับสมัครถึง 15 พฤษภาคม (formatting changed)"),
            ],
        )
