"""The demo fills every subcategory with live content, files included, and loads twice safely."""

from django.core.management import call_command
from django.test import TestCase, override_settings

from catalog.models import Attachment, Item, Person, Photo, Subcategory
from publishing.generated import SOURCE
from tests.chiangkhian.test_demo_data import _Sink


@override_settings(DEBUG=True)
class DemoContentTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        call_command("load_demo", stdout=_Sink())

    def counts(self):
        return [m.objects.count() for m in [Item, Attachment, Photo, Person]]

    def test_every_subcategory_has_live_content(self):
        empty = Subcategory.objects.exclude(items__in=Item.objects.live()).values_list(
            "slug", flat=True
        )
        self.assertEqual(list(empty), [])

    def test_every_item_is_complete(self):
        for item in Item.objects.live():
            self.assertEqual(item.completeness_errors(), [], item.title_th)

    def test_the_boundary_of_live_is_visible(self):
        self.assertTrue(Item.objects.filter(status="draft").exists())
        self.assertTrue(Item.objects.filter(status="withdrawn").exists())
        self.assertTrue(Item.objects.expired().exists())
        self.assertTrue(Item.objects.filter(status="expired").exists())

    def test_the_mayor_is_on_the_home_page(self):
        response = self.client.get("/")
        self.assertContains(response, "นายอินโพธิ์ หน่อแหวน")
        self.assertContains(response, "นายกเทศมนตรีตำบลเชียงเคี่ยน")

    def test_documents_are_real_pdfs_some_with_many_pages(self):
        self.assertTrue(
            Attachment.objects.filter(mime_type="application/pdf", page_count__gte=10).exists()
        )
        # Besides PDFs, only the Excel file of the procurement summary made from the records.
        others = Attachment.objects.exclude(mime_type="application/pdf")
        self.assertEqual({(a.extension, a.item.source) for a in others}, {("xlsx", SOURCE)})

    def test_loading_again_duplicates_nothing(self):
        before = self.counts()
        call_command("load_demo", stdout=_Sink())
        self.assertEqual(self.counts(), before)
