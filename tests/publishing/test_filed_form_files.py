"""The filed request form lists every attachment and photo with its type, size and pages.

Announcement 2.2: each file states its type and size; the form is the ITA evidence of what
was approved, so it lists the files as they were when the request was published.
"""

import io

import pypdf
from django.urls import reverse
from pythainlp.util import normalize

from catalog.demo_files import make_photo
from catalog.models import Attachment, Item, Photo
from publishing import transitions
from tests.base import PASSWORD
from tests.catalog.helpers import pdf_bytes
from tests.publishing.base import Status, WorkflowTestCase


class FiledFormFilesTests(WorkflowTestCase):
    def request_with_files(self, count=2):
        pr = self.file(kind=Item.Kind.DOCUMENT)
        pr.item.attachments.all().delete()
        for number in range(1, count + 1):
            Attachment.from_bytes(
                item=pr.item,
                name=f"budget-{number}.pdf",
                content=pdf_bytes(pages=3),
                title_th=f"ข้อบัญญัติงบประมาณรายจ่าย ส่วนที่ {number}",
                order=number,
            )
        Photo.from_bytes(
            item=pr.item,
            name="IMG_2041.jpg",
            content=make_photo("h3", "field"),
            alt_th="ภาพการประชุมสภาเทศบาล",
            caption_th="การประชุมสภาเทศบาล สมัยสามัญ",
        )
        return self.bring_to(Status.PUBLISHED, pr=pr)

    def pdf_text(self, pr):
        self.client.login(username="checker", password=PASSWORD)
        response = self.client.get(reverse("publishing:form_pdf", args=[pr.pk]))
        reader = pypdf.PdfReader(io.BytesIO(response.content))
        pages = [normalize(page.extract_text()).replace("\n", " ") for page in reader.pages]
        return pages

    def test_form_pdf_lists_attachments_with_type_and_size(self):
        pr = self.request_with_files()
        text = " ".join(self.pdf_text(pr))
        self.assertIn("ไฟล์แนบและภาพประกอบ", text)
        for attachment in pr.item.attachments.all():
            self.assertIn(attachment.title_th, text)
            self.assertIn(attachment.original_name, text)
            self.assertRegex(attachment.facts, r"^PDF · [\d.]+ KB · 3 หน้า$")
            self.assertIn(attachment.facts, text)
        self.assertIn("การประชุมสภาเทศบาล สมัยสามัญ", text)
        self.assertIn("IMG_2041.jpg", text)
        self.assertRegex(text, r"JPEG · [\d.]+ KB · \d+ × \d+ พิกเซล")

    def test_a_long_list_continues_on_a_second_page(self):
        pr = self.request_with_files(count=40)
        pages = self.pdf_text(pr)
        self.assertGreaterEqual(len(pages), 2)
        text = " ".join(pages)
        for number in range(1, 41):
            self.assertIn(f"budget-{number}.pdf", text)
        continued = next(page for page in pages[1:] if "budget-40.pdf" in page)
        self.assertIn("ลำดับ ประเภท ชื่อเรื่องและชื่อไฟล์", continued)  # the header repeats
        self.assertIn("ผู้รับผิดชอบการนำข้อมูลขึ้นเผยแพร่", pages[-1])  # signatures follow

    def test_the_print_page_lists_them_too(self):
        pr = self.request_with_files()
        self.client.login(username="checker", password=PASSWORD)
        response = self.client.get(reverse("publishing:form", args=[pr.pk]))
        for attachment in pr.item.attachments.all():
            self.assertContains(response, attachment.title_th)
            self.assertContains(response, attachment.facts)
        self.assertContains(response, "IMG_2041.jpg")
        self.assertContains(response, "พิกเซล")

    def test_the_form_keeps_the_files_it_certified_after_a_later_change(self):
        first = self.request_with_files(count=1)
        revision = transitions.start_revision(item=first.item, by=self.requester)
        revision.item.attachments.all().delete()
        Attachment.from_bytes(
            item=revision.item,
            name="budget-amended.pdf",
            content=pdf_bytes(pages=5),
            title_th="ข้อบัญญัติงบประมาณรายจ่ายเพิ่มเติม",
        )
        revision = self.bring_to(Status.PUBLISHED, pr=revision)
        first_text, revision_text = (" ".join(self.pdf_text(pr)) for pr in (first, revision))
        self.assertIn("budget-1.pdf", first_text)
        self.assertNotIn("budget-amended.pdf", first_text)
        self.assertIn("budget-amended.pdf", revision_text)
        self.assertIn("5 หน้า", revision_text)
        self.assertNotIn("budget-1.pdf", revision_text)
