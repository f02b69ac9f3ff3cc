import datetime
import re
from zoneinfo import ZoneInfo

from django.test import override_settings
from django.utils import timezone

from catalog.models import Category
from tests.base import PersonaTestCase

BANGKOK = ZoneInfo("Asia/Bangkok")


class HomePageTests(PersonaTestCase):
    def test_it_renders_in_thai_with_a_buddhist_era_date(self):
        day = datetime.datetime(2019, 10, 2, 9, 0, tzinfo=BANGKOK)
        with self.settings(THAI_DIGITS=False), self._frozen(day):
            response = self.client.get("/")
        self.assertContains(response, '<html lang="th">', html=False)
        self.assertContains(response, "เทศบาลตำบลทดสอบ")
        self.assertContains(response, "2 ตุลาคม 2562")

    @override_settings(THAI_DIGITS=True)
    def test_it_writes_thai_digits_when_the_site_uses_them(self):
        with self._frozen(datetime.datetime(2019, 10, 2, 9, 0, tzinfo=BANGKOK)):
            response = self.client.get("/")
        self.assertContains(response, "๒ ตุลาคม ๒๕๖๒")

    def test_english_is_one_switch_away(self):
        response = self.client.get("/en/")
        self.assertContains(response, '<html lang="en">', html=False)
        self.assertContains(response, "Test Subdistrict Municipality")
        self.assertContains(response, "General information")
        self.assertContains(response, '<a href="/" hreflang="th" lang="th">ภาษาไทย</a>', html=True)

    def test_switching_language_keeps_the_page_and_its_query(self):
        response = self.client.get("/general/", {"page": "2"})
        self.assertContains(
            response, '<a href="/en/general/?page=2" hreflang="en" lang="en">English</a>', html=True
        )
        self.assertEqual(response.cookies, {})  # a link: no form, no CSRF cookie

    def test_navigation_lists_the_ten_categories_of_the_announcement(self):
        response = self.client.get("/")
        nav = re.search(r'<nav class="main-nav".*?</nav>', response.content.decode(), re.S)[0]
        for category in Category.objects.all():
            self.assertIn(f'href="/{category.slug}/"', nav)
        self.assertEqual(Category.objects.count(), 10)

    def test_footer_gives_every_contact_channel(self):
        response = self.client.get("/")
        footer = re.search(r"<footer.*</footer>", response.content.decode(), re.S)[0]
        for text in ["99 หมู่ 1 ตำบลทดสอบ", "053-000-111", "053-000-112", "saraban@test.example"]:
            self.assertIn(text, footer)
        self.assertIn("openstreetmap.org/?mlat=19.7", footer)

    def test_page_skeleton_is_accessible(self):
        html = self.client.get("/").content.decode()
        self.assertEqual(html.count("<h1"), 1)
        self.assertIn('href="#content"', html)
        self.assertIn('<main id="content"', html)
        for landmark in ["<header", "<nav", "<footer"]:
            self.assertIn(landmark, html)

    def test_page_makes_no_external_request(self):
        html = self.client.get("/").content.decode()
        sources = re.findall(r'(?:src|href)="(https?://[^"]+)"', html)
        # Only plain links for people to follow (the map) may leave the site; nothing loads.
        self.assertEqual([s for s in sources if "openstreetmap.org" not in s], [])
        self.assertIn("/static/fonts/sarabun-thai-400-normal.woff2", html)

    def test_query_count_does_not_grow_with_categories(self):
        def grow():
            for category in Category.objects.all():
                for n in range(3):
                    category.subcategories.create(slug=f"extra-{n}", name_th="เพิ่ม", name_en="More")

        self.assertConstantQueries("/", grow)

    def _frozen(self, moment):
        from unittest import mock

        return mock.patch.object(timezone, "now", return_value=moment)
