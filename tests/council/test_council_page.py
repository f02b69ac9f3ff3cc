"""The council page: serving members in order with portraits, and its published documents."""

import datetime

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import TestCase
from django.utils import timezone

from catalog.models import CouncilDetail, Item
from chiangkhian.models import Municipality
from council.models import CouncilMember
from tests.base import QueryCountMixin, make_municipality
from tests.catalog.helpers import image_bytes, make_item

TODAY = timezone.localdate()
TERM = TODAY - datetime.timedelta(days=400)


def make_member(name, role="member", order=10, **fields):
    return CouncilMember.objects.create(
        name_th=name, role=role, order=order, term_start=TERM, **fields
    )


def make_council_item(title, document_type, sub="council-minutes", **fields):
    item = make_item(sub, kind=Item.Kind.COUNCIL, title_th=title, **fields)
    CouncilDetail.objects.create(
        item=item,
        document_type=document_type,
        session="สมัยสามัญ สมัยที่ 3 ประจำปี 2569",
        meeting_number="ครั้งที่ 2/2569",
        meeting_on=TODAY - datetime.timedelta(days=10),
    )
    return item


class CouncilPageTests(QueryCountMixin, TestCase):
    @classmethod
    def setUpTestData(cls):
        make_municipality()
        make_member("นายสมาชิก ทั่วไป", order=5)
        make_member("นายประธาน สภาดี", role="president", order=1)
        make_member("นางอดีต สมาชิก", term_end=TODAY - datetime.timedelta(days=1), order=2)
        make_council_item("รายงานการประชุมสภา ครั้งที่ 2/2569", "minutes")
        make_council_item("มติสภา เรื่อง ร่างเทศบัญญัติงบประมาณ", "resolution", sub="resolutions")
        make_council_item("มติที่ยังไม่เผยแพร่", "resolution", status=Item.Status.DRAFT)

    def test_council_is_named_for_the_type_of_local_government(self):
        page = self.client.get("/council/").content.decode()
        self.assertIn("<h1>สภาเทศบาลตำบลทดสอบ</h1>", page)
        # Saved as the profile's admin page saves it (the cached frame follows every save).
        profile = Municipality.objects.get()
        profile.kind, profile.name_th = Municipality.Kind.SAO, "องค์การบริหารส่วนตำบลทดสอบ"
        profile.save()
        page = self.client.get("/council/").content.decode()
        self.assertIn("<h1>สภาองค์การบริหารส่วนตำบลทดสอบ</h1>", page)

    def test_serving_members_in_order_and_only_live_documents(self):
        page = self.client.get("/council/").content.decode()
        self.assertLess(page.index("นายประธาน สภาดี"), page.index("นายสมาชิก ทั่วไป"))
        self.assertIn("ประธานสภา", page)
        self.assertNotIn("นางอดีต สมาชิก", page)
        self.assertIn("รายงานการประชุมสภา ครั้งที่ 2/2569", page)
        self.assertIn("มติสภา เรื่อง ร่างเทศบัญญัติงบประมาณ", page)
        self.assertNotIn("มติที่ยังไม่เผยแพร่", page)

    def test_portrait_is_redrawn_and_served(self):
        member = make_member("นางสาวภาพ ถ่าย")
        member.photo = SimpleUploadedFile("face.jpg", image_bytes((300, 400)))
        member.full_clean()
        member.save()
        response = self.client.get(member.photo_url)
        self.assertEqual(response["Content-Type"], "image/png")
        self.assertTrue(b"".join(response.streaming_content).startswith(b"\x89PNG"))
        self.assertIn(member.photo_url, self.client.get("/council/").content.decode())

    def test_query_count_does_not_grow_with_members_and_documents(self):
        def grow():
            for n in range(4):
                make_member(f"นายสมาชิกใหม่ {n}")
                make_council_item(f"รายงานการประชุม {n}", "minutes")

        self.assertConstantQueries("/council/", grow)

    def test_a_term_cannot_end_before_it_starts(self):
        member = CouncilMember(name_th="นายผิด วันที่", role="member", term_start=TODAY, term_end=TERM)
        with self.assertRaisesMessage(Exception, "term"):
            member.full_clean()
