"""The photos and documents a citizen sends: their handlers and the citizen only."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from chiangkhian import roles
from eservices import transitions
from eservices.models import Case, CaseFile, PersonalDataView
from tests.base import make_user
from tests.catalog.files_active import _pdf

from .helpers import EserviceTestCase, file, make_service
from .test_citizen import jpeg


def file_with_photo(service, **fields):
    values = {"subject": "ถนนเป็นหลุม", "description": "หลุมลึกหน้าบ้าน", "phone": "081-234-5678"}
    photo = CaseFile(kind=CaseFile.Kind.PHOTO, file=jpeg("somchai-at-home.jpg"))
    case = Case(service=service, name="นายสมชาย ใจกล้า", **{**values, **fields})
    return transitions.file_case(case=case, files=[photo]), photo


def staff_url(case, photo):
    return reverse("admin:eservices_case_file", args=[case.pk, photo.pk])


def citizen_url(case, photo):
    return reverse("eservices:case_file", args=[case.token, photo.pk])


class StaffOpensFilesTests(EserviceTestCase):
    def test_handling_officer_opens_the_photo_and_the_view_is_recorded(self):
        case, photo = file_with_photo(self.complaints)
        self.client.force_login(self.officer)
        response = self.client.get(staff_url(case, photo))
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response["Content-Type"], "image/jpeg")
        self.assertTrue(b"".join(response.streaming_content).startswith(b"\xff\xd8"))
        self.assertIn("no-store", response["Cache-Control"])
        self.assertIn("sandbox", response["Content-Security-Policy"])
        seen = PersonalDataView.objects.get(case=case)
        self.assertEqual(seen.by, self.officer)
        self.assertNotIn("somchai", seen.what)

    def test_case_page_links_the_files_for_its_handler(self):
        case, photo = file_with_photo(self.complaints)
        self.client.force_login(self.officer)
        page = self.client.get(reverse("admin:eservices_case_change", args=[case.pk]))
        self.assertContains(page, staff_url(case, photo))

    def test_officer_of_another_unit_cannot_open_the_photo(self):
        case, photo = file_with_photo(self.complaints)
        self.client.force_login(self.health_officer)
        self.assertEqual(self.client.get(staff_url(case, photo)).status_code, 404)
        self.assertFalse(PersonalDataView.objects.exists())

    def test_a_file_of_another_case_is_not_opened_through_a_case_one_handles(self):
        mine = file(self.complaints)
        other_service = make_service("general", unit=self.health, slug="general-health")
        other, photo = file_with_photo(other_service)
        self.client.force_login(self.officer)
        self.assertEqual(self.client.get(staff_url(mine, photo)).status_code, 404)
        self.assertFalse(PersonalDataView.objects.exists())

    def test_designated_recipient_opens_the_file_of_a_report_the_accused_cannot(self):
        corruption = make_service("corruption", unit=self.approver.unit)
        recipient = make_user("recipient", roles.CORRUPTION_RECIPIENT)
        accused = make_user("accused", roles.CORRUPTION_RECIPIENT)
        case, photo = file_with_photo(corruption, subject="เรียกรับเงินค่าใบอนุญาต")
        case.named_officials.add(accused)
        self.client.force_login(accused)
        self.assertEqual(self.client.get(staff_url(case, photo)).status_code, 404)
        self.client.force_login(self.officer)
        self.assertEqual(self.client.get(staff_url(case, photo)).status_code, 404)
        self.client.force_login(recipient)
        self.assertEqual(self.client.get(staff_url(case, photo)).status_code, 200)
        self.assertEqual(
            list(PersonalDataView.objects.values_list("by", flat=True)), [recipient.pk]
        )


class CitizenSeesOwnFilesTests(EserviceTestCase):
    def test_citizen_sees_own_photo_and_document_on_the_status_page(self):
        case, photo = file_with_photo(self.complaints)
        pdf = CaseFile(
            label="แผนที่จุดเกิดเหตุ",
            file=SimpleUploadedFile("map.pdf", _pdf()),
        )
        transitions.add_information(case=case, text="แผนที่ค่ะ", files=[pdf])
        page = self.client.get(case.get_absolute_url())
        self.assertContains(page, f'<img src="{citizen_url(case, photo)}"')
        self.assertContains(page, "แผนที่จุดเกิดเหตุ")
        response = self.client.get(citizen_url(case, photo))
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response["Content-Type"], "image/jpeg")
        self.assertNotIn("Set-Cookie", response)
        self.assertEqual(self.client.head(citizen_url(case, photo)).status_code, 200)

    def test_a_file_cannot_be_fetched_with_another_cases_link_or_a_guessed_one(self):
        mine = file(self.complaints)
        theirs, photo = file_with_photo(self.complaints, phone="081-999-0000")
        for token in [mine.token, "x" * 32, theirs.token[:-1]]:
            with self.subTest(token=token):
                url = reverse("eservices:case_file", args=[token, photo.pk])
                self.assertEqual(self.client.get(url).status_code, 404)
        self.assertEqual(self.client.get(f"/media-not-served/{photo.file.name}").status_code, 404)
        self.assertEqual(self.client.get(f"/media/{photo.file.name}").status_code, 404)

    def test_erased_case_serves_no_file(self):
        case, photo = file_with_photo(self.complaints)
        transitions.accept(case=case, by=self.officer)
        transitions.close_done(case=case, by=self.officer, note="ซ่อมแล้ว")
        transitions.erase_personal_data(case=Case.objects.get(pk=case.pk))
        self.assertEqual(self.client.get(citizen_url(case, photo)).status_code, 404)


class RecordOfViewsTests(EserviceTestCase):
    def test_palat_reads_who_opened_which_personal_data(self):
        case, photo = file_with_photo(self.complaints)
        self.client.force_login(self.officer)
        self.client.get(reverse("admin:eservices_case_change", args=[case.pk]))
        self.client.get(staff_url(case, photo))
        self.client.force_login(self.approver)
        page = self.client.get(reverse("admin:eservices_personaldataview_changelist"))
        self.assertContains(page, case.code, count=2)
        self.assertContains(page, f"{CaseFile.Kind.PHOTO.label} {photo.pk}")
        self.client.force_login(self.health_officer)
        page = self.client.get(reverse("admin:eservices_personaldataview_changelist"))
        self.assertEqual(page.status_code, 403)
