"""Back-office reports: visits and satisfaction by day, month or page, and the CSV export."""

import datetime
from dataclasses import dataclass

from django.utils.translation import gettext as _

from chiangkhian.spreadsheets import csv_response
from chiangkhian.thaidates import format_date

from .models import DailyPageStats, DailySatisfaction, DailySiteStats, Score, SurveyResponse
from .pages import describe
from .summary import as_date, month_start

# Excel reads a CSV file as the Windows code page unless it starts with a byte-order mark;
# with it, Thai text opens correctly (announcement 1.10 reports go to the Palat in Excel).


@dataclass
class Row:
    key: object  # a date, the first day of a month, or a path
    label: str
    views: int = 0
    visitors: int = 0
    responses: int = 0
    points: int = 0
    public: bool = True

    @property
    def average(self):
        return round(self.points / self.responses, 2) if self.responses else None


def build(start, end, by, path=""):
    """The report's rows for the period, grouped by "day", "month" or "page"."""
    if by == "page":
        return _by_page(start, end)
    visits = DailyPageStats.objects.filter(path=path) if path else DailySiteStats.objects
    satisfaction = (
        DailySatisfaction.objects.filter(path=path) if path else DailySatisfaction.objects
    )
    if by == "month":
        keys, style = _months(start, end), "month"
        counts = {as_date(k): v for k, v in visits.by_month(start, end).items()}
        scores = {as_date(k): v for k, v in satisfaction.grouped("month", start, end).items()}
    else:
        keys, style = _days(start, end), "short"
        counts = visits.by_day(start, end)
        scores = satisfaction.grouped("date", start, end)
    return [
        Row(key, format_date(key, style), *_swap(counts.get(key, (0, 0))), *scores.get(key, (0, 0)))
        for key in keys
    ]


def _swap(visitors_views):
    visitors, views = visitors_views
    return views, visitors


def _days(start, end):
    return [start + datetime.timedelta(days=n) for n in range((end - start).days + 1)]


def _months(start, end):
    months, month = [], start.replace(day=1)
    while month <= end:
        months.append(month)
        month = month_start(month, -1)
    return months


def _by_page(start, end):
    visits = {r["path"]: r for r in DailyPageStats.objects.by_page(start, end)}
    scores = DailySatisfaction.objects.grouped("path", start, end)
    paths = list(visits) + [p for p in scores if p not in visits]
    titles = describe([p for p in paths if p])
    rows = []
    for path in paths:
        visit = visits.get(path, {})
        title = titles.get(path) if path else _("The website as a whole")
        rows.append(
            Row(
                path,
                title or path,
                visit.get("total_views", 0),
                visit.get("total_visitors", 0),
                *scores.get(path, (0, 0)),
                public=title is not None,
            )
        )
    return sorted(rows, key=lambda row: (-row.views, -row.responses, row.key))


def totals(rows):
    total = Row(None, _("Total"))
    for row in rows:
        total.views += row.views
        total.visitors += row.visitors
        total.responses += row.responses
        total.points += row.points
    return total


def report_csv(rows, by, start, end):
    first = {"day": _("Date"), "month": _("Month"), "page": _("Web page")}[by]
    second = _("Path") if by == "page" else _("Date (ISO)")
    header = [first, second, _("Page views"), _("Visitors"), _("Answers"), _("Average score")]
    lines = [
        [
            row.label,
            row.key if by == "page" else row.key.isoformat()[: 7 if by == "month" else 10],
            row.views,
            row.visitors,
            row.responses,
            "" if row.average is None else f"{row.average:.2f}",
        ]
        for row in rows
    ]
    return csv_response(f"visitor-report-{by}-{start:%Y%m%d}-{end:%Y%m%d}.csv", header, lines)


def comments_csv(start, end):
    """Every answer of the period with its comment (those not yet purged)."""
    answers = list(
        SurveyResponse.objects.filter(date__gte=start, date__lte=end).order_by("date", "pk")
    )
    titles = describe({a.path for a in answers if a.path})
    header = [
        _("Date"),
        _("Date (ISO)"),
        _("Web page"),
        _("Path"),
        _("Score"),
        _("Level"),
        _("Comment"),
    ]
    lines = [
        [
            format_date(a.date, "short"),
            a.date.isoformat(),
            (titles.get(a.path) or a.path) if a.path else _("The website as a whole"),
            a.path,
            a.score,
            Score(a.score).label,
            a.comment,
        ]
        for a in answers
    ]
    return csv_response(f"survey-comments-{start:%Y%m%d}-{end:%Y%m%d}.csv", header, lines)
