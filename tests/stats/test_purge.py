"""Retention (PDPA minimisation): answers and comments go after the period, totals stay."""

import datetime
import io

from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone

from stats import survey
from stats.models import DailySatisfaction, SurveyResponse
from tests.base import PersonaTestCase


def answered(days_ago, visitor="a"):
    day = timezone.localdate() - datetime.timedelta(days=days_ago)
    return survey.answer(day=day, path="", score=4, comment="ความเห็น", visitor=visitor)


class PurgeTests(PersonaTestCase):
    def test_answers_older_than_the_period_go_and_the_boundary_day_stays(self):
        kept, boundary, gone = answered(0), answered(89), answered(90)
        self.assertEqual(survey.purge(days=90), 1)
        self.assertEqual(
            set(SurveyResponse.objects.values_list("pk", flat=True)), {kept.pk, boundary.pk}
        )
        self.assertFalse(SurveyResponse.objects.filter(pk=gone.pk).exists())

    def test_the_daily_totals_are_kept_after_the_purge(self):
        answered(120)
        answered(120, visitor="b")
        survey.purge(days=90)
        self.assertFalse(SurveyResponse.objects.exists())
        self.assertEqual(DailySatisfaction.objects.get().responses, 2)

    @override_settings(STATS_RETENTION_DAYS=30)
    def test_the_command_follows_the_setting_and_a_second_run_deletes_nothing(self):
        answered(29)
        answered(31)
        out = io.StringIO()
        call_command("purge_stats", stdout=out)
        call_command("purge_stats", stdout=out)
        self.assertEqual(
            out.getvalue().splitlines(),
            [
                "Deleted 1 survey answers older than 30 days.",
                "Deleted 0 survey answers older than 30 days.",
            ],
        )
        self.assertEqual(SurveyResponse.objects.count(), 1)
