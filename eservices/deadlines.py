"""When a case is due: the service's manual steps, or the service's default number of days.

Working days skip Saturdays, Sundays and the public holidays in the back office
(chiangkhian.workdays).
"""

import datetime

from catalog.durations import Duration
from chiangkhian.workdays import add_working_days


def due_date(start: datetime.date, parts) -> datetime.date:
    """The day a case received on `start` is due, for durations [Duration, ...]."""
    due = start
    minutes = 0
    for part in parts:
        if part.unit == Duration.Unit.DAYS:
            due += datetime.timedelta(days=part.amount)
        elif part.unit == Duration.Unit.WORKING_DAYS:
            due = add_working_days(due, part.amount)
        elif part.unit == Duration.Unit.HOURS:
            minutes += part.amount * 60
        else:
            minutes += part.amount
    if minutes:
        # Hours and minutes of office work: a working day per started 7 hours (08:30–16:30).
        due = add_working_days(due, -(-minutes // (7 * 60)))
    return due
