"""The policy pages (GWS 3.0; PDPA) are items, linked from every page's footer while live."""

import datetime

from django.urls import reverse

from catalog.models import Item, Subcategory
from tests.base import PersonaTestCase

from .helpers import NOW, make_item

POLICY_TITLES = {
    Subcategory.Code.PRIVACY_POLICY: "นโยบายคุ้มครองข้อมูลส่วนบุคคล ฉบับทดสอบ",
    Subcategory.Code.COOKIE_POLICY: "นโยบายคุกกี้ ฉบับทดสอบ",
    Subcategory.Code.WEBSITE_POLICY: "นโยบายเว็บไซต์ ฉบับทดสอบ",
    Subcategory.Code.SECURITY_POLICY: "นโยบายการรักษาความมั่นคงปลอดภัยเว็บไซต์ ฉบับทดสอบ",
    Subcategory.Code.ACCESSIBILITY: "ประกาศการเข้าถึงเว็บไซต์ ฉบับทดสอบ",
}


def publish_policy(code, **fields):
    sub = Subcategory.objects.get(code=code)
    fields.setdefault("title_th", POLICY_TITLES[code])
    return make_item(sub.slug, kind=Item.Kind.PAGE, subcategory=sub, **fields)


class PolicyFooterTests(PersonaTestCase):
    def footer(self, url="/"):
        html = self.client.get(url).content.decode()
        return html[html.index('<footer class="site-footer">') :]

    def test_footer_links_every_policy_page(self):
        items = [publish_policy(code) for code in Subcategory.POLICY_CODES]
        for url in ["/", reverse("catalog:search") + "?q=ภาษี", reverse("compliance:ita")]:
            footer = self.footer(url)
            for item in items:
                self.assertIn(f'href="{item.get_absolute_url()}"', footer, url)
        # In the standard's order, named by their listing.
        positions = [footer.index(item.get_absolute_url()) for item in items]
        self.assertEqual(positions, sorted(positions))
        self.assertIn("นโยบายคุ้มครองข้อมูลส่วนบุคคล", footer)

    def test_only_live_policies_are_linked(self):
        live = publish_policy(Subcategory.Code.PRIVACY_POLICY)
        draft = publish_policy(Subcategory.Code.COOKIE_POLICY, status=Item.Status.DRAFT)
        ended = publish_policy(
            Subcategory.Code.ACCESSIBILITY, expire_at=NOW - datetime.timedelta(minutes=1)
        )
        footer = self.footer()
        self.assertIn(live.get_absolute_url(), footer)
        self.assertNotIn(draft.get_absolute_url(), footer)
        self.assertNotIn(ended.get_absolute_url(), footer)

    def test_no_policy_heading_without_live_policies(self):
        self.assertNotIn('id="footer-policies"', self.footer())

    def test_renamed_listing_keeps_its_footer_link(self):
        sub = Subcategory.objects.get(code=Subcategory.Code.PRIVACY_POLICY)
        sub.slug = "pdpa"
        sub.save()
        item = publish_policy(Subcategory.Code.PRIVACY_POLICY)
        self.assertIn('href="/general/pdpa/', self.footer())
        self.assertEqual(self.client.get(item.get_absolute_url()).status_code, 200)

    def test_newest_policy_of_a_kind_is_the_one_linked(self):
        old = publish_policy(
            Subcategory.Code.PRIVACY_POLICY, publish_at=NOW - datetime.timedelta(days=300)
        )
        new = publish_policy(Subcategory.Code.PRIVACY_POLICY, title_th="ฉบับปรับปรุง")
        footer = self.footer()
        self.assertIn(new.get_absolute_url(), footer)
        self.assertNotIn(old.get_absolute_url(), footer)

    def test_footer_costs_one_query_whatever_the_number_of_policies(self):
        publish_policy(Subcategory.Code.PRIVACY_POLICY)
        self.assertConstantQueries(
            "/", lambda: [publish_policy(code) for code in Subcategory.POLICY_CODES]
        )

    def test_policy_pages_are_found_by_search(self):
        item = publish_policy(
            Subcategory.Code.COOKIE_POLICY, body_th="<p>เว็บไซต์นี้ไม่ตั้งคุกกี้ติดตามผู้เข้าชม</p>"
        )
        html = self.client.get(reverse("catalog:search"), {"q": "คุกกี้ติดตาม"}).content.decode()
        self.assertIn(item.get_absolute_url(), html)


class NoCookieTests(PersonaTestCase):
    def test_public_pages_set_no_cookie_at_all(self):
        item = publish_policy(Subcategory.Code.PRIVACY_POLICY)
        news = make_item("general-news", kind=Item.Kind.NEWS, title_th="ข่าวทดสอบ")
        urls = [
            "/",
            "/en/",
            item.get_absolute_url(),
            news.get_absolute_url(),
            item.subcategory.get_absolute_url(),
            item.subcategory.category.get_absolute_url(),
            reverse("catalog:search") + "?q=นโยบาย",
            reverse("site_map"),
            reverse("catalog:feed_news_rss"),
            reverse("catalog:feed_category_atom", args=["general"]),
            reverse("sitemap"),
            reverse("sitemap_section", args=["items"]),
            reverse("robots_txt"),
            reverse("compliance:ita"),
        ]
        for url in urls:
            with self.subTest(url=url):
                response = self.client.get(url)
                self.assertEqual(response.status_code, 200)
                self.assertEqual(response.cookies, {})
        self.assertEqual(self.client.cookies, {})
        # So no cookie notice either: nothing non-essential is ever set.
        self.assertNotIn("cookie-notice", self.client.get("/").content.decode())
