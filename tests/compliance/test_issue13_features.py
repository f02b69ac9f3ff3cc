"""The calendar, council and generated procurement reports as named site-feature checks."""

from django.test import TestCase

from catalog.models import CouncilDetail, Item
from compliance import features
from publishing import generated
from tests.base import make_municipality
from tests.catalog.helpers import make_item

LISTINGS = ["general/council-minutes", "public-info/procurement-summary"]


def site_with(*items):
    by_slug = {}
    for item in items:
        slug = f"{item.subcategory.category.slug}/{item.subcategory.slug}"
        by_slug.setdefault(slug, []).append(item)
    return features.SiteState(items_by_slug=by_slug)


class FeatureTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        make_municipality()

    def test_council_is_missing_until_a_council_document_is_live(self):
        self.assertFalse(features.evaluate("council", site_with()).present)
        minutes = make_item("council-minutes", kind=Item.Kind.COUNCIL, title_th="รายงานการประชุม")
        CouncilDetail.objects.create(
            item=minutes, document_type="minutes", session="สมัยสามัญ", meeting_number="1/2569",
            meeting_on="2026-11-01",
        )  # fmt: skip
        finding = features.evaluate("council", site_with(minutes))
        self.assertEqual((finding.present, finding.url), (True, "/council/"))

    def test_a_hand_written_summary_is_not_a_generated_one(self):
        typed = make_item("procurement-summary", title_th="สรุปผล สขร.1", source="กองคลัง")
        self.assertFalse(
            features.evaluate("procurement_reports_from_data", site_with(typed)).present
        )
        made = make_item("procurement-summary", title_th="สรุปผล", source=generated.SOURCE)
        finding = features.evaluate("procurement_reports_from_data", site_with(typed, made))
        self.assertEqual((finding.present, finding.url), (True, made.get_absolute_url()))

    def test_the_calendar_is_a_feature(self):
        self.assertEqual(features.evaluate("events_calendar", site_with()).url, "/events/")
