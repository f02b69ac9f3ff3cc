"""The writes of the satisfaction survey: answer, rate limit, purge."""

import datetime

from django.conf import settings
from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from .models import DailySatisfaction, SurveyResponse

RATE_WINDOW = 3600


class AlreadyAnswered(Exception):
    """This visitor has already answered for this page today."""


def over_rate_limit(*, visitor):
    """Count one attempt by this visitor (the views pass the source); True once they exceed
    the hourly limit."""
    key = f"stats:survey-rate:{visitor}"
    cache.add(key, 0, RATE_WINDOW)
    try:
        attempts = cache.incr(key)
    except ValueError:  # expired between add and incr: a fresh window
        cache.add(key, 1, RATE_WINDOW)
        attempts = 1
    return attempts > settings.STATS_SURVEY_RATE_LIMIT


def answer(*, day: datetime.date, path: str, score: int, comment: str, visitor: str):
    """Record one response and add it to the day's tally; AlreadyAnswered if a repeat."""
    try:
        with transaction.atomic():
            response = SurveyResponse.objects.create(
                date=day, path=path, score=score, comment=comment.strip(), visitor=visitor
            )
            tally, _ = DailySatisfaction.objects.get_or_create(date=day, path=path, score=score)
            DailySatisfaction.objects.filter(pk=tally.pk).update(responses=F("responses") + 1)
    except IntegrityError as error:
        # announcement 1.10: one response per visitor per page per day, by the constraint.
        if SurveyResponse.objects.filter(date=day, path=path, visitor=visitor).exists():
            raise AlreadyAnswered from error
        raise
    return response


def purge(*, today: datetime.date | None = None, days: int | None = None):
    """Delete the responses (and their comments) older than the retention period.

    Kept: the last `days` days, today included, so with 90 a response dated 89 days ago
    stays and one dated 90 days ago goes. The daily tallies are kept. Returns the number
    deleted; running it again deletes nothing more.
    """
    today = today or timezone.localdate()
    days = settings.STATS_RETENTION_DAYS if days is None else days
    cutoff = today - datetime.timedelta(days=days - 1)
    deleted, _ = SurveyResponse.objects.filter(date__lt=cutoff).delete()
    return deleted
