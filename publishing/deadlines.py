"""When a verbal approval must be confirmed in writing (announcement 2.2.1, issue 11).

The approver confirms in writing within VERBAL_APPROVAL_CONFIRM_WORKING_DAYS working days of
the day they gave it. Working days are the government's (chiangkhian.workdays): Monday to
Friday, except the public holidays kept in the back office.
"""

import datetime

from django.conf import settings
from django.utils import timezone

from chiangkhian.workdays import add_working_days, holidays_between, is_working_day


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
    one = datetime.timedelta(days=1)
    # One read of the holidays for the whole walk back (a deadline spans at most a few weeks).
    holidays = holidays_between(today - datetime.timedelta(days=3 * days + 30), today)

    def due_on(given_on):
        day, left = given_on, days
        while left:
            day += one
            if is_working_day(day, holidays):
                left -= 1
        return day

    first_in_time = today
    while due_on(first_in_time - one) >= today:
        first_in_time -= one
    return datetime.datetime.combine(
        first_in_time, datetime.time.min, tzinfo=timezone.get_current_timezone()
    )
