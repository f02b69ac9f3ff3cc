"""A case is due when its service's manual says, or after the service's default days."""

import datetime
from unittest import mock

from django.utils import timezone

from catalog.details import ManualStep
from catalog.models import Item
from chiangkhian import workdays
from chiangkhian.models import PublicHoliday
from eservices import deadlines

from .helpers import EserviceTestCase, file


class DeadlineTests(EserviceTestCase):
    def test_deadline_follows_manual_steps(self):
        manual = Item.objects.create(
            kind="manual", title_th="คู่มือการขออนุญาตก่อสร้างอาคาร", subcategory=self._sub()
        )
        for order, (amount, unit) in enumerate([(1, "working_days"), (3, "working_days")]):
            ManualStep.objects.create(
                item=manual,
                order=order,
                description_th="ตรวจสอบเอกสาร",
                responsible_unit="กองช่าง",
                duration_amount=amount,
                duration_unit=unit,
            )
        self.complaints.manual = manual
        self.complaints.save()
        friday = timezone.make_aware(datetime.datetime(2026, 11, 27, 10, 0))
        with mock.patch("django.utils.timezone.now", return_value=friday):
            case = file(self.complaints)
        # Four working days from Friday 27 Nov: Mon, Tue, Wed, Thu 3 Dec.
        self.assertEqual(case.due_on, datetime.date(2026, 12, 3))

    def test_default_days_when_no_manual(self):
        case = file(self.complaints)
        self.assertEqual(case.due_on, timezone.localdate(case.received_at) + datetime.timedelta(15))

    def test_working_days_skip_weekends(self):
        saturday = datetime.date(2026, 11, 28)
        self.assertEqual(deadlines.add_working_days(saturday, 1), datetime.date(2026, 11, 30))

    def test_deadline_skips_public_holiday(self):
        # Mon 7 and Thu 10 Dec 2569 are public holidays (the substitute Father's Day and
        # Constitution Day), shipped as data; a webmaster adds another one in the back office.
        PublicHoliday.objects.create(date=datetime.date(2026, 12, 8), name_th="วันหยุดพิเศษ")
        self.complaints.default_days = 3
        self.complaints.working_days = True
        self.complaints.save()
        friday = timezone.make_aware(datetime.datetime(2026, 12, 4, 10, 0))
        with mock.patch("django.utils.timezone.now", return_value=friday):
            case = file(self.complaints)
        # Skipping Sat 5, Sun 6, Mon 7, Tue 8 and Thu 10: Wed 9, Fri 11, Mon 14 Dec.
        self.assertEqual(case.due_on, datetime.date(2026, 12, 14))

    def test_holidays_of_2569_and_2570_are_shipped(self):
        songkran_2570 = [datetime.date(2027, 4, 13) + datetime.timedelta(n) for n in range(3)]
        shipped = set(PublicHoliday.objects.values_list("date", flat=True))
        self.assertTrue(set(songkran_2570) <= shipped)
        self.assertIn(datetime.date(2026, 12, 10), shipped)
        self.assertEqual(
            workdays.add_working_days(datetime.date(2027, 4, 12), 1), datetime.date(2027, 4, 16)
        )

    def test_working_days_between_two_dates_skip_holidays(self):
        friday, next_friday = datetime.date(2026, 12, 4), datetime.date(2026, 12, 11)
        # Mon 7 and Thu 10 are holidays: Tue 8, Wed 9 and Fri 11 remain.
        self.assertEqual(workdays.working_days_between(friday, next_friday), 3)
        self.assertEqual(workdays.working_days_between(next_friday, friday), 0)
        self.assertFalse(workdays.is_working_day(datetime.date(2026, 12, 10)))

    def test_a_long_count_reads_holidays_past_the_first_stretch(self):
        start = datetime.date(2026, 1, 1)
        holidays = workdays.holidays_between(start, datetime.date(2026, 12, 31))
        expected = sum(
            1
            for n in range(1, 366)
            if (start + datetime.timedelta(n)).weekday() < 5
            and start + datetime.timedelta(n) not in holidays
            and start + datetime.timedelta(n) <= datetime.date(2026, 12, 31)
        )
        self.assertEqual(workdays.add_working_days(start, expected), datetime.date(2026, 12, 30))

    def test_webmaster_adds_a_holiday_typed_in_buddhist_era_and_deadlines_follow(self):
        self.client.force_login(self.webmaster)
        response = self.client.post(
            "/admin/chiangkhian/publicholiday/add/",
            {"date": "08/12/2569", "name_th": "วันหยุดราชการเพิ่มเป็นกรณีพิเศษ", "name_en": ""},
        )
        self.assertEqual(response.status_code, 302)
        holiday = PublicHoliday.objects.get(date=datetime.date(2026, 12, 8))
        self.assertEqual(holiday.history.count(), 1)
        self.assertEqual(
            workdays.add_working_days(datetime.date(2026, 12, 4), 2), datetime.date(2026, 12, 11)
        )
        bad = self.client.post(
            "/admin/chiangkhian/publicholiday/add/", {"date": "31/02/2569", "name_th": "x"}
        )
        self.assertEqual(bad.status_code, 200)
        self.assertEqual(PublicHoliday.objects.filter(name_th="x").count(), 0)

    def _sub(self):
        from catalog.models import Subcategory

        return (
            Subcategory.objects.filter(category__slug="services").first()
            or Subcategory.objects.first()
        )


class ManualFormTests(EserviceTestCase):
    def test_manual_documents_become_upload_fields_and_fee_is_shown(self):
        from decimal import Decimal

        from django.core.files.uploadedfile import SimpleUploadedFile

        from catalog.details import ManualDetail, ManualDocument
        from catalog.models import Subcategory

        manual = Item.objects.create(
            kind="manual",
            title_th="คู่มือการขอรับใบอนุญาตจัดตั้งสถานที่จำหน่ายอาหาร",
            subcategory=Subcategory.objects.filter(category__slug="services").first(),
        )
        ManualDetail.objects.create(
            item=manual, manual_type="citizen", responsible_unit="กองสาธารณสุข", fee=Decimal(200)
        )
        document = ManualDocument.objects.create(item=manual, name_th="สำเนาบัตรประจำตัวประชาชน")
        self.complaints.manual = manual
        self.complaints.save()
        page = self.client.get(self.complaints.get_absolute_url())
        self.assertContains(page, "สำเนาบัตรประจำตัวประชาชน")
        self.assertContains(page, f'name="document_{document.pk}"')
        self.assertContains(page, "200")
        from .test_citizen import FORM

        fake = SimpleUploadedFile("id.pdf", b"MZ\x90\x00 not a pdf at all")
        response = self.client.post(
            self.complaints.get_absolute_url(), {**FORM, f"document_{document.pk}": fake}
        )
        self.assertContains(response, "id.pdf")
        self.assertFalse(self.complaints.cases.exists())
