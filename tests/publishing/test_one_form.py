"""One page files a request: its fields, the kind's details, its files and photos, in one POST."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from catalog.models import Attachment, NewsDetail, Photo
from chiangkhian import roles
from publishing.models import PublicationRequest
from tests.base import PASSWORD, make_user
from tests.catalog.helpers import EXECUTABLE, image_bytes, pdf_bytes
from tests.publishing.base import Status, WorkflowTestCase
from tests.publishing.test_request_page import ADD, PARTS, form_data, management


def news_with_files(pdf=None, **fields):
    data = form_data(**fields)
    data.update(management(newsdetail=1, attachments=1, photos=1))
    data.update(
        {
            "newsdetail-0-news_kind": "activity",
            "newsdetail-0-location": "ลานวัฒนธรรมเทศบาล",
            "attachments-0-title_th": "ประกาศรับสมัคร อปพร.",
            "attachments-0-role": "document",
            "attachments-0-order": "0",
            "attachments-0-file": SimpleUploadedFile("ประกาศ.pdf", pdf or pdf_bytes(3)),
            "photos-0-alt_th": "อาสาสมัครเข้ารับการฝึกอบรม",
            "photos-0-order": "0",
            "photos-0-image": SimpleUploadedFile("ภาพ.jpg", image_bytes((1200, 800))),
        }
    )
    return data


class OneFormTests(WorkflowTestCase):
    def setUp(self):
        self.client.login(username="requester", password=PASSWORD)

    def test_filing_news_with_a_pdf_and_a_photo_saves_everything_in_one_post(self):
        data = news_with_files(unit=self.finance.pk, _submit="1")
        response = self.client.post(ADD, data, follow=True)
        pr = PublicationRequest.objects.get()
        self.assertRedirects(response, pr.get_absolute_url())
        self.assertEqual(pr.status, Status.SUBMITTED)
        self.assertContains(response, "ส่งคำขอเพื่อตรวจสอบแล้ว")
        self.assertEqual(pr.item.newsdetail.news_kind, NewsDetail.NewsKind.ACTIVITY)
        attachment, photo = pr.item.attachments.get(), pr.item.photos.get()
        self.assertEqual((attachment.page_count, photo.width), (3, 1200))
        # Every part is in the history, in the filer's name.
        for record in [pr.item.history.first(), attachment.history.get(), photo.history.get()]:
            self.assertEqual(record.history_user, self.requester)
        self.assertEqual(NewsDetail.history.get().history_user, self.requester)
        files = [event for event in response.context["timeline"] if event.action == "file_added"]
        self.assertEqual(
            [(event.title, event.note, event.by) for event in files],
            [
                ("แนบไฟล์", "ประกาศรับสมัคร อปพร.", self.requester),
                ("เพิ่มภาพ", "อาสาสมัครเข้ารับการฝึกอบรม", self.requester),
            ],
        )

    def test_what_is_missing_is_listed_before_submitting(self):
        data = form_data(unit=self.finance.pk, source="", data_from="")
        data.update(management())
        response = self.client.post(ADD, data, follow=True)
        pr = PublicationRequest.objects.get()
        self.assertEqual(pr.status, Status.DRAFT)
        self.assertContains(response, "บันทึกร่างแล้ว")
        missing = response.context["content_missing"]
        self.assertTrue(any("แหล่งที่มา" in message for message in missing), missing)
        self.assertTrue(any("รายละเอียดของข่าว" in message for message in missing), missing)
        self.assertContains(response, "สิ่งที่ยังขาดก่อนส่งคำขอได้")

    def test_submitting_an_incomplete_request_names_each_field_in_thai(self):
        data = form_data(unit=self.finance.pk, source="", data_from="", _submit="1")
        data.update(management())
        response = self.client.post(ADD, data)
        self.assertEqual(response.status_code, 200)
        errors = response.context["adminform"].form.errors
        self.assertIn("แหล่งที่มา", errors["source"][0])
        self.assertIn("ช่วงเวลาของข้อมูล", errors["data_from"][0])
        self.assertFalse(PublicationRequest.objects.exists())

    def test_a_draft_without_its_details_is_saved_but_not_submitted(self):
        data = form_data(unit=self.finance.pk, _submit="1")
        data.update(management())
        response = self.client.post(ADD, data, follow=True)
        pr = PublicationRequest.objects.get()
        self.assertEqual(pr.status, Status.DRAFT)
        self.assertContains(response, "บันทึกร่างแล้ว แต่ยังส่งตรวจสอบไม่ได้")
        self.assertContains(response, "รายละเอียดของข่าว")

    def test_a_bad_upload_gives_a_thai_error_and_keeps_what_was_typed(self):
        data = news_with_files(pdf=EXECUTABLE, unit=self.finance.pk, _submit="1")
        response = self.client.post(ADD, data)
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "นามสกุล .pdf แต่เนื้อไฟล์เป็นประเภท")
        self.assertContains(response, form_data()["title_th"])
        self.assertContains(response, "ลานวัฒนธรรมเทศบาล")
        self.assertFalse(PublicationRequest.objects.exists())
        self.assertFalse(Attachment.objects.exists() or Photo.objects.exists())

    def test_the_page_offers_every_kinds_section_and_shows_the_chosen_one(self):
        response = self.client.get(ADD + "?kind=news")
        html = response.content.decode()
        for prefix in PARTS:
            self.assertIn(f'name="{prefix}-TOTAL_FORMS"', html)
        self.assertIn('data-kind="news">', html)
        self.assertIn('data-kind="law" hidden>', html)
        self.assertContains(response, "js/request-form.js")

    def test_the_filer_adds_a_file_to_the_saved_draft(self):
        pr = self.file()
        url = reverse("admin:publishing_publicationrequest_change", args=[pr.pk])
        page = self.client.get(url)
        self.assertContains(page, 'data-kind="news">')
        data = form_data(unit=self.finance.pk, title_th=pr.item.title_th)
        data.update(management(attachments=1))
        data.update(
            {
                "newsdetail-TOTAL_FORMS": "1",
                "newsdetail-INITIAL_FORMS": "1",
                "newsdetail-0-item": pr.item_id,
                "newsdetail-0-news_kind": "general",
                "attachments-0-title_th": "เอกสารเพิ่มเติม",
                "attachments-0-role": "document",
                "attachments-0-order": "1",
                "attachments-0-file": SimpleUploadedFile("เพิ่ม.pdf", pdf_bytes()),
            }
        )
        data["newsdetail-0-news_kind"] = "alert"
        self.assertRedirects(self.client.post(url, data), url)
        self.assertEqual(pr.item.attachments.get().title_th, "เอกสารเพิ่มเติม")
        history = self.client.get(url).context["timeline"]
        changes = [(change.old, change.new) for event in history for change in event.changes]
        self.assertIn(("ข่าวประชาสัมพันธ์ทั่วไป", "ข่าวแจ้งเตือน"), changes)
        self.assertIn("แนบไฟล์", [event.title for event in history])

    def test_only_the_filer_changes_the_draft_and_its_files(self):
        pr = self.file()
        colleague = make_user("colleague", roles.REQUESTER, unit=self.finance)
        self.client.force_login(colleague)
        url = reverse("admin:publishing_publicationrequest_change", args=[pr.pk])
        data = news_with_files(unit=self.finance.pk, title_th="แก้โดยคนอื่น")
        self.assertIn(self.client.post(url, data).status_code, {403, 404})
        pr.item.refresh_from_db()
        self.assertNotEqual(pr.item.title_th, "แก้โดยคนอื่น")
        self.assertFalse(Attachment.objects.exists())

    def test_after_submission_the_filer_can_no_longer_change_it(self):
        pr = self.bring_to(Status.SUBMITTED)
        url = reverse("admin:publishing_publicationrequest_change", args=[pr.pk])
        data = news_with_files(unit=self.finance.pk, title_th="แก้หลังส่ง")
        self.assertEqual(self.client.post(url, data).status_code, 403)
        self.assertFalse(Attachment.objects.exists())
