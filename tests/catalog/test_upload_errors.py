"""A refused upload says in plain Thai what is wrong and what to do, never a library's
Python text (such as "cannot identify image file <_io.BytesIO object at 0x...>")."""

import re

from django.forms import modelform_factory

from catalog.models import Attachment, Photo
from tests.base import PersonaTestCase

from .helpers import image_bytes, make_item, upload

PYTHON_TEXT = re.compile(r"<_io\.|object at 0x|Errno|Traceback|cannot identify|truncated")


class UploadErrorTests(PersonaTestCase):
    def setUp(self):
        self.item = make_item()

    def refusal(self, model, name, content, field):
        form_class = modelform_factory(model, fields=["item", field])
        form = form_class(data={"item": self.item.pk}, files={field: upload(name, content)})
        self.assertFalse(form.is_valid())
        return " ".join(form.errors[field])

    def test_a_broken_photo_says_what_to_do(self):
        # A JPEG whose transfer stopped early: its header says JPEG, Pillow cannot open it.
        broken = image_bytes((400, 300))[:40]
        message = self.refusal(Photo, "กิจกรรม.jpg", broken, "image")
        self.assertIn("ภาพเสียหายหรือไม่สมบูรณ์", message)
        self.assertIsNone(PYTHON_TEXT.search(message), message)

    def test_a_broken_attachment_image_says_what_to_do(self):
        broken = image_bytes((400, 300), fmt="PNG")[:60]
        message = self.refusal(Attachment, "แผนที่.png", broken, "file")
        self.assertIsNone(PYTHON_TEXT.search(message), message)
        self.assertIn("ภาพเสียหาย", message)

    def test_a_damaged_pdf_gives_no_library_text(self):
        message = self.refusal(Attachment, "เสีย.pdf", b"%PDF-1.4\n garbage", "file")
        self.assertIn("PDF เสียหาย", message)
        self.assertNotIn("EOF", message)
        self.assertIsNone(PYTHON_TEXT.search(message), message)
