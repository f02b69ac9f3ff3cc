"""When a case is due: the service's manual steps, or the service's default number of days.

Working days skip Saturdays and Sundays. Public holidays are not known to the system; a
municipality that promises working days gets a deadline that is, if anything, a little early.
"""

import datetime

from catalog.durations import Duration


def add_working_days(day: datetime.date, count: int) -> datetime.date:
    while count > 0:
        day += datetime.timedelta(days=1)
        if day.weekday() < 5:
            count -= 1
    return day


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
