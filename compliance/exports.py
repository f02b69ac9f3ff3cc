"""The traffic log of a date range as CSV, for the officials of announcement 3.4."""

import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from chiangkhian.spreadsheets import csv_stream_response

from .models import TrafficLog

MAX_DAYS = 400


class TrafficLogExportForm(forms.Form):
    start = forms.DateField(label=_("From (date)"), widget=forms.DateInput(attrs={"type": "date"}))
    end = forms.DateField(
        label=_("To (date, included)"), widget=forms.DateInput(attrs={"type": "date"})
    )

    def clean(self):
        data = super().clean()
        start, end = data.get("start"), data.get("end")
        if start and end:
            if end < start:
                raise forms.ValidationError(_("The end date is before the start date."))
            if (end - start).days > MAX_DAYS:
                raise forms.ValidationError(
                    _("Export at most %(days)s days at a time.") % {"days": MAX_DAYS}
                )
        return data

    def bounds(self):
        """[start 00:00, the day after end 00:00) in the site's time zone."""
        zone = timezone.get_current_timezone()
        start = datetime.datetime.combine(self.cleaned_data["start"], datetime.time.min, zone)
        end = datetime.datetime.combine(self.cleaned_data["end"], datetime.time.min, zone)
        return start, end + datetime.timedelta(days=1), self.cleaned_data


HEADER = [
    "time",
    "source_ip",
    "method",
    "path",
    "status",
    "user_agent",
    "user_id",
    "username",
    "response_bytes",
    "chain_position",
    "previous_hash",
    "hash",
]


def traffic_log_csv(start, end, data):
    rows = TrafficLog.objects.filter(at__gte=start, at__lt=end).order_by("seq", "pk")
    lines = (
        [
            timezone.localtime(row.at).isoformat(timespec="microseconds"),
            row.ip or "",
            row.method,
            row.path,
            row.status,
            row.user_agent,
            row.user_id or "",
            row.username,
            "" if row.size is None else row.size,
            row.seq,
            row.prev_hash,
            row.hash,
        ]
        for row in rows.iterator(chunk_size=2000)
    )
    name = f"traffic-log-{data['start']:%Y%m%d}-{data['end']:%Y%m%d}.csv"
    return csv_stream_response(name, HEADER, lines)
