from django.core.management.base import BaseCommand

from compliance.models import TrafficLog
from compliance.querysets import retention_days


class Command(BaseCommand):
    help = (
        "Delete traffic-log rows older than TRAFFIC_LOG_RETENTION_DAYS (at least 90 days, "
        "Computer Crime Act s.26). Idempotent; run daily."
    )

    def handle(self, *args, **options):
        deleted = TrafficLog.objects.purge()
        self.stdout.write(f"{deleted} traffic-log rows older than {retention_days()} days deleted.")
