"""The slow part of an upload runs as a background task; the checks stay in the request."""

import io

from django.core.exceptions import ValidationError
from django.test import TestCase, override_settings
from django_tasks_db.models import DBTaskResult
from reportlab.pdfgen import canvas

from catalog import search
from catalog.models import Attachment, Item, Photo
from catalog.revisions import copy_parts
from chiangkhian.pdf import register_thai_fonts
from tests.worker import DATABASE_QUEUE, run_worker

from .helpers import add_photo, attach, image_bytes, make_item


def thai_pdf(text="รายชื่อผู้สอบผ่านการคัดเลือกพนักงานจ้าง"):
    register_thai_fonts()
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer)
    pdf.setFont("Sarabun", 16)
    pdf.drawString(72, 720, text)
    pdf.save()
    return buffer.getvalue()


class EmbeddedDefaultTests(TestCase):
    def test_pdf_text_is_ready_at_once_in_the_embedded_default(self):
        attachment = attach(make_item(), content=thai_pdf())
        self.assertIn("ผู้สอบผ่าน", attachment.text)
        self.assertIn("ผู้สอบผ่าน", Attachment.objects.get(pk=attachment.pk).text)


@override_settings(TASKS=DATABASE_QUEUE)
class WorkerTests(TestCase):
    def test_pdf_text_extracted_by_task(self):
        item = make_item(title_th="ประกาศผลการสอบ")
        search.index(item)
        attachment = attach(item, content=thai_pdf())
        self.assertEqual(Attachment.objects.get(pk=attachment.pk).text, "")  # not in the request
        self.assertEqual(attachment.page_count, 1)  # the structure check did run
        run_worker()
        self.assertIn("ผู้สอบผ่าน", Attachment.objects.get(pk=attachment.pk).text)
        # The live item's search entry now holds the PDF's words.
        response = self.client.get("/search/", {"q": "ผู้สอบผ่าน"})
        self.assertContains(response, item.get_absolute_url())

    def test_a_copy_made_before_the_worker_ran_gets_the_text_and_sizes_too(self):
        item = make_item()
        attach(item, content=thai_pdf())
        add_photo(item, content=image_bytes(size=(700, 400)))
        draft = make_item(status="draft")
        copy_parts(item, draft)  # a revision draft started at once
        run_worker()
        self.assertIn("ผู้สอบผ่าน", draft.attachments.get().text)
        self.assertEqual(draft.photos.get().widths, [320, 640])

    def test_large_photo_sizes_are_made_by_task(self):
        photo = add_photo(make_item(), content=image_bytes(size=(1600, 1200)))
        self.assertEqual(Photo.objects.get(pk=photo.pk).widths, [])
        self.assertEqual((photo.width, photo.height), (1600, 1200))
        self.assertEqual(self.client.get(photo.url(0)).status_code, 200)  # full size meanwhile
        run_worker()
        photo.refresh_from_db()
        self.assertEqual(photo.widths, [320, 640, 1280])
        response = self.client.get(photo.url(640))
        self.assertEqual(response.status_code, 200)
        self.assertEqual(DBTaskResult.objects.filter(status="SUCCESSFUL").count(), 1)

    def test_a_refused_upload_never_reaches_the_queue(self):
        item = make_item()
        with self.assertRaises(ValidationError):
            attach(item, name="report.pdf", content=b"%PDF-1.7\nnot really a pdf")
        self.assertFalse(Attachment.objects.exists())
        self.assertFalse(DBTaskResult.objects.exists())
        self.assertTrue(Item.objects.filter(pk=item.pk).exists())
