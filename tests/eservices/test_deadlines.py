"""A case is due when its service's manual says, or after the service's default days."""

import datetime
from unittest import mock

from django.utils import timezone

from catalog.details import ManualStep
from catalog.models import Item
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

    def _sub(self):
        from catalog.models import Subcategory

        return (
            Subcategory.objects.filter(category__slug="services").first()
            or Subcategory.objects.first()
        )
