"""Feeds, sitemap.xml, robots.txt and the site map page are built from live() alone."""

import datetime
import xml.etree.ElementTree as ET

from django.test import override_settings
from django.urls import reverse

from catalog.models import Item, Subcategory
from tests.base import PersonaTestCase

from .helpers import NOW, make_item

SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def make_news(title, **fields):
    return make_item("general-news", kind=Item.Kind.NEWS, title_th=title, **fields)


class FeedTests(PersonaTestCase):
    def setUp(self):
        self.live = make_news("ข่าวที่เผยแพร่แล้ว")
        self.draft = make_news("ข่าวฉบับร่าง", status=Item.Status.DRAFT)
        self.scheduled = make_news("ข่าวตั้งเวลา", publish_at=NOW + datetime.timedelta(days=2))
        self.ended = make_news("ข่าวหมดอายุ", expire_at=NOW - datetime.timedelta(hours=1))
        self.withdrawn = make_news("ข่าวถอนแล้ว", status=Item.Status.WITHDRAWN)

    def assert_only_live(self, body):
        self.assertIn("ข่าวที่เผยแพร่แล้ว", body)
        for title in ["ข่าวฉบับร่าง", "ข่าวตั้งเวลา", "ข่าวหมดอายุ", "ข่าวถอนแล้ว"]:
            self.assertNotIn(title, body)

    def test_feed_lists_only_live_items(self):
        for name in ["catalog:feed_news_rss", "catalog:feed_news_atom"]:
            response = self.client.get(reverse(name))
            self.assertEqual(response.status_code, 200)
            self.assert_only_live(response.content.decode())
        rss = self.client.get(reverse("catalog:feed_news_rss"))
        self.assertEqual(rss["Content-Type"], "application/rss+xml; charset=utf-8")
        link = ET.fromstring(rss.content).find("channel/item/link").text
        self.assertTrue(link.endswith(self.live.get_absolute_url()))

    def test_category_feeds_list_that_category_only(self):
        other = make_item("history", kind=Item.Kind.PAGE, title_th="ประวัติเทศบาล")
        news_category = self.live.subcategory.category.slug
        for name in ["catalog:feed_category_rss", "catalog:feed_category_atom"]:
            body = self.client.get(reverse(name, args=[news_category])).content.decode()
            self.assert_only_live(body)
            self.assertNotIn(other.title_th, body)
        self.assertEqual(self.client.get("/feeds/no-such-category/rss/").status_code, 404)

    def test_pages_link_their_feeds(self):
        html = self.client.get(self.live.subcategory.category.get_absolute_url()).content.decode()
        self.assertIn('rel="alternate" type="application/rss+xml"', html)
        self.assertIn(reverse("catalog:feed_news_atom"), html)
        slug = self.live.subcategory.category.slug
        self.assertIn(reverse("catalog:feed_category_rss", args=[slug]), html)

    def test_feed_queries_do_not_grow_with_items(self):
        self.assertConstantQueries(
            reverse("catalog:feed_news_rss"), lambda: [make_news(f"ข่าว {n}") for n in range(5)]
        )


@override_settings(SITE_URL="https://www.chiangkhian.example")
class SitemapTests(PersonaTestCase):
    def locations(self, section):
        response = self.client.get(reverse("sitemap_section", args=[section]))
        self.assertEqual(response.status_code, 200)
        return ET.fromstring(response.content).findall(f"{SM}url")

    def test_sitemap_has_lastmod_and_no_drafts(self):
        live = make_item("history", kind=Item.Kind.PAGE, title_th="ประวัติ")
        draft = make_item("history", kind=Item.Kind.PAGE, status=Item.Status.DRAFT)
        ended = make_item("history", expire_at=NOW - datetime.timedelta(minutes=5))
        urls = {url.find(f"{SM}loc").text: url for url in self.locations("items")}
        base = "https://www.chiangkhian.example"
        self.assertIn(base + live.get_absolute_url(), urls)
        self.assertIn(base + "/en" + live.get_absolute_url(), urls)
        for hidden in [draft, ended]:
            self.assertNotIn(base + hidden.get_absolute_url(), urls)
        lastmod = urls[base + live.get_absolute_url()].find(f"{SM}lastmod").text
        self.assertEqual(lastmod, live.updated_at.date().isoformat())

    def test_sitemap_index_lists_items_listings_and_pages(self):
        response = self.client.get("/sitemap.xml")
        self.assertEqual(response.status_code, 200)
        body = response.content.decode()
        for section in ["items", "listings", "pages"]:
            self.assertIn(f"/sitemap-{section}.xml", body)
        listing = Subcategory.objects.get(slug="history")
        locations = [url.find(f"{SM}loc").text for url in self.locations("listings")]
        self.assertIn("https://www.chiangkhian.example" + listing.get_absolute_url(), locations)

    def test_sitemap_queries_do_not_grow_with_items(self):
        url = reverse("sitemap_section", args=["items"])
        self.assertConstantQueries(url, lambda: [make_item("history") for _ in range(5)])

    def test_robots_txt_points_to_the_sitemap_and_keeps_out_of_the_back_office(self):
        response = self.client.get("/robots.txt")
        self.assertEqual(response["Content-Type"], "text/plain; charset=utf-8")
        lines = response.content.decode().splitlines()
        self.assertIn("Disallow: /admin/", lines)
        self.assertIn("Sitemap: https://www.chiangkhian.example/sitemap.xml", lines)

    def test_site_map_page_lists_every_listing(self):
        response = self.client.get(reverse("site_map"))
        html = response.content.decode()
        for sub in Subcategory.objects.select_related("category"):
            self.assertIn(f'href="{sub.get_absolute_url()}"', html)
        self.assertIn('href="/sitemap.xml"', html)
        self.assertIn("แผนผังเว็บไซต์", html)
        self.assertIn(f'href="{reverse("site_map")}"', self.client.get("/").content.decode())
