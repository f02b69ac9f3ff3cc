"""Statistics of the e-services (ITA O10, O18): received, finished, in progress, overdue, speed.

Computed from the cases themselves, so they are what citizens sent (a refused burst never
became a case). Two queries whatever the number of cases: the cases touching the window,
and the services. Rows per fiscal year are a municipality's hundreds or thousands of cases.
"""

import datetime
from dataclasses import dataclass, field

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from chiangkhian.thaidates import fiscal_year, fiscal_year_bounds, format_date, thai_digits

from .models import Case, Service

GROUPINGS = ("month", "quarter", "year")


@dataclass
class Row:
    label: str
    start: datetime.date
    end: datetime.date
    received: int = 0
    finished: int = 0
    in_progress: int = 0
    overdue: int = 0
    days_taken: list = field(default_factory=list)
    days_promised: list = field(default_factory=list)

    @property
    def average_days(self):
        return round(sum(self.days_taken) / len(self.days_taken), 1) if self.days_taken else None

    @property
    def average_promised(self):
        promised = self.days_promised
        return round(sum(promised) / len(promised), 1) if promised else None


@dataclass
class Summary:
    fiscal_year: int
    by: str
    rows: list
    services: list  # [(service, cases received in the window)]
    years: list  # fiscal years that have cases, for the chooser

    @property
    def total_received(self):
        return sum(row.received for row in self.rows)

    @property
    def total_finished(self):
        return sum(row.finished for row in self.rows)


def periods(year: int, by: str, today: datetime.date, first_year: int):
    """[(label, start, end)] of a fiscal year by month or quarter, or fiscal years to `year`."""
    if by == "year":
        return [
            (_("FY %(year)s") % {"year": thai_digits(y)}, *fiscal_year_bounds(y))
            for y in range(first_year, year + 1)
        ]
    start, _end = fiscal_year_bounds(year)
    months = [_add_months(start, n) for n in range(12)]
    if by == "quarter":
        return [
            (
                _("Q%(n)s (%(first)s – %(last)s)")
                % {
                    "n": thai_digits(n + 1),
                    "first": format_date(months[n * 3], "month"),
                    "last": format_date(months[n * 3 + 2], "month"),
                },
                months[n * 3],
                _add_months(months[n * 3], 3) - datetime.timedelta(days=1),
            )
            for n in range(4)
            if months[n * 3] <= today
        ]
    return [
        (format_date(month, "month"), month, _add_months(month, 1) - datetime.timedelta(days=1))
        for month in months
        if month <= today
    ]


def summary(*, year: int | None = None, by: str = "month", today: datetime.date | None = None):
    """The statistics of fiscal year `year` (default: the current one) by month or quarter,
    or of every fiscal year up to it."""
    today = today or timezone.localdate()
    year = year or fiscal_year(today)
    by = by if by in GROUPINGS else "month"
    first = Case.objects.order_by("received_at").values_list("received_at", flat=True).first()
    first_year = fiscal_year(timezone.localdate(first)) if first else year
    rows = [Row(label, start, end) for label, start, end in periods(year, by, today, first_year)]
    services = list(Service.objects.order_by("order", "pk"))
    if not rows:
        return Summary(year, by, [], [(s, 0) for s in services], [year])
    start, end = rows[0].start, rows[-1].end
    cases = Case.objects.filter(received_at__date__lte=end).filter(
        Q(closed_at__isnull=True) | Q(closed_at__date__gte=start)
    )
    usage = {}
    for received_at, closed_at, due_on, service_id in cases.values_list(
        "received_at", "closed_at", "due_on", "service_id"
    ):
        received = timezone.localdate(received_at)
        closed = timezone.localdate(closed_at) if closed_at else None
        if start <= received <= end:
            usage[service_id] = usage.get(service_id, 0) + 1
        for row in rows:
            _count(row, received, closed, due_on, min(row.end, today))
    years = list(range(first_year, fiscal_year(today) + 1))
    return Summary(year, by, rows, [(s, usage.get(s.pk, 0)) for s in services], years)


def _count(row, received, closed, due_on, end):
    if row.start <= received <= row.end:
        row.received += 1
    if closed and row.start <= closed <= row.end:
        row.finished += 1
        row.days_taken.append((closed - received).days)
        row.days_promised.append((due_on - received).days)
    open_at_end = received <= end and (closed is None or closed > end)
    if open_at_end:
        row.in_progress += 1
        if due_on < end:
            row.overdue += 1


def _add_months(day, months):
    month = day.month - 1 + months
    return datetime.date(day.year + month // 12, month % 12 + 1, 1)


def chart(summary_, attribute, title):
    """A bar chart (stats.charts) of one column of the rows, described in words."""
    from stats.charts import bar_chart

    points = [
        (getattr(row, attribute), row.label, _short(row, summary_.by, index), "")
        for index, row in enumerate(summary_.rows)
    ]
    result = bar_chart(points)
    result.title = title
    total = sum(p[0] for p in points)
    peak = max(points, key=lambda p: p[0], default=None)
    result.desc = _("%(title)s: %(total)s in all; the most was %(peak)s in %(when)s.") % {
        "title": title,
        "total": thai_digits(total),
        "peak": thai_digits(peak[0] if peak else 0),
        "when": peak[1] if peak else "—",
    }
    return result


def _short(row, by, index):
    if by == "month":
        return format_date(row.start, "short").split(" ")[1]
    if by == "quarter":
        return _("Q%(n)s") % {"n": thai_digits(index + 1)}
    return thai_digits(fiscal_year(row.start))
