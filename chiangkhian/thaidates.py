"""Dates for people: Buddhist Era with Thai month names in Thai, Gregorian in English.

Thai digits follow settings.THAI_DIGITS (a municipality's choice; see settings).
"""

import datetime

from django.conf import settings
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import get_language, gettext
from pythainlp.util import arabic_digit_to_thai_digit, thai_strftime

FORMATS = {
    # style: (Thai strftime, Django date format for English)
    "long": ("%-d %B %Y", "j F Y"),
    "short": ("%-d %b %Y", "j M Y"),
    "datetime": ("%-d %b %Y %H:%M น.", "j M Y, H:i"),
    "month": ("%B %Y", "F Y"),
    "weekday": ("%A", "l"),
    "weekday_short": ("%a", "D"),
}


def _as_datetime(value):
    if isinstance(value, datetime.datetime):
        return timezone.localtime(value) if timezone.is_aware(value) else value
    return datetime.datetime(value.year, value.month, value.day)


def format_date(value, style="long"):
    """Format a date or datetime for the current language ('' for None)."""
    if value in (None, ""):
        return ""
    thai_format, english_format = FORMATS[style]
    value = _as_datetime(value)
    if (get_language() or "th").startswith("en"):
        return date_format(value, english_format)
    return thai_strftime(value, thai_format, thaidigit=settings.THAI_DIGITS)


def thai_digits(text):
    """Text with Thai digits when the site uses them, unchanged otherwise."""
    if settings.THAI_DIGITS and not (get_language() or "th").startswith("en"):
        return arabic_digit_to_thai_digit(str(text))
    return str(text)


def buddhist_year(value):
    """The Buddhist Era year of a date (2019 → 2562)."""
    return value.year + 543


def fiscal_year(value):
    """The Thai government fiscal year (B.E.) a date falls in: 1 Oct 2568 → FY 2569."""
    return buddhist_year(value) + (1 if value.month >= 10 else 0)


def fiscal_year_bounds(year):
    """First and last day of a Thai fiscal year (B.E.): 2569 → 1 Oct 2025, 30 Sep 2026."""
    return datetime.date(year - 544, 10, 1), datetime.date(year - 543, 9, 30)


def format_fiscal_year(year):
    """A fiscal year (B.E.) for the current language: "ปีงบประมาณ พ.ศ. 2570", "FY 2027 (B.E. 2570)".

    The Thai fiscal year 2570 runs from October 2026 to September 2027: in English it is
    FY 2027, the calendar year it ends in, as the Bureau of the Budget writes it.
    """
    if year in (None, ""):
        return ""
    year = int(year)
    # The Thai leaves the Gregorian year out, which msgfmt's format check would refuse.
    # Translators: the Thai reads "ปีงบประมาณ พ.ศ. %(year)s" (no Gregorian year).
    # xgettext:no-python-format
    text = gettext("FY %(gregorian)s (B.E. %(year)s)")
    return thai_digits(text % {"gregorian": year - 543, "year": year})
