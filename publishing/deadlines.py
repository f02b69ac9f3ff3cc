"""When a verbal approval must be confirmed in writing (announcement 2.2.1, issue 11).

The approver confirms in writing within VERBAL_APPROVAL_CONFIRM_WORKING_DAYS working days of
the day they gave it. "Working day" is decided by is_working_day() alone: Monday to Friday
here. A calendar that also skips Thai public holidays replaces that one function.
"""

import datetime

from django.conf import settings
from django.utils import timezone


def is_working_day(day: datetime.date) -> bool:
    """Monday to Friday. The one place to swap for a calendar with public holidays."""
    return day.weekday() < 5


def add_working_days(day: datetime.date, days: int) -> datetime.date:
    """The date `days` working days after `day` (a weekend day counts from the next Monday)."""
    while days > 0:
        day += datetime.timedelta(days=1)
        if is_working_day(day):
            days -= 1
    return day


def confirmation_due_on(given_at: datetime.datetime) -> datetime.date:
    """The last day on which a verbal approval given at `given_at` may be confirmed."""
    given_on = timezone.localdate(given_at)
    return add_working_days(given_on, settings.VERBAL_APPROVAL_CONFIRM_WORKING_DAYS)


def overdue_if_given_before(today: datetime.date) -> datetime.datetime:
    """The moment before which a verbal approval is past its deadline on `today`.

    Approvals given on day g are late on `today` when confirmation_due_on(g) < today; that
    rule only grows later with g, so the first g still in time marks the limit.
    """
    days = settings.VERBAL_APPROVAL_CONFIRM_WORKING_DAYS
    first_in_time = today
    while add_working_days(first_in_time - datetime.timedelta(days=1), days) >= today:
        first_in_time -= datetime.timedelta(days=1)
    return datetime.datetime.combine(
        first_in_time, datetime.time.min, tzinfo=timezone.get_current_timezone()
    )
