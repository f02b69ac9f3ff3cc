"""A procurement item names its e-GP project number with a plain link to the public e-GP search."""

import datetime
from decimal import Decimal

from django.test import TestCase, override_settings

from catalog.models import Item, ProcurementBid, ProcurementDetail
from tests.base import make_municipality
from tests.catalog.helpers import make_item


@override_settings(EGP_SEARCH_URL="https://egp.example.go.th/search")
class EgpLinkTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        make_municipality()
        cls.item = make_item("procurement-results", kind=Item.Kind.PROCUREMENT, title_th="ผลจ้าง")
        ProcurementDetail.objects.create(
            item=cls.item, stage="result", method="e_bidding", project_number="69109004321",
            budget=Decimal("495000"), announced_on=datetime.date(2026, 11, 2),
            winner="หจก.เทิงรุ่งเรือง", agreed_price=Decimal("487500"), selection_reason="ราคาต่ำสุด",
        )  # fmt: skip
        ProcurementBid.objects.create(item=cls.item, bidder="หจก.เทิงรุ่งเรือง", price=487500)

    def test_item_links_its_project_number_to_the_egp_search(self):
        page = self.client.get(self.item.get_absolute_url())
        self.assertContains(page, "69109004321")
        self.assertContains(page, 'href="https://egp.example.go.th/search"')
        self.assertContains(page, "หจก.เทิงรุ่งเรือง</span>: 487,500.00 บาท")
        self.assertContains(page, "ราคาต่ำสุด")

    def test_without_a_project_number_there_is_no_egp_link(self):
        ProcurementDetail.objects.filter(item=self.item).update(project_number="")
        self.assertNotContains(self.client.get(self.item.get_absolute_url()), "egp.example")
