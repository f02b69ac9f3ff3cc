"""How long a step of a manual takes, and the total of a manual (announcement 1.6, 1.7).

Minutes and hours add up into hours and minutes; working days and calendar days are kept
apart, since a citizen manual promises "3 working days", not 72 hours.
"""

from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from chiangkhian.thaidates import thai_digits


@dataclass(frozen=True)
class Duration:
    amount: int
    unit: str

    class Unit(models.TextChoices):
        MINUTES = "minutes", _("minutes")
        HOURS = "hours", _("hours")
        WORKING_DAYS = "working_days", _("working days")
        DAYS = "days", _("days")

    @classmethod
    def total(cls, durations):
        """The parts of a total, largest unit first: [Duration(3, days), Duration(90, min)]."""
        minutes = working_days = days = 0
        for duration in durations:
            if duration.unit == cls.Unit.MINUTES:
                minutes += duration.amount
            elif duration.unit == cls.Unit.HOURS:
                minutes += duration.amount * 60
            elif duration.unit == cls.Unit.WORKING_DAYS:
                working_days += duration.amount
            else:
                days += duration.amount
        parts = [
            cls(days, cls.Unit.DAYS),
            cls(working_days, cls.Unit.WORKING_DAYS),
            cls(minutes, cls.Unit.MINUTES),
        ]
        return [part for part in parts if part.amount]

    def __str__(self):
        n = self.amount
        if self.unit == self.Unit.DAYS:
            text = ngettext("%(n)s day", "%(n)s days", n)
        elif self.unit == self.Unit.WORKING_DAYS:
            text = ngettext("%(n)s working day", "%(n)s working days", n)
        elif self.unit == self.Unit.HOURS:
            text = ngettext("%(n)s hour", "%(n)s hours", n)
        elif n >= 60:
            return " ".join(str(part) for part in _hours_and_minutes(n))
        else:
            text = ngettext("%(n)s minute", "%(n)s minutes", n)
        return text % {"n": thai_digits(n)}


def _hours_and_minutes(minutes):
    hours, rest = divmod(minutes, 60)
    parts = [Duration(hours, Duration.Unit.HOURS)]
    if rest:
        parts.append(Duration(rest, Duration.Unit.MINUTES))
    return parts


def format_total(parts):
    return " ".join(str(part) for part in parts)
