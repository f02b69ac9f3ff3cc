"""Council documents are requests like any other; council members are kept by webmasters."""

import datetime

from django.core.files.uploadedfile import SimpleUploadedFile

from catalog.models import CouncilDetail, Subcategory
from council.models import CouncilMember
from publishing.models import PublicationRequest
from tests.base import PASSWORD
from tests.catalog.helpers import image_bytes
from tests.publishing.base import Status, WorkflowTestCase
from tests.publishing.test_request_page import ADD, form_data, management


def notice_data(**fields):
    data = form_data(**fields)
    data.update(management())
    for prefix, total in [("councildetail", 1), ("bids", 0)]:
        data.update(
            {
                f"{prefix}-TOTAL_FORMS": str(total),
                f"{prefix}-INITIAL_FORMS": "0",
                f"{prefix}-MIN_NUM_FORMS": "0",
                f"{prefix}-MAX_NUM_FORMS": "1000",
            }
        )
    data.update(
        {
            "kind": "council",
            "subcategory": Subcategory.objects.get(slug="council-notices").pk,
            "title_th": "ประกาศเรียกประชุมสภาเทศบาล สมัยสามัญ สมัยที่ 1 ประจำปี 2570",
            "councildetail-0-document_type": "notice",
            "councildetail-0-session": "สมัยสามัญ สมัยที่ 1 ประจำปี 2570",
            "councildetail-0-meeting_number": "ครั้งที่ 1/2570",
            "councildetail-0-meeting_on": "15/02/2570",  # B.E., as a clerk types it
            "councildetail-0-meeting_time": "09:30",
            "councildetail-0-place": "ห้องประชุมสภาเทศบาล",
        }
    )
    return data


class CouncilDocumentTests(WorkflowTestCase):
    def test_a_meeting_notice_is_filed_with_its_meeting_and_goes_to_the_checker(self):
        self.client.login(username="requester", password=PASSWORD)
        self.client.post(ADD, notice_data(unit=self.finance.pk, _submit="1"))
        pr = PublicationRequest.objects.get()
        self.assertEqual(pr.status, Status.SUBMITTED)
        meeting = pr.item.councildetail
        self.assertEqual(meeting.meeting_on, datetime.date(2027, 2, 15))
        self.assertEqual(meeting.document_type, CouncilDetail.DocumentType.NOTICE)

    def test_the_published_notice_shows_its_meeting_and_a_calendar_file(self):
        self.client.login(username="requester", password=PASSWORD)
        self.client.post(ADD, notice_data(unit=self.finance.pk))
        pr = self.bring_to(Status.PUBLISHED, pr=PublicationRequest.objects.get())
        self.client.logout()
        page = self.client.get(pr.item.get_absolute_url())
        self.assertContains(page, "15 กุมภาพันธ์ 2570 เวลา 09:30 น.")
        self.assertContains(page, f'href="/events/{pr.item_id}.ics"')
        self.assertEqual(self.client.get(f"/events/{pr.item_id}.ics").status_code, 200)


class CouncilMemberAdminTests(WorkflowTestCase):
    def member_data(self, **fields):
        return {
            "order": "1",
            "name_th": "นายสุรชัย ใจมั่น",
            "name_en": "",
            "role": "president",
            "constituency": "เขตเลือกตั้งที่ 1",
            "term_start": "26/04/2564",
            "term_end": "",
            "photo": SimpleUploadedFile("face.jpg", image_bytes((300, 400))),
            **fields,
        }

    def test_a_webmaster_adds_a_member_with_a_portrait_and_it_is_in_the_history(self):
        self.client.login(username="webmaster", password=PASSWORD)
        self.client.post("/admin/council/councilmember/add/", self.member_data())
        member = CouncilMember.objects.get()
        self.assertEqual(member.term_start, datetime.date(2021, 4, 26))
        self.assertTrue(member.photo.name.endswith(".png"))
        self.assertEqual(member.history.get().history_user, self.webmaster)

    def test_a_file_that_is_not_an_image_is_refused_in_thai(self):
        self.client.login(username="webmaster", password=PASSWORD)
        data = self.member_data(photo=SimpleUploadedFile("face.jpg", b"%PDF-1.4 not an image"))
        response = self.client.post("/admin/council/councilmember/add/", data)
        # Django's own image check answers first, in Thai ("อัพโหลดรูปที่ถูกต้อง ...").
        self.assertIn("รูป", response.context["adminform"].form.errors["photo"][0])
        self.assertFalse(CouncilMember.objects.exists())

    def test_requesting_staff_cannot_change_the_members(self):
        self.client.login(username="requester", password=PASSWORD)
        response = self.client.get("/admin/council/councilmember/add/")
        self.assertEqual(response.status_code, 403)
