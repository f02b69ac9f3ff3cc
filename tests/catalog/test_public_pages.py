"""The public pages: every one reads through live() and its queries do not grow with content."""

import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

from catalog.models import (
    Category,
    Item,
    KnowledgeDetail,
    LawDetail,
    LinkDetail,
    ManualDetail,
    ManualStep,
    NewsDetail,
    Person,
    ProcurementDetail,
)
from tests.base import PersonaTestCase

from .helpers import NOW, add_photo, attach, make_item

DAY = datetime.timedelta(days=1)
BANGKOK = ZoneInfo("Asia/Bangkok")


class CategoryPageTests(PersonaTestCase):
    def test_it_lists_subcategories_with_their_live_count_and_latest_item(self):
        make_item(title_th="ข่าวที่เผยแพร่แล้ว")
        make_item(title_th="ร่างข่าว", status="draft")
        response = self.client.get("/news/")
        self.assertContains(response, "ข่าวประชาสัมพันธ์ทั่วไป")
        self.assertContains(response, "1 รายการ")
        self.assertContains(response, "ข่าวที่เผยแพร่แล้ว")
        self.assertNotContains(response, "ร่างข่าว")

    def test_queries_do_not_grow_with_content(self):
        self.assertConstantQueries("/news/", lambda: [make_item(sub=s) for s in ["alerts", "jobs"]])

    def test_queries_do_not_grow_with_subcategories(self):
        def grow():
            news = Category.objects.get(slug="news")
            for n in range(3):
                news.subcategories.create(slug=f"extra-{n}", name_th="หมวดเพิ่ม", name_en="More")

        self.assertConstantQueries("/news/", grow)


class SubcategoryListingTests(PersonaTestCase):
    def test_newest_first_and_only_live_items(self):
        make_item(title_th="เก่ากว่า", publish_at=NOW - 5 * DAY)
        make_item(title_th="ใหม่กว่า", publish_at=NOW - DAY)
        make_item(title_th="หมดอายุ", expire_at=NOW - DAY, publish_at=NOW - 9 * DAY)
        make_item(title_th="ยังไม่ถึงวัน", publish_at=NOW + DAY)
        html = self.client.get("/news/general-news/").content.decode()
        self.assertLess(html.index("ใหม่กว่า"), html.index("เก่ากว่า"))
        self.assertNotIn("หมดอายุ", html)
        self.assertNotIn("ยังไม่ถึงวัน", html)

    def test_it_is_paginated(self):
        for n in range(21):
            make_item(title_th=f"ข่าวลำดับ {n:02d}", publish_at=NOW - (n + 1) * DAY)
        first = self.client.get("/news/general-news/")
        self.assertContains(first, "ข่าวลำดับ 00")
        self.assertNotContains(first, "ข่าวลำดับ 20")
        self.assertContains(first, "หน้า 1 จาก 2")
        self.assertContains(self.client.get("/news/general-news/?page=2"), "ข่าวลำดับ 20")

    def test_it_filters_by_buddhist_era_year(self):
        make_item(title_th="ข่าวปี 2568", publish_at=NOW.replace(year=2025, month=6))
        make_item(title_th="ข่าวปี 2567", publish_at=NOW.replace(year=2024, month=6))
        response = self.client.get("/news/general-news/?year=2567")
        self.assertContains(response, "ข่าวปี 2567")
        self.assertNotContains(response, "ข่าวปี 2568")
        self.assertContains(response, '<option value="2568">2568</option>', html=True)

    def test_queries_do_not_grow_with_content(self):
        def grow():
            for n in range(3):
                item = make_item(kind="news", title_th=f"ข่าว {n}")
                NewsDetail.objects.create(item=item, news_kind="activity")
                attach(item)
                add_photo(item)

        grow()
        self.assertConstantQueries("/news/general-news/", grow)


class ItemPageTests(PersonaTestCase):
    def test_it_shows_the_metadata_of_announcement_2_2(self):
        item = make_item(
            owner_unit=self.finance,
            data_from=datetime.date(2025, 10, 1),
            data_to=datetime.date(2026, 9, 30),
            publish_at=datetime.datetime(2026, 1, 5, 9, tzinfo=BANGKOK),
            expire_at=datetime.datetime(2027, 1, 5, 9, tzinfo=BANGKOK),
        )
        attach(item, "รายงาน.pdf", title_th="รายงานผลการดำเนินงาน")
        response = self.client.get(item.get_absolute_url())
        for text in [
            "กองคลัง",
            "1 ตุลาคม 2568 – 30 กันยายน 2569",
            "5 มกราคม 2569",
            "5 มกราคม 2570",
            "ปรับปรุงล่าสุด",
            "รายงานผลการดำเนินงาน",
        ]:
            self.assertContains(response, text)
        self.assertRegex(response.content.decode(), r"PDF · [\d.]+ KB · 2 หน้า")

    def test_breadcrumbs_lead_back_to_the_category(self):
        item = make_item(title_th="ประกาศสำคัญ")
        response = self.client.get(item.get_absolute_url())
        self.assertContains(response, '<a href="/news/">ข่าวประชาสัมพันธ์</a>', html=True)
        self.assertContains(response, '<li aria-current="page">ประกาศสำคัญ</li>', html=True)

    def test_the_body_is_sanitised(self):
        item = make_item(body_th='<p onclick="steal()">สวัสดี<script>alert(1)</script></p>')
        response = self.client.get(item.get_absolute_url())
        self.assertContains(response, "<p>สวัสดี</p>", html=True)
        self.assertNotContains(response, "alert(1)")
        self.assertNotContains(response, "onclick")

    def test_items_outside_live_are_not_found(self):
        for fields in [
            {"status": "draft"},
            {"status": "expired"},
            {"expire_at": NOW - DAY},
            {"publish_at": NOW + DAY},
            {"status": "withdrawn", "withdrawn_in_error": True},
        ]:
            item = make_item(**fields)
            self.assertEqual(self.client.get(item.get_absolute_url()).status_code, 404, fields)

    def test_the_url_must_name_the_items_own_subcategory(self):
        item = make_item()
        self.assertEqual(self.client.get(f"/news/alerts/{item.pk}/").status_code, 404)

    def test_a_withdrawn_item_leaves_a_notice_saying_when_and_why(self):
        item = make_item(
            status="withdrawn",
            withdrawn_at=datetime.datetime(2026, 2, 3, 10, tzinfo=BANGKOK),
            withdrawal_reason="รายชื่อคลาดเคลื่อน ได้ประกาศฉบับแก้ไขแล้ว",
        )
        response = self.client.get(item.get_absolute_url())
        self.assertEqual(response.status_code, 410)
        self.assertContains(response, "ถอนการเผยแพร่", status_code=410)
        self.assertContains(response, "3 กุมภาพันธ์ 2569", status_code=410)
        self.assertContains(response, "รายชื่อคลาดเคลื่อน", status_code=410)

    def test_queries_do_not_grow_with_files_steps_and_people(self):
        item = make_item(kind="manual", sub="service-manuals")
        ManualDetail.objects.create(item=item, manual_type="citizen", responsible_unit="สำนักปลัด")

        def grow():
            for n in range(3):
                attach(item)
                photo = add_photo(item)
                ManualStep.objects.create(
                    item=item,
                    order=n,
                    description_th="ตรวจเอกสาร",
                    responsible_unit="สำนักปลัด",
                    duration_amount=15,
                    duration_unit="minutes",
                )
                Person.objects.create(item=item, name="นายทดสอบ", position="ผู้อำนวยการ", photo=photo)

        grow()
        self.assertConstantQueries(item.get_absolute_url(), grow)


class KindRenderingTests(PersonaTestCase):
    def get(self, item):
        response = self.client.get(item.get_absolute_url())
        self.assertEqual(response.status_code, 200)
        return response

    def test_a_law_shows_its_issuer_and_royal_gazette_reference(self):
        item = make_item(sub="acts", kind="law", title_th="พระราชบัญญัติข้อมูลข่าวสารของราชการ")
        LawDetail.objects.create(
            item=item,
            issuer="รัฐสภา",
            enacted_on=datetime.date(1997, 9, 2),
            gazette_volume="114",
            gazette_part="46 ก",
            gazette_page="1",
        )
        response = self.get(item)
        self.assertContains(response, "รัฐสภา")
        self.assertContains(response, "ราชกิจจานุเบกษา เล่ม 114 ตอนที่ 46 ก หน้า 1")
        self.assertContains(response, "2 กันยายน 2540")

    def test_knowledge_shows_its_source_and_the_time_of_its_data(self):
        item = make_item(sub="statistics", kind="knowledge")
        KnowledgeDetail.objects.create(
            item=item,
            citation="สำนักทะเบียนอำเภอเทิง",
            data_at=datetime.datetime(2026, 2, 1, 14, 30, tzinfo=BANGKOK),
        )
        response = self.get(item)
        self.assertContains(response, "สำนักทะเบียนอำเภอเทิง")
        self.assertContains(response, "1 ก.พ. 2569 14:30 น.")

    def test_a_link_names_its_agency_and_leads_out(self):
        item = make_item(sub="agencies", kind="link")
        LinkDetail.objects.create(
            item=item, agency="กรมส่งเสริมการปกครองท้องถิ่น", url="https://www.dla.go.th/"
        )
        response = self.get(item)
        self.assertContains(response, "กรมส่งเสริมการปกครองท้องถิ่น")
        self.assertContains(response, 'href="https://www.dla.go.th/"')

    def test_a_manual_shows_steps_and_their_total_and_the_fee(self):
        item = make_item(sub="service-manuals", kind="manual")
        ManualDetail.objects.create(
            item=item, manual_type="citizen", responsible_unit="กองช่าง", fee=Decimal("120")
        )
        for amount, unit in [(45, "minutes"), (1, "hours"), (7, "working_days")]:
            ManualStep.objects.create(
                item=item,
                description_th="ตรวจสอบแบบแปลน",
                responsible_unit="กองช่าง",
                duration_amount=amount,
                duration_unit=unit,
            )
        attach(item, "แบบ ข.1.pdf", title_th="แบบคำขออนุญาต", role="form")
        response = self.get(item)
        self.assertContains(response, "7 วันทำการ 1 ชั่วโมง 45 นาที")
        self.assertContains(response, "120.00 บาท")
        self.assertContains(response, "แบบฟอร์มดาวน์โหลด")

    def test_news_shows_its_kind_and_an_activity_its_gallery(self):
        item = make_item(kind="news", sub="activities")
        NewsDetail.objects.create(item=item, news_kind="activity", location="ริมน้ำอิง")
        add_photo(item, alt_th="จิตอาสาปลูกต้นไม้")
        response = self.get(item)
        self.assertContains(response, "ข่าวกิจกรรม")
        self.assertContains(response, 'alt="จิตอาสาปลูกต้นไม้"')
        self.assertContains(response, "srcset=")

    def test_a_procurement_result_gives_amounts_in_thai_words(self):
        item = make_item(kind="procurement", sub="procurement-results")
        ProcurementDetail.objects.create(
            item=item,
            stage="result",
            method="e_bidding",
            budget=Decimal("495000"),
            announced_on=datetime.date(2026, 1, 10),
            winner="หจก. เทิงรุ่งเรืองก่อสร้าง",
            agreed_price=Decimal("487500.50"),
        )
        response = self.get(item)
        self.assertContains(response, "495,000.00 บาท")
        self.assertContains(response, "สี่แสนเก้าหมื่นห้าพันบาทถ้วน")
        self.assertContains(response, "สี่แสนแปดหมื่นเจ็ดพันห้าร้อยบาทห้าสิบสตางค์")
        self.assertContains(response, "หจก. เทิงรุ่งเรืองก่อสร้าง")

    def test_people_are_shown_with_position_and_phone(self):
        item = make_item(kind="person", sub="executives")
        photo = add_photo(item, alt_th="นายอินโพธิ์ หน่อแหวน")
        Person.objects.create(
            item=item,
            name="นายอินโพธิ์ หน่อแหวน",
            photo=photo,
            position="นายกเทศมนตรีตำบลเชียงเคี่ยน",
            phone="053-795-123",
        )
        response = self.get(item)
        self.assertContains(response, "นายกเทศมนตรีตำบลเชียงเคี่ยน")
        self.assertContains(response, 'href="tel:053795123"')
        self.assertContains(response, photo.thumbnail_url)

    def test_every_kind_has_its_template(self):
        for kind in Item.Kind.values:
            item = make_item(kind=kind, title_th=f"เนื้อหา {kind}")
            self.assertEqual(self.client.get(item.get_absolute_url()).status_code, 200, kind)
