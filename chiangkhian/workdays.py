"""Working days (วันทำการ) of the government offices: Monday to Friday, except public holidays.

Every deadline counted in working days uses these (e-service cases, and any other workflow
with a promise in working days). The holidays are rows of chiangkhian.PublicHoliday, read
once per call for the stretch of the calendar the count can reach.
"""

import datetime

from .models import PublicHoliday

# Thai holidays come at most five in a row (Songkran with its substitute days): a stretch of
# twice the count plus a fortnight always holds the answer; past it, the next stretch is read.
_MARGIN = datetime.timedelta(days=14)


def holidays_between(first: datetime.date, last: datetime.date) -> set[datetime.date]:
    """The public holidays from `first` to `last`, both included."""
    return set(
        PublicHoliday.objects.filter(date__range=(first, last)).values_list("date", flat=True)
    )


def is_working_day(day: datetime.date, holidays=None) -> bool:
    if day.weekday() >= 5:
        return False
    if holidays is None:
        holidays = holidays_between(day, day)
    return day not in holidays


def add_working_days(day: datetime.date, count: int) -> datetime.date:
    """The day `count` working days after `day` (`day` itself does not count)."""
    if count < 0:
        raise ValueError("count must not be negative")
    one = datetime.timedelta(days=1)
    while count:
        last = day + datetime.timedelta(days=2 * count) + _MARGIN
        holidays = holidays_between(day + one, last)
        while count and day < last:
            day += one
            if is_working_day(day, holidays):
                count -= 1
    return day


def working_days_between(start: datetime.date, end: datetime.date) -> int:
    """How many working days come after `start` up to and including `end` (0 if none)."""
    if end <= start:
        return 0
    holidays = holidays_between(start, end)
    days = (start + datetime.timedelta(days=n) for n in range(1, (end - start).days + 1))
    return sum(1 for day in days if is_working_day(day, holidays))
