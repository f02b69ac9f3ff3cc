"""Item.apply_revision: a published revision replaces the live item's content in place."""

import datetime

from catalog.models import Item, LawDetail, NewsDetail, Person
from tests.base import PersonaTestCase

from .helpers import add_photo, attach, make_item, pdf_bytes


class ApplyRevisionTests(PersonaTestCase):
    def setUp(self):
        self.live = make_item(sub="acts", kind="law", title_th="ระเบียบฉบับเดิม", source="เดิม")
        LawDetail.objects.create(
            item=self.live,
            issuer="ผู้ออกเดิม",
            enacted_on=datetime.date(2020, 1, 1),
            reference_note="ประกาศเดิม",
        )
        attach(self.live, "old.pdf")
        self.url = self.live.get_absolute_url()
        self.revision = make_item(
            sub="acts",
            kind="law",
            title_th="ระเบียบฉบับแก้ไข",
            source="ใหม่",
            status="draft",
            revision_of=self.live,
            body_th="<p>ข้อความแก้ไข</p>",
        )
        LawDetail.objects.create(
            item=self.revision,
            issuer="ผู้ออกใหม่",
            enacted_on=datetime.date(2026, 1, 1),
            reference_url="https://ratchakitcha.soc.go.th/",
        )
        self.new_file = attach(self.revision, "new.pdf", pdf_bytes(5), title_th="ฉบับแก้ไข")

    def test_content_metadata_and_detail_are_copied_keeping_the_url(self):
        self.live.apply_revision(self.revision)
        live = Item.objects.get(pk=self.live.pk)
        self.assertEqual(
            (live.title_th, live.source, live.body_th),
            ("ระเบียบฉบับแก้ไข", "ใหม่", "<p>ข้อความแก้ไข</p>"),
        )
        self.assertEqual(live.status, "published")
        self.assertEqual(live.get_absolute_url(), self.url)
        self.assertEqual(live.lawdetail.issuer, "ผู้ออกใหม่")
        self.assertEqual(self.live.detail.issuer, "ผู้ออกใหม่", "the in-memory item is refreshed")
        self.assertEqual(LawDetail.objects.get(item=self.revision).issuer, "ผู้ออกใหม่")

    def test_a_replaced_file_is_kept_off_the_site_not_deleted(self):
        old = self.live.attachments.get()
        self.live.apply_revision(self.revision)
        files = list(self.live.attachments.all())
        self.assertEqual([f.original_name for f in files], ["new.pdf"])
        self.assertEqual(files[0].page_count, 5)
        self.assertEqual(self.client.get(files[0].get_absolute_url()).status_code, 200)
        old.refresh_from_db()
        self.assertEqual(old.item, self.revision, "the old file stays, with the merged revision")
        self.assertEqual(self.client.get(old.get_absolute_url()).status_code, 404)

    def test_an_unchanged_file_keeps_its_address(self):
        form = pdf_bytes(3)
        kept = attach(self.live, "form.pdf", form, title_th="แบบฟอร์มเดิม")
        attach(self.revision, "form.pdf", form, title_th="แบบฟอร์ม (ปรับชื่อ)")
        self.live.apply_revision(self.revision)
        kept.refresh_from_db()
        self.assertEqual(kept.item, self.live)
        self.assertEqual(kept.title_th, "แบบฟอร์ม (ปรับชื่อ)")
        self.assertEqual(self.client.get(kept.get_absolute_url()).status_code, 200)

    def test_people_keep_their_portraits(self):
        for item in [self.live, self.revision]:
            item.kind = "person"
            item.save()
        photo = add_photo(self.revision, alt_th="นายกเทศมนตรี")
        Person.objects.create(
            item=self.revision, name="นายอินโพธิ์ หน่อแหวน", position="นายก", photo=photo
        )
        self.live.apply_revision(self.revision)
        person = self.live.people.get()
        self.assertEqual(person.photo.item, self.live)
        self.assertEqual(person.photo.image.name, photo.image.name)

    def test_a_changed_kind_brings_its_own_detail(self):
        self.revision.kind = "news"
        self.revision.save()
        NewsDetail.objects.create(item=self.revision, news_kind="alert")
        self.live.apply_revision(self.revision)
        self.assertFalse(LawDetail.objects.filter(item=self.live).exists())
        self.assertEqual(self.live.detail.news_kind, "alert")

    def test_only_a_revision_of_this_item_applies(self):
        other = make_item(status="draft")
        with self.assertRaises(ValueError):
            self.live.apply_revision(other)
        with self.assertRaises(ValueError):
            self.live.apply_revision(self.live)

    def test_history_records_the_change(self):
        before = self.live.history.count()
        self.live.apply_revision(self.revision)
        self.assertEqual(self.live.history.count(), before + 1)
        self.assertEqual(self.live.history.first().title_th, "ระเบียบฉบับแก้ไข")
