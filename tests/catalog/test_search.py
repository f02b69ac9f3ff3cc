"""Citizens search the website; only what is live is found (announcement 3.2)."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from catalog import search
from catalog.models import Attachment, Item
from tests.base import PersonaTestCase

from .helpers import attach, make_item, pdf_bytes


def results(response):
    """The addresses of the items listed, in order."""
    return [item.get_absolute_url() for item in response.context["page"]]


class SearchTests(PersonaTestCase):
    def test_thai_words_are_found_inside_unspaced_text(self):
        tax = make_item(title_th="ประกาศรับชำระภาษีที่ดินและสิ่งปลูกสร้าง")
        make_item(title_th="กิจกรรมวันเด็กแห่งชาติ")
        response = self.client.get("/search/", {"q": "ภาษีที่ดิน"})
        self.assertEqual(results(response), [tax.get_absolute_url()])
        self.assertContains(response, "ประกาศรับชำระ<mark>ภาษีที่ดิน</mark>และสิ่งปลูกสร้าง")
        self.assertContains(response, "1 รายการ")

    def test_every_word_must_match(self):
        tax = make_item(title_th="ประกาศรับชำระภาษี", body_th="ณ กองคลัง")
        make_item(title_th="ประกาศรับสมัครงาน")
        response = self.client.get("/search/", {"q": "ประกาศ กองคลัง"})
        self.assertEqual(results(response), [tax.get_absolute_url()])

    def test_drafts_withdrawn_and_expired_items_are_never_found(self):
        for status in ["draft", "withdrawn", "expired"]:
            item = make_item(title_th=f"ภาษีป้าย {status}")
            Item.objects.filter(pk=item.pk).update(status=status)  # indexed once, then taken down
        response = self.client.get("/search/", {"q": "ภาษีป้าย"})
        self.assertEqual(results(response), [])

    def test_title_matches_come_before_newer_body_matches(self):
        in_body = make_item(title_th="ข่าวประจำสัปดาห์", body_th="มีการประเมินผลโครงการ")
        in_title = make_item(
            title_th="รายงานการประเมินผลแผนพัฒนา", publish_at=in_body.publish_at.replace(year=2025)
        )
        response = self.client.get("/search/", {"q": "ประเมินผล"})
        self.assertEqual(
            results(response), [in_title.get_absolute_url(), in_body.get_absolute_url()]
        )

    def test_text_of_an_attached_pdf_is_found(self):
        item = make_item(title_th="ประกาศผลการสอบ", status="draft")
        attach(item, content=pdf_bytes())
        Attachment.objects.filter(item=item).update(text="รายชื่อผู้สอบผ่านการคัดเลือกพนักงานจ้าง")
        Item.objects.filter(pk=item.pk).update(status="published")
        search.index(item)
        response = self.client.get("/search/", {"q": "ผู้สอบผ่าน"})
        self.assertEqual(results(response), [item.get_absolute_url()])

    def test_results_can_be_narrowed_to_one_category(self):
        news = make_item(title_th="ข่าวภาษีป้าย")
        law = make_item(sub="ordinances", title_th="เทศบัญญัติภาษีป้าย")
        response = self.client.get("/search/", {"q": "ภาษีป้าย"})
        self.assertEqual(len(results(response)), 2)
        self.assertContains(
            response,
            "?q=%E0%B8%A0%E0%B8%B2%E0%B8%A9%E0%B8%B5%E0%B8%9B%E0%B9%89%E0%B8%B2%E0%B8%A2&amp;category=laws",
        )
        response = self.client.get("/search/", {"q": "ภาษีป้าย", "category": "laws"})
        self.assertEqual(results(response), [law.get_absolute_url()])
        self.assertNotIn(news.get_absolute_url(), results(response))

    def test_search_uses_the_index_not_a_scan_of_items(self):
        make_item(title_th="ประกาศรับสมัครงาน")
        with CaptureQueriesContext(connection) as queries:
            self.client.get("/search/", {"q": "รับสมัคร"})
        sql = " ".join(query["sql"] for query in queries)
        if connection.vendor == "sqlite":
            self.assertIn("catalog_searchdocument_fts", sql)
        self.assertNotIn('"catalog_item"."body_th" LIKE', sql)

    def test_queries_do_not_grow_with_results(self):
        make_item(title_th="ข่าวภาษี 1")
        self.assertConstantQueries(
            "/search/?q=ข่าวภาษี",
            lambda: [make_item(title_th=f"ข่าวภาษี {n}") for n in range(2, 6)],
        )
