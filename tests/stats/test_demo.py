import io

from django.core.management import call_command
from django.test import override_settings

from stats.models import DailyPageStats, DailySatisfaction, DailySiteStats, SurveyResponse
from tests.base import PersonaTestCase

MODELS = [DailySiteStats, DailyPageStats, DailySatisfaction, SurveyResponse]


@override_settings(DEBUG=True)
class DemoStatisticsTests(PersonaTestCase):
    def test_a_year_of_statistics_loads_twice_without_duplicates(self):
        call_command("load_demo", stdout=io.StringIO())
        counts = [model.objects.count() for model in MODELS]
        totals = sorted(DailySiteStats.objects.values_list("date", "visitors"))
        call_command("load_demo", stdout=io.StringIO())
        self.assertEqual([model.objects.count() for model in MODELS], counts)
        self.assertEqual(sorted(DailySiteStats.objects.values_list("date", "visitors")), totals)
        self.assertGreaterEqual(counts[0], 365)

    def test_the_statistics_page_looks_alive_with_thai_comments(self):
        call_command("load_demo", stdout=io.StringIO())
        response = self.client.get("/statistics/")
        self.assertNotContains(response, 'class="empty"')
        comments = SurveyResponse.objects.exclude(comment="").values_list("comment", flat=True)
        self.assertTrue(any("ภาษี" in comment for comment in comments))
