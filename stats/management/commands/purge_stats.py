from django.conf import settings
from django.core.management.base import BaseCommand

from stats import survey


class Command(BaseCommand):
    help = (
        "Delete survey answers and their comments older than STATS_RETENTION_DAYS; the daily "
        "totals stay. Idempotent; run it once a day from cron."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=settings.STATS_RETENTION_DAYS,
            help="Keep this many days instead of STATS_RETENTION_DAYS.",
        )

    def handle(self, *args, days, **options):
        deleted = survey.purge(days=days)
        self.stdout.write(f"Deleted {deleted} survey answers older than {days} days.")
