"""Procurement reports made from the site's records, filed as requests like any other."""

import datetime
import io
from decimal import Decimal

from openpyxl import load_workbook
from pypdf import PdfReader

from catalog.models import Item, ProcurementBid, ProcurementDetail
from publishing import generated
from publishing.models import PublicationRequest
from tests.catalog.helpers import make_item
from tests.publishing.base import Status, WorkflowTestCase

MONTH = datetime.date(2026, 11, 1)  # พฤศจิกายน 2569, fiscal year 2570


def make_result(title, *, method="specific", budget, agreed, contract_on, bids=(), **fields):
    item = make_item("procurement-results", kind=Item.Kind.PROCUREMENT, title_th=title, **fields)
    ProcurementDetail.objects.create(
        item=item,
        stage="result",
        method=method,
        budget=Decimal(budget),
        announced_on=contract_on - datetime.timedelta(days=3),
        winner=bids[0][0] if bids else "ร้านเทิงพาณิชย์",
        agreed_price=Decimal(agreed),
        contract_number=f"สัญญาเลขที่ {item.pk}/2570",
        contract_on=contract_on,
        selection_reason="ราคาต่ำสุด",
    )
    for order, (bidder, price) in enumerate(bids):
        ProcurementBid.objects.create(item=item, order=order, bidder=bidder, price=Decimal(price))
    return item


def pdf_text(content):
    """The PDF's text with its line breaks taken out (a table cell wraps where it must)."""
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)
    return text.replace("\n", "")


class ProcurementReportTests(WorkflowTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        make_result(
            "จ้างซ่อมแซมถนนลูกรัง หมู่ 5",
            method="e_bidding",
            budget="480000",
            agreed="455000",
            contract_on=MONTH + datetime.timedelta(days=20),
            bids=[("หจก.เทิงก่อสร้าง", "455000"), ("บริษัท ดอยหลวง จำกัด", "470000.50")],
        )
        make_result("จัดซื้อวัสดุสำนักงาน", budget="18450", agreed="18450", contract_on=MONTH)
        # Other month, and a draft: neither is in November's summary.
        make_result("จัดซื้อน้ำมันเชื้อเพลิง", budget="9000", agreed="8990",
                    contract_on=MONTH - datetime.timedelta(days=1))  # fmt: skip
        make_result("ยังไม่เผยแพร่", budget="5000", agreed="5000", contract_on=MONTH,
                    status=Item.Status.DRAFT)  # fmt: skip

    def files_of(self, pr):
        return {a.extension: a.file.open("rb").read() for a in pr.item.attachments.all()}

    def test_monthly_procurement_summary_matches_records(self):
        pr = generated.file_monthly_summary(year=2026, month=11, by=self.requester)
        self.assertEqual(pr.item.subcategory.slug, "procurement-summary")
        self.assertIn("พฤศจิกายน 2569", pr.item.title_th)
        files = self.files_of(pr)
        sheet = load_workbook(io.BytesIO(files["xlsx"])).active
        rows = [row for row in sheet.iter_rows(min_row=4, values_only=True)]
        self.assertEqual(
            [row[1] for row in rows], ["จัดซื้อวัสดุสำนักงาน", "จ้างซ่อมแซมถนนลูกรัง หมู่ 5", "รวม"]
        )
        self.assertEqual(rows[1][2], 480000)
        self.assertIn("บริษัท ดอยหลวง จำกัด ราคาที่เสนอ 470,000.50 บาท", rows[1][4])
        self.assertIn("หจก.เทิงก่อสร้าง ราคาที่ตกลง 455,000.00 บาท", rows[1][5])
        self.assertEqual((rows[2][2], rows[2][5]), (498450, 473450))
        text = pdf_text(files["pdf"])
        self.assertIn("รวม 2 รายการ วงเงินรวม 498,450.00 บาท", text)
        self.assertIn("ราคาที่ตกลงรวม 473,450.00 บาท", text)
        self.assertIn("สี่แสนเจ็ดหมื่นสามพันสี่ร้อยห้าสิบบาทถ้วน", text)
        self.assertNotIn("ยังไม่เผยแพร่", text)

    def test_a_month_without_procurement_says_so(self):
        pr = generated.file_monthly_summary(year=2026, month=7, by=self.requester)
        self.assertIn("ไม่มีการจัดซื้อจัดจ้างในเดือนนี้", pdf_text(self.files_of(pr)["pdf"]))

    def test_year_report_sums_results_by_method(self):
        pr = generated.file_year_report(fiscal_year=2570, by=self.requester)
        sheet = load_workbook(io.BytesIO(self.files_of(pr)["xlsx"])).active
        by_method = {row[0]: row[1:] for row in sheet.iter_rows(min_row=4, values_only=True)}
        self.assertEqual(by_method["วิธีเฉพาะเจาะจง"], (2, 27450, 27440, 10))
        self.assertEqual(by_method["รวม"], (3, 507450, 482440, 25010))
        self.assertIn("รวม 3 โครงการ", pdf_text(self.files_of(pr)["pdf"]))

    def test_the_ready_request_goes_through_the_workflow(self):
        pr = generated.file_monthly_summary(year=2026, month=11, by=self.requester)
        self.assertEqual(pr.status, Status.DRAFT)
        pr = self.bring_to(Status.PUBLISHED, pr=pr)
        item = Item.objects.live().get(pk=pr.item_id)
        response = self.client.get(item.get_absolute_url())
        self.assertContains(response, "แบบ สขร.1")
        self.assertEqual(len(response.context["item"].attachments.all()), 2)

    def test_only_requesting_staff_may_generate(self):
        with self.assertRaises(generated.transitions.NotAllowed):
            generated.file_monthly_summary(year=2026, month=11, by=self.webmaster)
        self.assertFalse(PublicationRequest.objects.exists())


class ProcurementReportPageTests(WorkflowTestCase):
    def test_requesting_staff_draft_a_report_from_the_back_office(self):
        self.client.force_login(self.requester)
        page = self.client.get("/admin/publishing/publicationrequest/")
        self.assertContains(page, "/admin/workflow/procurement-reports/")
        response = self.client.post(
            "/admin/workflow/procurement-reports/", {"report": "monthly", "month": "2026-11"}
        )
        pr = PublicationRequest.objects.get()
        self.assertRedirects(response, pr.get_absolute_url(), fetch_redirect_response=False)
        self.assertEqual(pr.requester, self.requester)
        self.assertEqual(pr.item.attachments.count(), 2)

    def test_a_missing_month_is_a_thai_error_and_nothing_is_filed(self):
        self.client.force_login(self.requester)
        response = self.client.post("/admin/workflow/procurement-reports/", {"report": "monthly"})
        self.assertContains(response, "เลือกเดือน")
        self.assertFalse(PublicationRequest.objects.exists())

    def test_a_webmaster_without_the_requester_role_is_refused(self):
        self.client.force_login(self.webmaster)
        response = self.client.get("/admin/workflow/procurement-reports/")
        self.assertEqual(response.status_code, 403)
