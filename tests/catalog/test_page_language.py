"""Every public page describes itself (meta description), and Thai text shown on an English
page because no English exists says it is Thai (lang="th"), for screen readers and search."""

import re

from django.test import override_settings

from tests.base import PersonaTestCase
from tests.catalog.helpers import make_item


def meta_description(html):
    found = re.search(r'<meta name="description" content="([^"]*)">', html)
    return found[1] if found else None


@override_settings(THAI_DIGITS=False)
class MetaDescriptionTests(PersonaTestCase):
    def setUp(self):
        self.municipality.tagline_th = "น้ำใสไหลเย็น เมืองน่าอยู่"
        self.municipality.save()
        self.item = make_item(title_th="ประกาศรับสมัครงาน", summary_th="รับสมัครพนักงานจ้าง 2 ตำแหน่ง")

    def test_an_item_page_is_described_by_its_summary(self):
        html = self.client.get(self.item.get_absolute_url()).content.decode()
        self.assertEqual(meta_description(html), "รับสมัครพนักงานจ้าง 2 ตำแหน่ง")

    def test_an_item_without_summary_is_described_by_its_title_and_the_municipality(self):
        item = make_item(title_th="ประกาศไม่มีบทคัดย่อ")
        html = self.client.get(item.get_absolute_url()).content.decode()
        self.assertEqual(meta_description(html), "ประกาศไม่มีบทคัดย่อ · น้ำใสไหลเย็น เมืองน่าอยู่")

    def test_every_public_page_has_one(self):
        sub = self.item.subcategory
        urls = ["/", "/en/", sub.category.get_absolute_url(), sub.get_absolute_url()]
        urls += ["/search/?q=งาน", "/ita/", "/statistics/", "/statistics/satisfaction/"]
        for url in urls:
            with self.subTest(url=url):
                description = meta_description(self.client.get(url).content.decode())
                self.assertTrue(description, f"{url} has no meta description")

    def test_the_home_page_is_described_by_the_municipality_motto(self):
        html = self.client.get("/").content.decode()
        self.assertEqual(meta_description(html), "น้ำใสไหลเย็น เมืองน่าอยู่")


class ThaiOnEnglishPagesTests(PersonaTestCase):
    def test_a_title_without_english_is_marked_thai(self):
        item = make_item(title_th="ประกาศภาษาไทยเท่านั้น", summary_th="สรุปภาษาไทย")
        html = self.client.get("/en" + item.get_absolute_url()).content.decode()
        self.assertIn('<h1 id="item-title" lang="th">ประกาศภาษาไทยเท่านั้น</h1>', html)
        self.assertIn('<p class="lead" lang="th">สรุปภาษาไทย</p>', html)

    def test_a_title_with_english_is_not(self):
        item = make_item(title_th="ประกาศ", title_en="Announcement")
        html = self.client.get("/en" + item.get_absolute_url()).content.decode()
        self.assertIn('<h1 id="item-title">Announcement</h1>', html)

    def test_lists_mark_each_thai_title(self):
        thai = make_item(title_th="ข่าวไทยล้วน")
        make_item(title_th="ข่าวสองภาษา", title_en="Bilingual news")
        html = self.client.get("/en" + thai.subcategory.get_absolute_url()).content.decode()
        self.assertIn('lang="th">ข่าวไทยล้วน</a>', html)
        self.assertIn('">Bilingual news</a>', html)

    def test_thai_pages_carry_no_extra_lang(self):
        item = make_item(title_th="ประกาศภาษาไทยเท่านั้น")
        html = self.client.get(item.get_absolute_url()).content.decode()
        self.assertNotIn('lang="th">ประกาศ', html)
