"""Announcement 2.2: every file is typed from its content, measured and stored privately."""

import hashlib
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.forms import modelform_factory
from django.test import override_settings

from catalog.filetypes import human_size
from catalog.models import Attachment
from tests.base import PersonaTestCase

from .helpers import EXECUTABLE, attach, docx_bytes, image_bytes, make_item, pdf_bytes, upload


class AttachmentTests(PersonaTestCase):
    def setUp(self):
        self.item = make_item(status="draft")

    def refusal(self, name, content):
        with self.assertRaises(ValidationError) as raised:
            attach(self.item, name, content)
        self.assertFalse(Attachment.objects.exists())
        self.assertFalse(any(Path(settings.MEDIA_ROOT).rglob("*.*")), "nothing is stored")
        return raised.exception.message_dict["file"][0]

    def test_a_pdf_is_measured_from_its_content(self):
        content = pdf_bytes(pages=14)
        attachment = attach(self.item, "งบประมาณ 2569.pdf", content)
        self.assertEqual(attachment.mime_type, "application/pdf")
        self.assertEqual(attachment.extension, "pdf")
        self.assertEqual(attachment.size, len(content))
        self.assertEqual(attachment.sha256, hashlib.sha256(content).hexdigest())
        self.assertEqual(attachment.page_count, 14)
        self.assertEqual(attachment.facts, f"PDF · {human_size(len(content))} · 14 หน้า")

    def test_it_is_stored_under_a_generated_name_and_keeps_the_original(self):
        attachment = attach(self.item, "../../etc/งบประมาณ.pdf")
        self.assertEqual(attachment.original_name, "งบประมาณ.pdf")
        self.assertRegex(attachment.file.name, r"^attachments/\d{4}/\d{2}/[0-9a-f]{32}\.pdf$")

    def test_a_renamed_executable_is_refused_as_a_pdf(self):
        message = self.refusal("คำสั่ง.pdf", EXECUTABLE)
        self.assertIn("นามสกุล .pdf", message)
        self.assertIn("MS-DOS executable", message)
        self.assertIn("application/x-dosexec", message)

    def test_content_that_does_not_match_the_extension_is_refused(self):
        message = self.refusal("รายงาน.pdf", image_bytes(fmt="PNG"))
        self.assertIn("นามสกุล .pdf แต่เนื้อไฟล์เป็นประเภท PNG", message)

    def test_a_type_not_allowed_is_refused_naming_it(self):
        message = self.refusal("animation.gif", image_bytes(fmt="GIF"))
        self.assertIn("ไม่รับไฟล์ประเภท GIF image data (image/gif)", message)
        self.assertIn("PDF, DOC", message)

    @override_settings(UPLOAD_ALLOWED_TYPES=["pdf"])
    def test_the_allowed_types_are_a_setting(self):
        message = self.refusal("แบบฟอร์ม.docx", docx_bytes())
        self.assertIn("ไม่รับไฟล์ประเภท DOCX (รับเฉพาะ PDF)", message)

    def test_an_office_document_is_recognised_inside_its_zip(self):
        attachment = attach(self.item, "แบบฟอร์ม.docx", docx_bytes())
        self.assertEqual(attachment.type_label, "DOCX")

    @override_settings(UPLOAD_MAX_MB=1)
    def test_an_oversize_file_is_refused(self):
        message = self.refusal("ใหญ่.pdf", pdf_bytes() + b"%" * (1024 * 1024))
        self.assertIn("เกินขนาดสูงสุดที่รับได้ 1.0 MB", message)

    def test_an_empty_file_and_a_file_without_extension_are_refused(self):
        self.assertIn("ไม่มีข้อมูล", self.refusal("ว่าง.pdf", b""))
        self.assertIn("ไม่มีนามสกุล", self.refusal("report", pdf_bytes()))

    def test_a_damaged_pdf_is_refused(self):
        self.assertIn("PDF เสียหาย", self.refusal("เสีย.pdf", b"%PDF-1.4\n garbage"))

    def test_saving_without_validation_still_inspects_the_file(self):
        attachment = Attachment(item=self.item)
        attachment.file = upload("x.pdf", EXECUTABLE)
        with self.assertRaises(ValidationError):
            attachment.save()
        self.assertFalse(Attachment.objects.exists())

    def test_a_form_applies_the_same_rules(self):
        form_class = modelform_factory(Attachment, fields=["item", "title_th", "file"])
        form = form_class(
            data={"item": self.item.pk, "title_th": "คำสั่ง"},
            files={"file": upload("คำสั่ง.pdf", EXECUTABLE)},
        )
        self.assertFalse(form.is_valid())
        self.assertIn("MS-DOS executable", form.errors["file"][0])

    def test_sizes_read_as_people_expect(self):
        self.assertEqual(human_size(1234567), "1.2 MB")
        self.assertEqual(human_size(15 * 1024 * 1024), "15 MB")
        self.assertEqual(human_size(2048), "2.0 KB")
