from django.db import models
from django.utils import timezone


class ItemQuerySet(models.QuerySet):
    def live(self, now=None):
        """What citizens see: published, its publication date reached, its period not ended."""
        now = now or timezone.now()
        return self.filter(
            status=self.model.Status.PUBLISHED,
            publish_at__lte=now,
        ).filter(models.Q(expire_at__isnull=True) | models.Q(expire_at__gt=now))

    def expired(self, now=None):
        """Still marked published but past the end of their period: to be taken down formally."""
        now = now or timezone.now()
        return self.filter(status=self.model.Status.PUBLISHED, expire_at__lte=now)

    def due_for_review(self, now=None, within=None):
        """Live items whose end or review date falls within `within` (a timedelta) from now."""
        now = now or timezone.now()
        horizon = now + within if within is not None else now
        return self.live(now).filter(
            models.Q(expire_at__lte=horizon) | models.Q(review_at__lte=horizon.date())
        )
