"""The filled official form, as an A4 page to print and as a PDF in Sarabun (ITA evidence)."""

import io

import pypdf
from django.test import override_settings
from django.urls import reverse
from pythainlp.util import normalize

from publishing import transitions
from publishing.evidence import FORM_TITLE
from tests.base import PASSWORD
from tests.publishing.base import Status, WorkflowTestCase

# Tone marks over upper vowels (ที่, ปี่, น้ำ) are where unshaped Thai breaks.
TITLE = "ประกาศแจ้งเตือนภัยน้ำป่าไหลหลาก ที่ทำการผู้ใหญ่บ้าน หมู่ที่ 7"


@override_settings(SITE_URL="https://www.chiangkhian.go.th")
class RequestFormTests(WorkflowTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        for user, name, position in [
            (cls.requester, ("นาง", "สมพร", "ใจดี"), "นักวิชาการเงินและบัญชีชำนาญการ"),
            (cls.approver, ("นางสาว", "อาทิตยา", "วราห์วิโรจน์"), "รองปลัดเทศบาล"),
            (cls.webmaster, ("นางสาว", "ขวัญวิภา", "ฐานะกอง"), "นักจัดการงานทั่วไปชำนาญการ"),
        ]:
            user.name_prefix, user.first_name, user.last_name = name
            user.position = position
            user.save()

    def published_request(self):
        pr = self.bring_to(Status.CHECKED, title_th=TITLE)
        transitions.approve(
            publication_request=pr, by=self.checker, mode="verbal", approver=self.approver
        )
        self.publish(pr)
        pr.refresh_from_db()
        return pr

    def test_the_print_page_is_the_filled_form_in_thai(self):
        pr = self.published_request()
        self.client.login(username="checker", password=PASSWORD)
        response = self.client.get(reverse("publishing:form", args=[pr.pk]))
        for text in [
            FORM_TITLE,
            TITLE,
            "นางสมพร ใจดี",
            "นักวิชาการเงินและบัญชีชำนาญการ",
            "นางสาวอาทิตยา วราห์วิโรจน์",
            "อนุมัติด้วยวาจา (กรณีเร่งด่วน)",
            "ยังไม่ได้ยืนยันเป็นลายลักษณ์อักษร",
            pr.public_url,
            "กองคลัง",
        ]:
            self.assertContains(response, text)
        self.assertContains(response, str(pr.created_at.year + 543))  # Buddhist Era

    def test_the_pdf_is_a4_and_its_thai_text_can_be_extracted(self):
        pr = self.published_request()
        self.client.login(username="checker", password=PASSWORD)
        response = self.client.get(reverse("publishing:form_pdf", args=[pr.pk]))
        self.assertEqual(response["Content-Type"], "application/pdf")
        reader = pypdf.PdfReader(io.BytesIO(response.content))
        page = reader.pages[0]
        self.assertEqual((round(page.mediabox.width), round(page.mediabox.height)), (595, 842))
        text = normalize("".join(p.extract_text() for p in reader.pages)).replace("\n", " ")
        self.assertIn(FORM_TITLE, text)
        self.assertIn(TITLE, text)
        self.assertIn("นางสาวขวัญวิภา ฐานะกอง", text)
        self.assertIn(pr.public_url, text)
        self.assertEqual(reader.metadata.title, TITLE)

    def test_an_unfinished_request_leaves_the_later_signatures_blank(self):
        pr = self.bring_to(Status.SUBMITTED)
        self.client.login(username="checker", password=PASSWORD)
        response = self.client.get(reverse("publishing:form", args=[pr.pk]))
        self.assertContains(response, "ยังไม่ได้เผยแพร่")
        self.assertContains(response, "(…………………………………………)", count=3)

    def test_the_form_shows_only_to_those_who_may_see_the_request(self):
        pr = self.file()
        self.client.login(username="webmaster", password=PASSWORD)
        for name in ["form", "form_pdf"]:
            url = reverse(f"publishing:{name}", args=[pr.pk])
            self.assertEqual(self.client.get(url).status_code, 404)
