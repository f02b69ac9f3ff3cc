"""Social channels, hotlines, share links and link-preview meta come from the profile and item."""

from html.parser import HTMLParser

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.test import override_settings
from django.urls import reverse

from catalog.models import Item, Subcategory
from chiangkhian.demo import make_logo
from tests.base import PersonaTestCase
from tests.catalog.helpers import add_photo, make_item

SITE = "https://www.chiangkhian.example"


class MetaParser(HTMLParser):
    def __init__(self):
        super().__init__()
        self.meta = {}

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "meta" and (attrs.get("property") or attrs.get("name")):
            self.meta[attrs.get("property") or attrs.get("name")] = attrs.get("content")


def meta_of(response):
    parser = MetaParser()
    parser.feed(response.content.decode())
    return parser.meta


@override_settings(SITE_URL=SITE)
class LinkPreviewTests(PersonaTestCase):
    def test_og_image_is_item_photo(self):
        news = make_item("activities", kind=Item.Kind.NEWS, title_th="ปลูกต้นไม้วันแม่")
        news.summary_th = "คณะผู้บริหารร่วมปลูกต้นไม้"
        news.save()
        photo = add_photo(news)
        add_photo(news, "second.jpg")
        meta = meta_of(self.client.get(news.get_absolute_url()))
        self.assertEqual(meta["og:image"], SITE + photo.url(0))
        self.assertEqual(meta["twitter:image"], SITE + photo.url(0))
        self.assertEqual(meta["og:title"], "ปลูกต้นไม้วันแม่")
        self.assertEqual(meta["og:description"], "คณะผู้บริหารร่วมปลูกต้นไม้")
        self.assertEqual(meta["og:url"], SITE + news.get_absolute_url())
        self.assertEqual(meta["og:type"], "article")
        self.assertEqual(meta["twitter:card"], "summary_large_image")

    def test_og_image_falls_back_to_the_logo(self):
        self.municipality.logo.save("logo.png", ContentFile(make_logo()))
        page = make_item("history", kind=Item.Kind.PAGE, title_th="ประวัติ")
        for url in ["/", page.get_absolute_url(), reverse("compliance:ita")]:
            meta = meta_of(self.client.get(url))
            self.assertEqual(meta["og:image"], SITE + reverse("site_logo"), url)
            self.assertEqual(meta["og:site_name"], "เทศบาลตำบลทดสอบ")

    def test_news_has_plain_share_links_for_line_and_facebook(self):
        news = make_item("general-news", kind=Item.Kind.NEWS, title_th="ข่าว")
        html = self.client.get(news.get_absolute_url()).content.decode()
        address = f"{SITE}{news.get_absolute_url()}".replace(":", "%3A").replace("/", "%2F")
        self.assertIn(f"https://social-plugins.line.me/lineit/share?url={address}", html)
        self.assertIn(f"https://www.facebook.com/sharer/sharer.php?u={address}", html)
        self.assertIn("แชร์ทาง LINE", html)
        self.assertNotIn("connect.facebook.net", html)


class SocialChannelTests(PersonaTestCase):
    def setUp(self):
        self.municipality.facebook_url = "https://www.facebook.com/test.municipality"
        self.municipality.line_url = "https://line.me/R/ti/p/@test"
        self.municipality.youtube_url = "https://www.youtube.com/@test"
        self.municipality.tiktok_url = "https://www.tiktok.com/@test"
        self.municipality.save()

    def test_footer_and_contact_page_link_every_channel(self):
        contact = make_item(
            "contact", kind=Item.Kind.PAGE, subcategory=Subcategory.objects.get(code="contact")
        )
        for url in ["/", contact.get_absolute_url()]:
            html = self.client.get(url).content.decode()
            for channel in ["facebook.com/test.municipality", "line.me/R/ti/p/@test", "tiktok"]:
                self.assertIn(channel, html, url)
        html = self.client.get(contact.get_absolute_url()).content.decode()
        self.assertIn('id="contact-channels"', html)
        self.assertEqual(html.count("https://www.youtube.com/@test"), 2)  # footer and page

    def test_other_pages_do_not_repeat_the_contact_block(self):
        page = make_item("history", kind=Item.Kind.PAGE)
        self.assertNotIn(
            'id="contact-channels"', self.client.get(page.get_absolute_url()).content.decode()
        )


class HotlineTests(PersonaTestCase):
    def test_every_page_shows_the_hotlines_as_tel_links(self):
        self.municipality.hotlines = [
            *self.municipality.hotlines,
            {"name_th": "ป้องกันภัยเทศบาล", "name_en": "Municipal rescue", "number": "053-000-199"},
        ]
        self.municipality.save()
        html = self.client.get("/").content.decode()
        for number in ["1669", "199", "191", "1784"]:
            self.assertIn(f'<a href="tel:{number}">{number}</a>', html)
        self.assertIn('ป้องกันภัยเทศบาล <a href="tel:053000199">053-000-199</a>', html)
        self.assertIn("Municipal rescue", self.client.get("/en/").content.decode())

    def test_a_new_profile_starts_with_the_national_numbers(self):
        numbers = [number for _name, number in self.municipality.hotline_list]
        self.assertEqual(numbers, ["1669", "199", "191", "1784"])

    def test_malformed_hotlines_are_refused_in_thai(self):
        self.municipality.hotlines = [{"name_th": "ตำรวจ", "number": "19x"}]
        with self.assertRaises(ValidationError) as refused:
            self.municipality.full_clean()
        self.assertIn("name_th", str(refused.exception.message_dict["hotlines"]))
        self.assertIn("ตัวเลข", str(refused.exception.message_dict["hotlines"]))

    def test_no_hotline_strip_when_the_profile_has_none(self):
        self.municipality.hotlines = []
        self.municipality.save()
        self.assertNotIn('class="hotlines"', self.client.get("/").content.decode())
