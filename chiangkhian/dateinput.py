"""Date and date-time inputs in the Buddhist Era for the Thai back office (C.E. in English).

A clerk types 01/12/2569 (or picks it in the Thai calendar) and 1 December 2026 is stored;
Django's own Thai input formats read that as the year 2569 C.E. A year that can only be a
slip (a C.E. year in the Thai form, or one far from today) is refused with a message that
names the field and shows how to type it, instead of storing a date 543 years away.
"""

import datetime
import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils import dates, formats, timezone
from django.utils.translation import get_language, gettext, pgettext
from django.utils.translation import gettext_lazy as _

BE_OFFSET = 543
# Neither a data period nor a publication date is this far from today; laws can be older.
PLAUSIBLE_YEARS = 20
LAW_PAST_YEARS = 100

_THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
_SEPARATOR = r"\s*[/.\-\s]\s*"
_DAY_FIRST = re.compile(rf"^(\d{{1,2}}){_SEPARATOR}(\d{{1,2}}){_SEPARATOR}(\d{{4}}|\d{{2}})$")
_YEAR_FIRST = re.compile(rf"^(\d{{4}}){_SEPARATOR}(\d{{1,2}}){_SEPARATOR}(\d{{1,2}})$")
_MONTH_NAMED = re.compile(r"^(\d{1,2})\s*([^\d\s]+)\s*(\d{4}|\d{2})$")
_DATE_AND_TIME = re.compile(r"^(.*\d)\s+(\d{1,2}\s*[:.]\s*\d{2}(?:\s*[:.]\s*\d{2})?)\s*(?:น\.?)?$")
_TIME = re.compile(r"^(\d{1,2})\s*[:.]?\s*(\d{2})(?:\s*[:.]\s*(\d{2}))?$")

# Month names as people type them: Thai in full or abbreviated (dots optional), English.
_MONTHS = {
    **{name.replace(".", ""): number for number, name in enumerate(
        ["ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.",
         "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค."], start=1)},
    **{name: number for number, name in enumerate(
        ["มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน", "กรกฎาคม",
         "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม"], start=1)},
    **{datetime.date(2000, number, 1).strftime("%b").lower(): number for number in range(1, 13)},
    **{datetime.date(2000, number, 1).strftime("%B").lower(): number for number in range(1, 13)},
}  # fmt: skip


def uses_buddhist_era():
    """Whether dates are typed and shown in the Buddhist Era: everywhere but in English."""
    return not (get_language() or "th").startswith("en")


def display_year(year):
    """The year people read for a C.E. year: B.E. in Thai, unchanged in English."""
    return year + BE_OFFSET if uses_buddhist_era() else year


def format_date_input(value):
    """A date as it is typed in the current language: 01/12/2569 in Thai, 01/12/2026 in English."""
    return f"{value.day:02d}/{value.month:02d}/{display_year(value.year)}"


def format_time_input(value):
    return f"{value.hour:02d}:{value.minute:02d}"


def format_datetime_input(value):
    """A date-time as typed, in the local time zone: 01/12/2569 14:30."""
    if timezone.is_aware(value):
        value = timezone.localtime(value)
    return f"{format_date_input(value)} {format_time_input(value)}"


def normalize(text):
    """Arabic digits and single spaces for what was typed (Thai digits ๐-๙ are common)."""
    text = str(text).translate(_THAI_DIGITS).replace("\u00a0", " ").strip()
    text = re.sub(r"พ\.?\s*ศ\.?", " ", text)  # "1 ธ.ค. พ.ศ. 2569"
    return re.sub(r"\s+", " ", text).strip()


def _split_date(text):
    """(year as typed, month, day) from the accepted spellings, or None."""
    if match := _DAY_FIRST.match(text):
        day, month, year = match.groups()
    elif match := _YEAR_FIRST.match(text):
        year, month, day = match.groups()
    elif match := _MONTH_NAMED.match(text):
        day, name, year = match.groups()
        month = _MONTHS.get(name.replace(".", "").lower())
        if month is None:
            return None
    else:
        return None
    year = int(year)
    if year < 100:  # "1/12/69": the short year people write, in the expected era
        year += 2500 if uses_buddhist_era() else 2000
    return year, int(month), int(day)


class BEDateWidget(forms.DateInput):
    """A text input that shows dates as they are typed, with the Thai calendar picker."""

    input_type = "text"

    class Media:
        css = {"all": ["css/be-datepicker.css"]}
        js = ["js/be-datepicker.js"]

    def __init__(self, attrs=None):
        super().__init__({"class": "be-date-input", "autocomplete": "off", **(attrs or {})})

    def format_value(self, value):
        if isinstance(value, datetime.datetime):
            return format_date_input(
                timezone.localtime(value) if timezone.is_aware(value) else value
            )
        if isinstance(value, datetime.date):
            return format_date_input(value)
        return value  # what was typed, shown again with its error

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["widget"]["attrs"].update(picker_attrs())
        return context


def picker_attrs():
    """What the calendar picker needs to speak the page's language, as data attributes."""
    buddhist = uses_buddhist_era()
    weekdays = [dates.WEEKDAYS_ABBR[(day + 6) % 7] for day in range(7)]  # from Sunday
    return {
        "placeholder": pgettext("date input", "dd/mm/yyyy"),
        "data-be-date": "",
        "data-year-offset": str(BE_OFFSET if buddhist else 0),
        "data-first-day": str(formats.get_format("FIRST_DAY_OF_WEEK")),
        "data-months": "|".join(str(dates.MONTHS[number]) for number in range(1, 13)),
        "data-weekdays": "|".join(str(day) for day in weekdays),
        "data-label-open": gettext("Choose a date from the calendar"),
        "data-label-dialog": gettext("Calendar"),
        "data-label-previous-month": gettext("Previous month"),
        "data-label-next-month": gettext("Next month"),
        "data-label-previous-year": gettext("Previous year"),
        "data-label-next-year": gettext("Next year"),
        "data-label-today": gettext("Today"),
        "data-label-close": gettext("Close"),
        "data-label-help": gettext(
            "Arrow keys: day or week. Page Up / Page Down: month. "
            "Shift + Page Up / Page Down: year. Enter: choose."
        ),
    }


class BETimeWidget(forms.TimeInput):
    input_type = "text"

    def __init__(self, attrs=None):
        attrs = {"class": "be-time-input", "autocomplete": "off", "size": "6", **(attrs or {})}
        super().__init__(attrs, format="%H:%M")

    def format_value(self, value):
        if isinstance(value, datetime.time) and value.second:
            return value.strftime("%H:%M:%S")  # a stored instant is shown (and saved) as it is
        return super().format_value(value)

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["widget"]["attrs"].setdefault("placeholder", pgettext("time input", "hh:mm"))
        return context


class BEDateTimeWidget(forms.MultiWidget):
    """A date (with the picker) and a time, like Django's admin split date-time."""

    template_name = "chiangkhian/widgets/be_datetime.html"

    def __init__(self, attrs=None):
        super().__init__([BEDateWidget(attrs), BETimeWidget(attrs)])

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["date_label"] = gettext("Date:")
        context["time_label"] = gettext("Time:")
        return context

    def decompress(self, value):
        if value is None:
            return [None, None]
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        return [value.date(), value.time().replace(microsecond=0)]

    def value_from_datadict(self, data, files, name):
        if f"{name}_0" not in data and name in data:
            # One box, as in "01/12/2569 14:30" (a script or a pasted value).
            return [data.get(name), ""]
        return super().value_from_datadict(data, files, name)


class BEHiddenDateTimeWidget(BEDateTimeWidget):
    """The hidden copy of an initial value (fields with a callable default)."""

    template_name = "django/forms/widgets/splithiddendatetime.html"

    def __init__(self, attrs=None):
        super().__init__(attrs)
        for widget in self.widgets:
            widget.input_type = "hidden"


class BEDateField(forms.DateField):
    """A date typed day/month/year in the Buddhist Era in Thai (C.E. in English).

    Also accepted: Thai digits, 1/12/2569, 01-12-2569, 01.12.2569, 2569-12-01, 1 ธ.ค. 2569,
    1 ธันวาคม 2569 and a two-digit year (1/12/69).
    """

    widget = BEDateWidget
    default_error_messages = {
        "invalid": _("Type the date as day/month/year, for example %(example)s."),
    }

    def __init__(self, *, past_years=PLAUSIBLE_YEARS, future_years=PLAUSIBLE_YEARS, **kwargs):
        kwargs.pop("input_formats", None)
        super().__init__(**kwargs)
        self.past_years, self.future_years = past_years, future_years

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if isinstance(value, datetime.datetime):
            return value.date()
        if isinstance(value, datetime.date):
            return value
        text = normalize(value)
        parts = _split_date(text)
        if parts is None:
            self._refuse("invalid", self.error_messages["invalid"], timezone.localdate())
        year, month, day = parts
        ce_year = year - BE_OFFSET if uses_buddhist_era() else year
        self._check_year(year, ce_year, month, day)
        try:
            return datetime.date(ce_year, month, day)
        except ValueError:
            message = _("There is no such day as %(typed)s; for example %(example)s.")
            self._refuse("invalid", message, timezone.localdate(), typed=text)

    def _check_year(self, typed, ce_year, month, day):
        today = timezone.localdate()
        first, last = today.year - self.past_years, today.year + self.future_years
        if first <= ce_year <= last:
            return
        other = typed if uses_buddhist_era() else typed - BE_OFFSET  # read in the other era
        if first <= other <= last:
            example = _safe_date(other, month, day) or today
            if uses_buddhist_era():
                message = _(
                    "The year %(year)s is a year of the Common Era (A.D.): type the year "
                    "in the Buddhist Era, for example %(example)s."
                )
            else:
                message = _(
                    "The year %(year)s is a Buddhist Era year: type the year A.D., "
                    "for example %(example)s."
                )
            self._refuse("wrong_era", message, example, year=typed)
        message = _(
            "The year %(year)s cannot be right: type a year from %(first)s to %(last)s, "
            "for example %(example)s."
        )
        self._refuse(
            "implausible_year",
            message,
            today,
            year=typed,
            first=display_year(first),
            last=display_year(last),
        )

    def _refuse(self, code, message, example, **params):
        text = str(message) % {"example": format_date_input(example), **params}
        if self.label:
            text = gettext("%(field)s: %(message)s") % {"field": self.label, "message": text}
        raise ValidationError(text, code=code)


def _safe_date(year, month, day):
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None


class BETimeField(forms.TimeField):
    """A time of day: 14:30, 14.30, 1430, ๑๔:๓๐ or 14:30 น."""

    widget = BETimeWidget
    default_error_messages = {"invalid": _("Type the time as hours:minutes, for example 14:30.")}

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if isinstance(value, datetime.time):
            return value
        text = re.sub(r"\s*น\.?$", "", normalize(value))
        match = _TIME.match(text)
        try:
            hour, minute, second = (int(part or 0) for part in match.groups())
            return datetime.time(hour, minute, second)
        except (AttributeError, ValueError):
            raise ValidationError(self.error_messages["invalid"], code="invalid") from None


class BEDateTimeField(forms.MultiValueField):
    """A date (as BEDateField) and a time, stored as an aware instant of the local time zone."""

    widget = BEDateTimeWidget
    hidden_widget = BEHiddenDateTimeWidget
    default_error_messages = {
        "incomplete": _("Type the time too, for example 14:30."),
    }

    def __init__(self, *, past_years=PLAUSIBLE_YEARS, future_years=PLAUSIBLE_YEARS, **kwargs):
        for ignored in ("input_formats", "input_date_formats", "input_time_formats"):
            kwargs.pop(ignored, None)
        date_field = BEDateField(past_years=past_years, future_years=future_years)
        super().__init__((date_field, BETimeField()), require_all_fields=False, **kwargs)
        date_field.label = self.label  # its messages name this field
        for field in self.fields:
            field.required = False

    def clean(self, value):
        typed_together = isinstance(value, (list, tuple)) and value and value[0] and not value[1]
        if typed_together and (match := _DATE_AND_TIME.match(normalize(value[0]))):
            value = list(match.groups())
        return super().clean(value)

    def compress(self, data_list):
        if not data_list or data_list[0] is None:
            if data_list and data_list[1] is not None:
                raise ValidationError(self.fields[0].error_messages["required"], code="required")
            return None
        if data_list[1] is None:
            message = self.error_messages["incomplete"]
            if self.label:
                message = gettext("%(field)s: %(message)s") % {
                    "field": self.label,
                    "message": message,
                }
            raise ValidationError(message, code="incomplete")
        return timezone.make_aware(datetime.datetime.combine(*data_list))
