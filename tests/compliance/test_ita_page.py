"""The public ITA / OIT page and the evidence export for auditors."""

import codecs
import csv
import io

from django.utils import timezone

from catalog.models import Item
from chiangkhian.thaidates import fiscal_year
from compliance import checklist
from tests.base import PersonaTestCase

from .helpers import DAY, make_executives, make_item


class ItaPageTests(PersonaTestCase):
    def test_each_indicator_links_the_live_items_that_answer_it(self):
        item = make_executives()
        make_item("sop/sop-manuals", title_th="คู่มือที่ยังไม่เผยแพร่", status=Item.Status.DRAFT)
        response = self.client.get("/ita/")
        self.assertContains(response, "ข้อมูลผู้บริหาร")
        self.assertContains(response, f'href="{item.get_absolute_url()}"')
        self.assertNotContains(response, "คู่มือที่ยังไม่เผยแพร่")
        self.assertContains(response, "ยังไม่มีข้อมูลเผยแพร่")

    def test_it_is_the_current_fiscal_year_with_the_latest_list(self):
        year = fiscal_year(timezone.localdate())
        listed = checklist.ita_checklist(year).fiscal_year
        response = self.client.get("/ita/")
        self.assertContains(response, f"ปีงบประมาณ พ.ศ. {year}")
        if listed != year:
            self.assertContains(response, f"ตัวชี้วัดของปีงบประมาณ พ.ศ. {listed}")

    def test_english(self):
        make_executives(title_th="คณะผู้บริหาร", title_en="The executives")
        response = self.client.get("/en/ita/")
        self.assertContains(response, '<html lang="en">', html=False)
        self.assertContains(response, "The executives")
        self.assertContains(response, 'href="/en/general/executives/')

    def test_the_footer_of_every_page_links_it(self):
        self.assertContains(self.client.get("/"), 'href="/ita/"')

    def test_queries_stay_constant_as_content_grows(self):
        def grow():
            for index in range(3):
                make_item("news/general-news", title_th=f"ข่าว {index}")
                make_item("public-info/integrity", title_th=f"รายงานผลการป้องกันการทุจริต {index}")

        make_item("general/executives")
        for url in ["/ita/", "/ita/evidence/", "/ita/evidence.csv"]:
            self.assertConstantQueries(url, grow)


class EvidenceExportTests(PersonaTestCase):
    def setUp(self):
        self.item = make_item("general/structure", title_th="แผนผังโครงสร้างส่วนราชการ")

    def test_csv_has_a_bom_thai_text_and_absolute_urls(self):
        response = self.client.get("/ita/evidence.csv")
        self.assertEqual(response["Content-Type"], "text/csv; charset=utf-8")
        self.assertIn("attachment", response["Content-Disposition"])
        self.assertTrue(response.content.startswith(codecs.BOM_UTF8))
        rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
        self.assertEqual(rows[0][:3], ["ปีงบประมาณ", "รหัส", "ตัวชี้วัด"])
        o1 = [row for row in rows if row[1] == "O1"]
        self.assertEqual(o1[0][4], "แผนผังโครงสร้างส่วนราชการ")
        self.assertEqual(o1[0][5], "http://testserver" + self.item.get_absolute_url())
        missing = [row for row in rows if row[1] == "O26"]
        self.assertEqual(missing[0][3:6], ["ยังไม่ได้เผยแพร่", "", ""])

    def test_csv_cells_cannot_become_spreadsheet_formulas(self):
        make_executives(title_th='=HYPERLINK("http://evil.example","คลิก")')
        rows = list(
            csv.reader(
                io.StringIO(self.client.get("/ita/evidence.csv").content.decode("utf-8-sig"))
            )
        )
        o2 = [row for row in rows if row[1] == "O2"][0]
        self.assertEqual(o2[4], '\'=HYPERLINK("http://evil.example","คลิก")')

    def test_the_printable_page_writes_the_urls_out(self):
        response = self.client.get("/ita/evidence/")
        self.assertContains(response, "http://testserver" + self.item.get_absolute_url())
        self.assertContains(response, "compliance.css")


class EvidenceStatusTests(PersonaTestCase):
    def test_the_ita_page_shows_current_stale_and_missing_in_words(self):
        make_executives()  # O2: current
        make_item(  # O5: last fiscal year's plan only
            "general/action-plan",
            title_th="แผนการดำเนินงานปีที่แล้ว",
            data_from=timezone.localdate() - 800 * DAY,
            data_to=timezone.localdate() - 400 * DAY,
        )
        make_item("general/budget", title_th="งบประมาณปีที่แล้ว",
                  data_from=timezone.localdate() - 800 * DAY,
                  data_to=timezone.localdate() - 400 * DAY)  # fmt: skip
        response = self.client.get("/ita/")
        text = response.content.decode()
        self.assertIn("หลักฐาน: <strong>เป็นปัจจุบัน</strong>", text)
        self.assertIn("หลักฐาน: <strong>ไม่เป็นปัจจุบัน</strong>", text)
        self.assertIn("หลักฐาน: <strong>ยังไม่ได้เผยแพร่</strong>", text)
        self.assertIn("ยังไม่มีในเว็บไซต์นี้: บริการออนไลน์ของเทศบาลเอง", text)

    def test_no_confidence_letters_or_file_names_in_the_thai_ui(self):
        make_executives()
        self.client.force_login(self.webmaster)
        for url in ["/ita/", "/ita/evidence/", "/admin/compliance/monitoring/"]:
            text = self.client.get(url).content.decode()
            for leak in [".toml", "Confidence", "ความเชื่อมั่น", "ระดับการยืนยัน", "S14", "(P)",
                         "thai-rules", "ยังไม่ได้ตรวจสอบ", "อนุมาน"]:  # fmt: skip
                self.assertNotIn(leak, text, f"{url}: {leak}")
