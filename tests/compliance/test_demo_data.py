import io

from django.core.management import call_command
from django.test import TestCase, override_settings
from django.utils import timezone

import compliance.demo
from catalog.models import Item
from chiangkhian.thaidates import fiscal_year
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
