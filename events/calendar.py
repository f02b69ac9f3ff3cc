"""The events calendar: live items that carry the date of an event.

No table of its own: an event is a news item with a date of the event (NewsDetail.event_on,
optionally event_ends_on and a place) or a council meeting notice (CouncilDetail.meeting_on),
so it reaches the calendar exactly when its item is live and leaves it when the item does.
"""

import calendar
import datetime
from dataclasses import dataclass, field

from django.db.models import Q, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from catalog.models import CouncilDetail, Item

# Sunday first, as Thai wall calendars are printed.
WEEK = calendar.Calendar(firstweekday=calendar.SUNDAY)


def events(now=None):
    """Live items with an event date, annotated event_start, event_end and event_place."""
    return (
        Item.objects.live(now)
        .filter(
            Q(kind=Item.Kind.NEWS, newsdetail__event_on__isnull=False)
            | Q(
                kind=Item.Kind.COUNCIL,
                councildetail__document_type=CouncilDetail.DocumentType.NOTICE,
            )
        )
        .annotate(
            event_start=Coalesce("newsdetail__event_on", "councildetail__meeting_on"),
            event_end=Coalesce(
                "newsdetail__event_ends_on", "newsdetail__event_on", "councildetail__meeting_on"
            ),
            event_place=Coalesce("newsdetail__location", "councildetail__place", Value("")),
        )
        .select_related("subcategory__category", "councildetail")
    )


def upcoming(today=None, now=None):
    """Events not over yet (ending today or later), soonest first."""
    today = today or timezone.localdate()
    return events(now).filter(event_end__gte=today).order_by("event_start", "pk")


def past(today=None, now=None):
    """Events that are over, the latest first."""
    today = today or timezone.localdate()
    return events(now).filter(event_end__lt=today).order_by("-event_start", "-pk")


@dataclass
class Day:
    date: datetime.date
    in_month: bool
    is_today: bool
    events: list = field(default_factory=list)


def month_grid(year, month, *, today=None, now=None):
    """(weeks of Day, the month's events): every event that touches the month, in one query."""
    today = today or timezone.localdate()
    first = datetime.date(year, month, 1)
    last = datetime.date(year, month, calendar.monthrange(year, month)[1])
    found = list(
        events(now)
        .filter(event_start__lte=last, event_end__gte=first)
        .order_by("event_start", "pk")
    )
    weeks = []
    for week in WEEK.monthdatescalendar(year, month):
        days = [Day(date=d, in_month=d.month == month, is_today=d == today) for d in week]
        for day in days:
            day.events = [e for e in found if e.event_start <= day.date <= e.event_end]
        weeks.append(days)
    return weeks, found


def shift_month(year, month, step):
    """The (year, month) `step` months away."""
    index = year * 12 + month - 1 + step
    return index // 12, index % 12 + 1
