import datetime
import io

from django.core.management import call_command
from django.test import TestCase, override_settings
from django.utils import timezone
from pypdf import PdfReader

import compliance.demo
from catalog.models import Attachment, Item
from chiangkhian.thaidates import fiscal_year, fiscal_year_bounds
from compliance import checklist
from compliance.digest import due_items
from compliance.models import LinkCheck, TrafficLog
from compliance.status import Status, build_report


@override_settings(DEBUG=True)
class DemoDataTests(TestCase):
    def load(self):
        call_command("load_demo", stdout=io.StringIO())

    def test_loading_twice_duplicates_nothing(self):
        self.load()
        counts = (Item.objects.count(), LinkCheck.objects.count(), TrafficLog.objects.count())
        self.load()
        self.assertEqual(
            (Item.objects.count(), LinkCheck.objects.count(), TrafficLog.objects.count()), counts
        )

    def test_it_gives_the_webmasters_real_work(self):
        self.load()
        year = fiscal_year(timezone.localdate())
        report = build_report(checklist.current_checklists(year))
        for status in Status.values:
            self.assertGreater(report.count(status), 0, status)
        ending, review = due_items()
        self.assertTrue(ending)
        self.assertTrue(review)
        self.assertEqual(LinkCheck.objects.broken().count(), 1)

    def test_every_monitoring_demo_item_is_live_and_complete(self):
        self.load()
        items = compliance.demo.load()
        for item in items.values():
            item.full_clean()
            self.assertEqual(item.completeness_errors(), [], item.title_th)
        self.assertEqual(
            Item.objects.live().filter(pk__in=[i.pk for i in items.values()]).count(), len(items)
        )


@override_settings(DEBUG=True)
class BelievableDemoTests(TestCase):
    """The demo is a municipality a buyer would believe (issue 9, part 6)."""

    @classmethod
    def setUpTestData(cls):
        call_command("load_demo", stdout=io.StringIO())

    def test_the_demo_has_no_duplicate_titles(self):
        titles = list(Item.objects.filter(revision_of=None).values_list("title_th", flat=True))
        self.assertEqual(sorted(t for t in set(titles) if titles.count(t) > 1), [])

    def test_at_least_22_ita_indicators_have_current_evidence(self):
        year = fiscal_year(timezone.localdate())
        report = build_report([checklist.ita_checklist(year)])
        current = [s.entry.short_code for s in report.statuses if s.status == Status.SATISFIED]
        self.assertGreaterEqual(len(current), 22, current)

    def test_the_current_fiscal_year_has_its_plan_budget_and_reports(self):
        year = fiscal_year(timezone.localdate())
        start, end = fiscal_year_bounds(year)
        live = Item.objects.live()
        for sub in ["action-plan", "budget", "procurement-plan"]:
            self.assertTrue(live.filter(subcategory__slug=sub, data_to=end).exists(), sub)
        self.assertTrue(
            live.filter(subcategory__slug="procurement-summary", data_from__gte=start).exists()
        )

    def test_the_contact_page_shows_the_social_channels(self):
        item = Item.objects.live().get(subcategory__slug="contact")
        response = self.client.get(item.get_absolute_url())
        self.assertContains(response, 'href="https://www.facebook.com/tessaban.chiangkhian"')
        self.assertContains(response, "ช่องทางสื่อสังคมออนไลน์")


@override_settings(DEBUG=True)
class DemoDocumentTests(TestCase):
    """The demo's PDFs (loaded inside each test: the test's media folder holds them)."""

    def test_the_announcement_carries_its_real_text_dated_2_october_2562(self):
        call_command("load_demo", stdout=io.StringIO())  # in the test: its files are its own
        item = Item.objects.get(subcategory__slug="regulations", title_th__contains="มาตรการเผยแพร่")
        self.assertEqual(item.document_date, datetime.date(2019, 10, 2))
        self.assertIn("๓.๕ ให้เทศบาลตำบลเชียงเคี่ยนส่งเสริมการเพิ่มพูนความรู้", item.body_th)
        self.assertIn("ประกาศ ณ วันที่ ๒ เดือนตุลาคม พ.ศ. ๒๕๖๒", item.body_th)
        pdf = item.attachments.get()
        self.assertGreaterEqual(pdf.page_count, 3)
        text = "".join(page.extract_text() for page in PdfReader(pdf.file.open("rb")).pages)
        self.assertIn("มาตรการเผยแพร่ข้อมูล", text)

    def test_every_document_is_its_own_pdf_titled_as_its_item(self):
        call_command("load_demo", stdout=io.StringIO())
        files = Attachment.objects.filter(role="document", item__revision_of=None)
        hashes = list(files.values_list("sha256", flat=True))
        self.assertEqual(len(hashes), len(set(hashes)))
        # The generated procurement summary also carries its Excel file (publishing.generated).
        for attachment in files.filter(extension="pdf").select_related("item"):
            title = PdfReader(attachment.file.open("rb")).metadata.title
            self.assertEqual(title, attachment.title_th, attachment.item.title_th)
