"""Search finds the site's own pages (the ITA page, the site map) beside the items."""

from django.urls import reverse

from catalog.models import Item, Subcategory
from tests.base import PersonaTestCase

from .helpers import make_item


class SearchPagesTests(PersonaTestCase):
    def search(self, query, prefix=""):
        return self.client.get(prefix + reverse("catalog:search"), {"q": query}).content.decode()

    def test_assessment_word_finds_the_ita_pages_and_assessment_items(self):
        risk = make_item(
            "risk-assessment",
            subcategory=Subcategory.objects.get(slug="risk-assessment"),
            title_th="การประเมินความเสี่ยงการทุจริต ประจำปี 2569",
        )
        html = self.search("ประเมิน")
        self.assertIn(f'href="{reverse("compliance:ita")}"', html)
        self.assertIn(f'href="{reverse("compliance:ita_evidence")}"', html)
        self.assertIn(risk.get_absolute_url(), html)
        # Above the items.
        self.assertLess(html.index(reverse("compliance:ita")), html.index(risk.get_absolute_url()))

    def test_english_words_find_the_ita_page_on_the_english_site(self):
        html = self.search("integrity assessment", prefix="/en")
        self.assertIn('href="/en/ita/"', html)
        self.assertIn("Open data for the <mark>Integrity</mark>", html)

    def test_every_word_must_match_a_page(self):
        self.assertNotIn('class="item-list search-pages"', self.search("ประเมิน ฟุตบอล"))
        self.assertIn(f'href="{reverse("site_map")}"', self.search("แผนผัง"))

    def test_policy_pages_are_indexed_when_published(self):
        item = make_item(
            "privacy-policy",
            kind=Item.Kind.PAGE,
            subcategory=Subcategory.objects.get(code=Subcategory.Code.PRIVACY_POLICY),
            title_th="นโยบายคุ้มครองข้อมูลส่วนบุคคล",
        )
        self.assertIn(item.get_absolute_url(), self.search("คุ้มครองข้อมูล"))
