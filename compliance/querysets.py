import datetime

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import models, transaction
from django.utils import timezone

# Computer Crime Act B.E. 2550 (amended 2560) s.26: traffic data is kept at least 90 days.
LEGAL_MINIMUM_DAYS = 90
# The PostgreSQL trigger lets a DELETE through only while this transaction-local setting is on.
PURGE_SETTING = "chiangkhian.traffic_log_purge"


def retention_days():
    """The configured retention, refused below the legal minimum even if set in a test."""
    days = settings.TRAFFIC_LOG_RETENTION_DAYS
    if days < LEGAL_MINIMUM_DAYS:
        raise ImproperlyConfigured(
            f"TRAFFIC_LOG_RETENTION_DAYS is {days}; the Computer Crime Act requires at least "
            f"{LEGAL_MINIMUM_DAYS} days."
        )
    return days


class TrafficLogQuerySet(models.QuerySet):
    def update(self, **kwargs):
        from .models import TrafficLogIsAppendOnly

        raise TrafficLogIsAppendOnly

    def delete(self):
        from .models import TrafficLogIsAppendOnly

        raise TrafficLogIsAppendOnly

    def append(self, rows):
        """Add rows to the end of the hash chain, in one INSERT (the traffic-log middleware)."""
        from . import chain

        with chain.appending(self.db):
            chain.link(rows)
            return models.QuerySet.bulk_create(self, rows)

    def past_retention(self, now=None):
        """Rows older than the retention period; a row exactly at the limit is still kept."""
        now = now or timezone.now()
        return self.filter(at__lt=now - datetime.timedelta(days=retention_days()))

    def purge(self, now=None):
        """Delete the rows past retention (idempotent); returns how many went."""
        with transaction.atomic(using=self.db):
            connection = transaction.get_connection(self.db)
            if connection.vendor == "postgresql":
                with connection.cursor() as cursor:
                    cursor.execute("SELECT set_config(%s, 'on', true)", [PURGE_SETTING])
            deleted, _ = models.QuerySet.delete(self.past_retention(now))
        return deleted


class LinkCheckQuerySet(models.QuerySet):
    def broken(self):
        """Links that failed their last check and are still used by live content."""
        return self.filter(ok=False, items__isnull=False).distinct()
