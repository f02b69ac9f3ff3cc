"""Django's localized date formats in the Buddhist Era when the language is Thai.

Everything Django shows as a localized date goes through django.utils.formats.date_format with
a named format: template output ({{ value }}, |date without a format or with DATE_FORMAT),
the admin's list columns and read-only fields, date_hierarchy's months and days,
django-simple-history's and the admin's history pages. Django's "Y" is always the C.E. year,
so the Thai back office read 2026 where the paper form says 2569. Installing a B.E. variant
there, once, fixes every such place. Explicit formats (|date:"c", |date:"Y-m-d" for
<time datetime>) are machine formats and stay C.E.
"""

from django.utils import dateformat, formats

from .dateinput import BE_OFFSET, uses_buddhist_era

LOCALIZED_FORMATS = {
    "DATE_FORMAT",
    "DATETIME_FORMAT",
    "SHORT_DATE_FORMAT",
    "SHORT_DATETIME_FORMAT",
    "YEAR_MONTH_FORMAT",
    "MONTH_DAY_FORMAT",
}


class BuddhistEraFormat(dateformat.DateFormat):
    """Django's date format with B.E. years: "Y" 2569, "y" 69, "o" the ISO year + 543."""

    def Y(self):  # noqa: N802 - Django's format character
        return f"{self.data.year + BE_OFFSET:04d}"

    def y(self):
        return f"{(self.data.year + BE_OFFSET) % 100:02d}"

    def o(self):
        return self.data.isocalendar().year + BE_OFFSET


_django_date_format = formats.date_format


def date_format(value, format=None, use_l10n=None):  # noqa: A002 - Django's signature
    """formats.date_format, with the Buddhist Era for the named formats in Thai."""
    name = format or "DATE_FORMAT"
    if name in LOCALIZED_FORMATS and uses_buddhist_era():
        return BuddhistEraFormat(value).format(formats.get_format(name, use_l10n=use_l10n))
    return _django_date_format(value, format, use_l10n)


def install():
    # formats.localize() and the |date filter look date_format up in the module at each call.
    formats.date_format = date_format
