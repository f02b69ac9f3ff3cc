"""What the public statistics show: the counter, the series, the satisfaction level."""

import datetime
from dataclasses import dataclass

from django.core.cache import cache
from django.utils import timezone

from .models import DailyPageStats, DailySatisfaction, DailySiteStats, Score
from .pages import describe, localized

COUNTER_SECONDS = 60


def _counter_key(today):
    return f"stats:counter:{today:%Y%m%d}"


def counter(today=None):
    """{today, month, total, views}: visitors today, this month, since the start; cached.

    A visitor counts once a day: the pseudonym changes daily, so the month and the total add
    up the days. At most one query a minute, whatever the data.
    """
    today = today or timezone.localdate()
    values = cache.get(_counter_key(today))
    if values is None:
        values = DailySiteStats.objects.counter(today)
        cache.set(_counter_key(today), values, COUNTER_SECONDS)
    return values


def forget_counter(today):
    cache.delete(_counter_key(today))


def daily(today, days=30):
    """[(date, visitors, views)] for the last `days` days, today included, zeros filled."""
    start = today - datetime.timedelta(days=days - 1)
    rows = DailySiteStats.objects.by_day(start, today)
    dates = [start + datetime.timedelta(days=n) for n in range(days)]
    return [(day, *rows.get(day, (0, 0))) for day in dates]


def month_start(day, back):
    """The first day of the month `back` months before day's (negative: after)."""
    month = day.year * 12 + day.month - 1 - back
    return datetime.date(month // 12, month % 12 + 1, 1)


def monthly(today, months=12):
    """[(first day of month, visitors, views)] for the last `months` months, this one included."""
    starts = [month_start(today, back) for back in reversed(range(months))]
    rows = DailySiteStats.objects.by_month(starts[0], today)
    rows = {as_date(month): values for month, values in rows.items()}
    return [(start, *rows.get(start, (0, 0))) for start in starts]


def as_date(value):
    return value.date() if isinstance(value, datetime.datetime) else value


# The usual reading of a five-level Thai scale: 4.51–5.00 very high, 3.51–4.50 high, ...
LEVELS = [(4.5, Score.VERY_HIGH), (3.5, Score.HIGH), (2.5, Score.MODERATE), (1.5, Score.LOW)]


@dataclass
class Satisfaction:
    counts: dict

    @property
    def responses(self):
        return sum(self.counts.values())

    @property
    def average(self):
        if not self.responses:
            return None
        return sum(score * n for score, n in self.counts.items()) / self.responses

    @property
    def level(self):
        average = self.average
        if average is None:
            return None
        return next((s for floor, s in LEVELS if average > floor), Score.VERY_LOW).label

    @property
    def rows(self):
        """[(score, label, responses, percent)], most satisfied first."""
        total = self.responses or 1
        return [
            (score, label, self.counts.get(score, 0), 100 * self.counts.get(score, 0) / total)
            for score, label in Score.choices
        ]


def satisfaction(start=None, end=None):
    return Satisfaction(DailySatisfaction.objects.distribution(start, end))


def top_pages(start, end, limit=10):
    """The most viewed public pages of the period: [{title, url, views, visitors}].

    Pages no longer public (a withdrawn item, a removed page) are left out. A few queries.
    """
    rows = list(DailyPageStats.objects.by_page(start, end)[: limit * 2])
    titles = describe([row["path"] for row in rows])
    pages = [
        {
            "title": titles[row["path"]],
            "url": localized(row["path"]),
            "views": row["total_views"],
            "visitors": row["total_visitors"],
        }
        for row in rows
        if titles[row["path"]] is not None
    ]
    return pages[:limit]
