import datetime

from django.core.exceptions import ValidationError
from django.utils import timezone

from catalog.models import Item, Subcategory
from tests.base import PersonaTestCase

NOW = timezone.make_aware(datetime.datetime(2026, 3, 1, 9, 0))
SECOND = datetime.timedelta(seconds=1)


def make_item(**fields):
    values = {
        "subcategory": Subcategory.objects.get(slug="general-news"),
        "kind": Item.Kind.NEWS,
        "title_th": "ประชาสัมพันธ์การชำระภาษีที่ดินและสิ่งปลูกสร้าง",
        "source": "กองคลัง",
        "data_from": datetime.date(2026, 1, 1),
        "publish_at": NOW - datetime.timedelta(days=1),
        "expire_at": NOW + datetime.timedelta(days=30),
        "status": Item.Status.PUBLISHED,
    }
    values.update(fields)
    return Item.objects.create(**values)


class LiveTests(PersonaTestCase):
    def test_a_published_item_inside_its_period_is_live(self):
        item = make_item()
        self.assertEqual(list(Item.objects.live(NOW)), [item])

    def test_the_period_ends_to_the_second(self):
        item = make_item(expire_at=NOW)
        self.assertIn(item, Item.objects.live(NOW - SECOND))
        self.assertNotIn(item, Item.objects.live(NOW))
        self.assertIn(item, Item.objects.expired(NOW))

    def test_an_item_is_not_live_before_its_publication_date(self):
        item = make_item(publish_at=NOW + SECOND)
        self.assertNotIn(item, Item.objects.live(NOW))
        self.assertIn(item, Item.objects.live(NOW + SECOND))

    def test_drafts_withdrawn_and_expired_items_are_never_live(self):
        for status in [Item.Status.DRAFT, Item.Status.WITHDRAWN, Item.Status.EXPIRED]:
            make_item(status=status)
        self.assertFalse(Item.objects.live(NOW).exists())

    def test_an_item_without_an_end_stays_live(self):
        item = make_item(expire_at=None, no_end_reason="กฎหมายที่ใช้บังคับอยู่")
        self.assertIn(item, Item.objects.live(NOW + datetime.timedelta(days=3650)))


class MandatoryMetadataTests(PersonaTestCase):
    def test_missing_metadata_is_named_in_thai(self):
        item = make_item(source="", data_from=None, publish_at=None)
        with self.assertRaises(ValidationError) as raised:
            item.full_clean()
        errors = raised.exception.message_dict
        self.assertIn("แหล่งที่มา", errors["source"][0])
        self.assertIn("ช่วงเวลาของข้อมูล", errors["data_from"][0])
        self.assertIn("วันที่เผยแพร่", errors["publish_at"][0])

    def test_no_end_needs_a_reason(self):
        item = make_item(expire_at=None, review_at=datetime.date(2027, 1, 1))
        with self.assertRaises(ValidationError) as raised:
            item.full_clean()
        self.assertIn("no_end_reason", raised.exception.message_dict)
