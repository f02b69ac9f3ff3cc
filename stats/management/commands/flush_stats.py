from django.core.management.base import BaseCommand

from stats import buffer


class Command(BaseCommand):
    help = (
        "Write the page views waiting in the cache into the daily statistics. Idempotent; "
        "run it every minute from cron."
    )

    def handle(self, *args, **options):
        written = buffer.flush()
        self.stdout.write(f"Flushed {written} page views.")
