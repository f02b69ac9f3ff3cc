"""The citizen's path: file a complaint, follow it, add information, rate it."""

import io

from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from PIL import Image

from eservices import transitions
from eservices.models import Case, CaseFile

from .helpers import EserviceTestCase, file

FORM = {
    "topic": "lights",
    "subject": "ไฟถนนดับ ซอย 4",
    "description": "ไฟถนนดับทั้งซอยมาสามคืนแล้ว เด็ก ๆ กลับบ้านลำบาก",
    "place": "ซอย 4 หมู่ 2 ใกล้ร้านค้าสหกรณ์",
    "latitude": "19.735900",
    "longitude": "100.164800",
    "name": "นางสาวมาลี ดีใจ",
    "phone": "089 111 2233",
    "email": "malee@example.test",
    "consent": "on",
}


def jpeg(name="photo.jpg"):
    buffer = io.BytesIO()
    Image.new("RGB", (64, 48), (200, 30, 30)).save(buffer, "JPEG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/jpeg")


class CitizenTests(EserviceTestCase):
    def file_url(self):
        return self.complaints.get_absolute_url()

    def test_citizen_files_complaint_and_follows_it_by_code(self):
        with self.captureOnCommitCallbacks(execute=True):
            response = self.client.post(
                self.file_url(), {**FORM, "photos": [jpeg(), jpeg("b.jpg")]}
            )
        case = Case.objects.get()
        self.assertRedirects(response, f"{case.get_absolute_url()}?sent=1")
        page = self.client.get(response["Location"]).content.decode()
        self.assertIn(case.code, page)
        self.assertIn(case.get_absolute_url(), page)
        self.assertEqual(case.files.filter(kind=CaseFile.Kind.PHOTO).count(), 2)
        self.assertEqual(str(case.latitude), "19.735900")
        self.assertIn(case.code, mail.outbox[0].body + mail.outbox[0].subject)
        self.assertEqual(mail.outbox[0].to, ["malee@example.test"])
        transitions.accept(case=case, by=self.officer)
        transitions.reply(case=case, by=self.officer, note="ช่างจะเข้าเปลี่ยนหลอดไฟพรุ่งนี้")
        transitions.add_note(case=case, by=self.officer, note="ใช้หลอด LED จากคลัง")
        response = self.client.post(
            "/e-service/track/", {"code": case.code, "contact": "0891112233"}
        )
        self.assertRedirects(response, case.get_absolute_url())
        page = self.client.get(case.get_absolute_url()).content.decode()
        self.assertIn("ช่างจะเข้าเปลี่ยนหลอดไฟพรุ่งนี้", page)
        self.assertIn("กองช่าง", page)
        self.assertNotIn("ใช้หลอด LED จากคลัง", page)
        self.assertIn(str(case.due_on.year + 543), page)

    def test_status_page_needs_code_and_contact(self):
        case = file(self.complaints)
        for contact in ["", "0800000000", "other@example.test"]:
            response = self.client.post(
                "/e-service/track/", {"code": case.code, "contact": contact}
            )
            self.assertEqual(response.status_code, 200)
            self.assertNotContains(response, case.subject)
        response = self.client.post(
            "/e-service/track/", {"code": case.code, "contact": "SOMCHAI@example.test"}
        )
        self.assertRedirects(response, case.get_absolute_url())
        self.assertEqual(self.client.get("/e-service/track/not-a-token/").status_code, 404)

    def test_bad_input_gets_thai_errors_and_keeps_what_was_typed(self):
        response = self.client.post(
            self.file_url(), {**FORM, "subject": "", "name": "", "consent": ""}
        )
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "กรุณาทำเครื่องหมายเพื่อยินยอมตามประกาศความเป็นส่วนตัว")
        self.assertEqual(set(response.context["form"].errors), {"subject", "name", "consent"})
        self.assertContains(response, "ไฟถนนดับทั้งซอยมาสามคืนแล้ว")
        self.assertContains(response, "ซอย 4 หมู่ 2")
        self.assertContains(response, "ประกาศความเป็นส่วนตัว")
        self.assertEqual(Case.objects.count(), 0)

    def test_hostile_upload_refused_on_public_form(self):
        script = SimpleUploadedFile("photo.jpg", b"<html><script>alert(1)</script></html>")
        response = self.client.post(self.file_url(), {**FORM, "photos": [script]})
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "photo.jpg")
        self.assertContains(response, "ไฟถนนดับทั้งซอยมาสามคืนแล้ว")
        self.assertEqual(Case.objects.count(), 0)
        self.assertEqual(CaseFile.objects.count(), 0)

    def test_more_than_five_photos_refused(self):
        response = self.client.post(self.file_url(), {**FORM, "photos": [jpeg() for _ in range(6)]})
        self.assertEqual(response.status_code, 200)
        self.assertEqual(Case.objects.count(), 0)

    @override_settings(ESERVICES_RATE_LIMIT=3)
    def test_burst_from_one_source_is_refused(self):
        for _ in range(3):
            self.client.post(self.file_url(), FORM)
        response = self.client.post(self.file_url(), FORM)
        self.assertEqual(response.status_code, 429)
        self.assertContains(response, "ลองใหม่ในอีกหนึ่งชั่วโมง", status_code=429)
        self.assertEqual(Case.objects.count(), 3)

    def test_honeypot_stores_nothing(self):
        response = self.client.post(self.file_url(), {**FORM, "website": "http://spam"})
        self.assertEqual(response.status_code, 429)
        self.assertEqual(Case.objects.count(), 0)

    def test_citizen_adds_information_while_open_and_rates_when_closed(self):
        case = file(self.complaints)
        transitions.accept(case=case, by=self.officer)
        transitions.ask_for_information(case=case, by=self.officer, note="ขอรูปจุดที่ไฟดับ")
        url = case.get_absolute_url()
        self.client.post(url, {"add": "1", "text": "ส่งรูปมาเพิ่มค่ะ", "photos": [jpeg()]})
        case.refresh_from_db()
        self.assertEqual(case.status, Case.Status.IN_PROGRESS)
        self.assertEqual(case.files.count(), 1)
        self.assertNotContains(self.client.get(url), "ให้คะแนน")
        transitions.close_done(case=case, by=self.officer, note="ซ่อมแล้ว")
        self.client.post(url, {"rate": "1", "score": "5", "comment": "เร็วมาก"})
        case.refresh_from_db()
        self.assertEqual(case.rating, 5)

    def test_english_form(self):
        response = self.client.get(f"/en{self.file_url()}")
        self.assertContains(response, "Privacy notice")


class BodyLimitTests(EserviceTestCase):
    def test_oversized_body_is_refused_before_reading(self):
        url = self.complaints.get_absolute_url()
        response = self.client.generic(
            "POST", url, b"x" * 10, content_type="text/plain", CONTENT_LENGTH=str(41 * 1024**2)
        )
        self.assertEqual(response.status_code, 413)
        self.assertContains(response, "ใหญ่เกินไป", status_code=413)
        self.assertEqual(Case.objects.count(), 0)
