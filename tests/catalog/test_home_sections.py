"""The home page: latest news, alerts, procurement, citizen manuals, e-services, executives."""

import datetime
from decimal import Decimal

from catalog.models import LinkDetail, ManualDetail, NewsDetail, Person, ProcurementDetail
from tests.base import PersonaTestCase

from .helpers import add_photo, make_item


def news(title, kind, sub="general-news", **fields):
    item = make_item(kind="news", sub=sub, title_th=title, **fields)
    NewsDetail.objects.create(item=item, news_kind=kind)
    return item


def home_content(n=0, **fields):
    news(f"ข่าวกิจกรรมปลูกป่า {n}", "activity", "activities", **fields)
    news(f"แจ้งเตือนน้ำป่า {n}", "alert", "alerts", **fields)
    item = make_item(kind="procurement", sub="procurement", title_th=f"ประกวดราคาถนน {n}", **fields)
    ProcurementDetail.objects.create(
        item=item,
        stage="announcement",
        method="e_bidding",
        budget=Decimal("2480000"),
        announced_on=datetime.date(2026, 1, 5),
    )
    item = make_item(kind="manual", sub="service-manuals", title_th=f"คู่มือเบี้ยยังชีพ {n}", **fields)
    ManualDetail.objects.create(item=item, manual_type="citizen", responsible_unit="สำนักปลัด")
    item = make_item(kind="link", sub="online-services", title_th=f"ยื่นคำร้องออนไลน์ {n}", **fields)
    LinkDetail.objects.create(
        item=item, agency="เทศบาล", url="https://example.test/", link_type="e_service"
    )
    item = make_item(kind="person", sub="executives", title_th=f"คณะผู้บริหาร {n}", **fields)
    Person.objects.create(
        item=item,
        name=f"นายกเทศมนตรี {n}",
        position="นายก",
        on_home_page=True,
        photo=add_photo(item),
    )


class HomeSectionTests(PersonaTestCase):
    def test_every_section_shows_live_content(self):
        home_content()
        response = self.client.get("/")
        for text in [
            "ข่าวกิจกรรมปลูกป่า 0",
            "แจ้งเตือนน้ำป่า 0",
            "ประกวดราคาถนน 0",
            "งบประมาณ 2,480,000.00 บาท",
            "คู่มือเบี้ยยังชีพ 0",
            "ยื่นคำร้องออนไลน์ 0",
            "นายกเทศมนตรี 0",
        ]:
            self.assertContains(response, text)

    def test_drafts_and_expired_content_stay_off_the_home_page(self):
        home_content(1, status="draft")
        home_content(2, status="expired")
        html = self.client.get("/").content.decode()
        for n in [1, 2]:
            for text in [
                "ข่าวกิจกรรมปลูกป่า",
                "แจ้งเตือนน้ำป่า",
                "ประกวดราคาถนน",
                "คู่มือเบี้ยยังชีพ",
                "ยื่นคำร้องออนไลน์",
                "นายกเทศมนตรี",
            ]:
                self.assertNotIn(f"{text} {n}", html)

    def test_queries_do_not_grow_with_content(self):
        home_content(0)
        self.assertConstantQueries("/", lambda: [home_content(n) for n in range(1, 4)])
