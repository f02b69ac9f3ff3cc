"""Uploads carry no active content: each format is opened and checked, with a Thai reason."""

import io
import os
import socket
import tempfile
import threading

from django.core.exceptions import ValidationError
from django.test import TestCase, override_settings
from PIL import Image

from catalog import filetypes
from tests.catalog import files_active as files
from tests.catalog.helpers import add_photo, attach, image_bytes, make_item, pdf_bytes


class ActiveContentTests(TestCase):
    def setUp(self):
        self.item = make_item(status="draft")

    def refusal(self, name, content):
        with self.assertRaises(ValidationError) as caught:
            attach(self.item, name, content)
        return " ".join(caught.exception.message_dict["file"])

    def test_pdf_with_javascript_is_refused(self):
        message = self.refusal("ประกาศ.pdf", files.pdf_with_javascript())
        self.assertIn("JavaScript", message)
        self.assertIn("ถูกปฏิเสธ", message)

    def test_pdf_that_launches_a_program_on_opening_is_refused(self):
        self.assertIn("OpenAction", self.refusal("a.pdf", files.pdf_with_open_action()))

    def test_pdf_opening_on_its_first_page_is_accepted(self):
        self.assertEqual(
            attach(self.item, "a.pdf", files.pdf_opening_on_first_page()).page_count, 1
        )

    def test_pdf_with_an_embedded_file_is_refused(self):
        self.assertIn("ไฟล์แนบฝัง", self.refusal("a.pdf", files.pdf_with_embedded_file()))

    def test_pdf_with_xfa_form_is_refused(self):
        self.assertIn("XFA", self.refusal("a.pdf", files.pdf_with_xfa()))

    def test_encrypted_pdf_is_refused(self):
        self.assertIn("รหัสผ่าน", self.refusal("a.pdf", files.encrypted_pdf()))

    def test_truncated_pdf_is_refused(self):
        content = pdf_bytes(pages=3)
        self.assertIn("PDF", self.refusal("a.pdf", content[: len(content) - 40]))

    def test_docm_renamed_docx_is_refused(self):
        self.assertIn("มาโคร", self.refusal("รายงาน.docx", files.docm_bytes()))

    def test_odt_with_basic_macros_is_refused(self):
        self.assertIn("มาโคร", self.refusal("รายงาน.odt", files.odt_with_basic_macro()))

    def test_zip_bomb_and_too_many_parts_are_refused(self):
        self.assertIn("zip bomb", self.refusal("a.docx", files.docx_bomb()))
        self.assertIn("ส่วนประกอบมากเกิน", self.refusal("a.docx", files.docx_with_many_parts()))

    def test_old_word_file_with_vba_macros_is_refused(self):
        self.assertIn("มาโคร", self.refusal("หนังสือ.doc", files.ole_bytes()))

    def test_old_word_file_without_macros_is_accepted(self):
        self.assertEqual(attach(self.item, "หนังสือ.doc", files.ole_bytes(())).extension, "doc")

    def test_html_named_pdf_is_refused_whatever_follows(self):
        html = b"\xef\xbb\xbf  <!DOCTYPE html><script>alert(1)</script>" + pdf_bytes()
        self.assertIn("หน้าเว็บ", self.refusal("report.pdf", html))
        svg = b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"/>'
        self.assertIn("หน้าเว็บ", self.refusal("logo.png", svg))


class ImageMetadataTests(TestCase):
    def setUp(self):
        self.item = make_item(status="draft")

    def stored(self, photo):
        with photo.image.open("rb") as stored:
            return stored.read()

    def test_jpeg_comment_payload_is_dropped(self):
        buffer = io.BytesIO()
        Image.new("RGB", (400, 300), (10, 120, 40)).save(
            buffer, "JPEG", comment=b"<?php system($_GET['c']); ?>"
        )
        photo = add_photo(self.item, "phone.jpg", buffer.getvalue())
        content = self.stored(photo)
        self.assertNotIn(b"<?php", content)
        self.assertNotIn(b"\xff\xfe", content[:2000])  # no COM segment at all
        self.assertNotIn("comment", Image.open(io.BytesIO(content)).info)

    def test_png_text_xmp_and_icc_profile_are_dropped(self):
        from PIL import ImageCms, PngImagePlugin

        info = PngImagePlugin.PngInfo()
        info.add_text("Comment", "<script>alert(1)</script>")
        info.add_itxt("XML:com.adobe.xmp", "<x:xmpmeta>GPS 19.7,100.1</x:xmpmeta>")
        icc = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
        buffer = io.BytesIO()
        Image.new("RGB", (300, 200), (200, 30, 30)).save(
            buffer, "PNG", pnginfo=info, icc_profile=icc
        )
        content = self.stored(add_photo(self.item, "scan.png", buffer.getvalue()))
        for marker in (b"<script>", b"xmpmeta", b"iCCP", b"tEXt", b"iTXt"):
            self.assertNotIn(marker, content)


class DownloadNameTests(TestCase):
    def test_server_side_extension_before_the_real_one_is_neutralised(self):
        self.assertEqual(filetypes.safe_download_name("report.php.pdf"), "report-php.pdf")
        self.assertEqual(filetypes.safe_download_name("a.EXE.jpg"), "a-EXE.jpg")
        self.assertEqual(filetypes.safe_download_name("งบ.2569.v2.pdf"), "งบ.2569.v2.pdf")
        self.assertEqual(filetypes.safe_download_name("../../etc/x.sh.pdf"), "x-sh.pdf")

    def test_a_download_keeps_only_its_real_extension(self):
        item = make_item()
        attachment = attach(item, "report.php.pdf", pdf_bytes())
        response = self.client.get(attachment.get_absolute_url())
        self.assertIn("report-php.pdf", response["Content-Disposition"])


class FakeClamd(threading.Thread):
    """A clamd that answers one INSTREAM with `verdict`."""

    def __init__(self, path, verdict):
        super().__init__(daemon=True)
        self.server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.server.bind(path)
        self.server.listen(1)
        self.verdict = verdict

    def run(self):
        connection, _ = self.server.accept()
        with connection:
            received = b""
            while not received.endswith(b"\0\0\0\0"):
                received += connection.recv(65536)
            connection.sendall(self.verdict + b"\0")
        self.server.close()


class VirusScanTests(TestCase):
    def setUp(self):
        self.item = make_item(status="draft")
        self.folder = tempfile.mkdtemp()
        self.path = os.path.join(self.folder, "clamd.sock")

    def test_a_file_clamav_flags_is_refused(self):
        FakeClamd(self.path, b"stream: Eicar-Test-Signature FOUND").start()
        with override_settings(CLAMD_SOCKET=self.path), self.assertRaises(ValidationError) as c:
            attach(self.item, "a.pdf", pdf_bytes())
        self.assertIn("Eicar-Test-Signature", str(c.exception))

    def test_a_clean_file_passes_the_scan(self):
        FakeClamd(self.path, b"stream: OK").start()
        with override_settings(CLAMD_SOCKET=self.path):
            self.assertTrue(attach(self.item, "a.pdf", pdf_bytes()).pk)

    def test_no_scanner_reachable_means_refused_not_unscanned(self):
        with override_settings(CLAMD_SOCKET=self.path), self.assertRaises(ValidationError):
            attach(self.item, "a.jpg", image_bytes())
