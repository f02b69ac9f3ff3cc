"""Typed details validate what their kind needs, with Thai messages naming the field."""

import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError

from catalog.durations import Duration, format_total
from catalog.models import LawDetail, ManualDetail, ManualStep, NewsDetail, ProcurementDetail
from tests.base import PersonaTestCase

from .helpers import add_photo, attach, make_item


class DetailValidationTests(PersonaTestCase):
    def errors(self, detail):
        with self.assertRaises(ValidationError) as raised:
            detail.full_clean()
        return raised.exception.message_dict

    def test_a_law_needs_a_source_reference(self):
        law = LawDetail(
            item=make_item(kind="law"), issuer="รัฐสภา", enacted_on=datetime.date(2019, 5, 24)
        )
        self.assertIn("ราชกิจจานุเบกษา", self.errors(law)["reference_url"][0])
        law.gazette_volume = "136"
        self.assertIn("ทั้งเล่ม ตอน และหน้า", self.errors(law)["gazette_volume"][0])
        law.gazette_part, law.gazette_page = "69 ก", "52"
        law.full_clean()

    def test_a_procurement_result_needs_its_winner_and_price(self):
        result = ProcurementDetail(
            item=make_item(kind="procurement"),
            stage="result",
            method="specific",
            budget=Decimal("1000"),
            announced_on=datetime.date(2026, 1, 1),
        )
        errors = self.errors(result)
        self.assertIn("ผู้ได้รับการคัดเลือก", errors["winner"][0])
        self.assertIn("ราคาที่ตกลง", errors["agreed_price"][0])

    def test_a_budget_is_also_written_in_thai_words(self):
        detail = ProcurementDetail(budget=Decimal("2480000"), agreed_price=Decimal("2475500.25"))
        self.assertEqual(detail.budget_text, "สองล้านสี่แสนแปดหมื่นบาทถ้วน")
        self.assertEqual(detail.agreed_price_text, "สองล้านสี่แสนเจ็ดหมื่นห้าพันห้าร้อยบาทยี่สิบห้าสตางค์")

    def test_a_job_announcement_needs_its_closing_date(self):
        job = NewsDetail(item=make_item(kind="news"), news_kind="job")
        self.assertIn("วันปิดรับสมัคร", self.errors(job)["apply_until"][0])


class DurationTests(PersonaTestCase):
    def test_minutes_and_hours_add_up_and_days_stay_apart(self):
        parts = Duration.total(
            [
                Duration(50, "minutes"),
                Duration(1, "hours"),
                Duration(3, "working_days"),
                Duration(20, "minutes"),
            ]
        )
        self.assertEqual(format_total(parts), "3 วันทำการ 2 ชั่วโมง 10 นาที")
        self.assertEqual(format_total(Duration.total([])), "")


class CompletenessTests(PersonaTestCase):
    def test_it_lists_what_a_manual_still_lacks(self):
        item = make_item(kind="manual", sub="service-manuals", source="", status="draft")
        errors = item.completeness_errors()
        self.assertTrue(any("แหล่งที่มา" in e for e in errors), errors)
        self.assertIn("ยังไม่ได้กรอกรายละเอียดของคู่มือ", " ".join(errors))
        ManualDetail.objects.create(item=item, manual_type="citizen", responsible_unit="สำนักปลัด")
        ManualStep.objects.create(
            item=item,
            description_th="รับคำขอ",
            responsible_unit="สำนักปลัด",
            duration_amount=10,
            duration_unit="minutes",
        )
        item.source = "สำนักปลัด"
        self.assertEqual(item.completeness_errors(), [])

    def test_activity_news_needs_a_photo_and_a_document_a_file(self):
        news = make_item(kind="news", sub="activities")
        NewsDetail.objects.create(item=news, news_kind="activity")
        self.assertIn("ข่าวกิจกรรมต้องมีภาพอย่างน้อยหนึ่งภาพ", news.completeness_errors())
        add_photo(news)
        self.assertEqual(news.completeness_errors(), [])
        document = make_item(kind="document")
        self.assertEqual(document.completeness_errors(), ["แนบไฟล์อย่างน้อยหนึ่งไฟล์"])
        attach(document)
        self.assertEqual(document.completeness_errors(), [])
