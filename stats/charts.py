"""Bar charts drawn on the server as SVG: no script, no external library, readable on phones.

The template (stats/includes/bar_chart.html) draws what bar_chart() measures; the numbers
also go into a table for screen readers and for anyone who prefers one.
"""

import math
from dataclasses import dataclass, field

from django.contrib.humanize.templatetags.humanize import intcomma
from django.utils.formats import date_format
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from pythainlp.util import thai_strftime

from chiangkhian.thaidates import format_date, thai_digits

WIDTH, HEIGHT = 400, 200
LEFT, RIGHT, TOP, BOTTOM = 44, 6, 10, 34


@dataclass
class Bar:
    x: float
    y: float
    width: float
    height: float
    value: int
    label: str  # the full label, e.g. "2 ต.ค. 2568", for the bar's tooltip and the table
    tick: str = ""  # the axis label under the bar, if any
    subtick: str = ""  # a second line (month or year) where it changes

    @property
    def center(self):
        return round(self.x + self.width / 2, 2)


@dataclass
class Chart:
    bars: list
    title: str = ""
    desc: str = ""
    gridlines: list = field(default_factory=list)  # [(y, value)]
    width: int = WIDTH
    height: int = HEIGHT
    left: int = LEFT
    right_edge: int = WIDTH - RIGHT
    baseline: int = HEIGHT - BOTTOM
    label_x: int = LEFT - 4
    tick_y: int = HEIGHT - BOTTOM + 14
    subtick_y: int = HEIGHT - BOTTOM + 28

    @property
    def total(self):
        return sum(bar.value for bar in self.bars)

    @property
    def peak(self):
        return max(self.bars, key=lambda bar: bar.value, default=None)


def nice_step(value, steps=4):
    """A round gridline step (1, 2 or 5 × 10ⁿ) so that `steps` of them reach value."""
    if value <= steps:
        return 1
    raw = value / steps
    magnitude = 10 ** math.floor(math.log10(raw))
    return next(m * magnitude for m in (1, 2, 5, 10) if m * magnitude >= raw)


def bar_chart(points):
    """points: [(value, label, tick, subtick)] → a Chart laid out in a 400 × 200 box."""
    peak = max((p[0] for p in points), default=0)
    step = nice_step(peak)
    steps = max(1, math.ceil(peak / step))
    top_value = step * steps
    plot_height = HEIGHT - TOP - BOTTOM
    slot = (WIDTH - LEFT - RIGHT) / max(len(points), 1)
    bars = []
    for index, (value, label, tick, subtick) in enumerate(points):
        height = plot_height * value / top_value
        bars.append(
            Bar(
                x=round(LEFT + index * slot + slot * 0.15, 2),
                y=round(TOP + plot_height - height, 2),
                width=round(slot * 0.7, 2),
                height=round(height, 2),
                value=value,
                label=label,
                tick=tick,
                subtick=subtick,
            )
        )
    gridlines = [
        (round(TOP + plot_height * (1 - n / steps), 2), step * n) for n in range(steps + 1)
    ]
    return Chart(bars=bars, gridlines=gridlines)


def _number(value):
    return thai_digits(intcomma(value))


def _describe(chart, period_start, period_end):
    """The chart in words, for screen readers: the period, the total and the peak."""
    peak = chart.peak
    if peak is None or not peak.value:
        return _("From %(start)s to %(end)s: no visitors were counted.") % {
            "start": period_start,
            "end": period_end,
        }
    return _(
        "From %(start)s to %(end)s: %(total)s visitors in all; the busiest was %(when)s "
        "with %(peak)s."
    ) % {
        "start": period_start,
        "end": period_end,
        "total": _number(chart.total),
        "peak": _number(peak.value),
        "when": peak.label,
    }


def _english():
    return (get_language() or "th").startswith("en")


def _month_abbr(day):
    return date_format(day, "M") if _english() else thai_strftime(day, "%b")


def _short_year(day):
    return date_format(day, "y") if _english() else thai_digits(str(day.year + 543)[-2:])


def daily_chart(series):
    """The last days' visitors: the day of the month every fifth bar, the month where it turns."""
    points = []
    # The month under the first bar too, unless a new month starts too close to fit both.
    first_turn = next((i for i, (day, *_rest) in enumerate(series) if day.day == 1), len(series))
    for index, (day, visitors, _views) in enumerate(series):
        tick = thai_digits(day.day) if index % 5 == 0 or index == len(series) - 1 else ""
        starts = day.day == 1 or (index == 0 and first_turn >= 4)
        subtick = _month_abbr(day) if starts else ""
        points.append((visitors, format_date(day, "short"), tick, subtick))
    chart = bar_chart(points)
    chart.title = _("Visitors per day, last %(days)s days") % {"days": thai_digits(len(series))}
    if series:
        chart.desc = _describe(chart, chart.bars[0].label, chart.bars[-1].label)
    return chart


def monthly_chart(series):
    """The last months' visitors: each month abbreviated, the year where it turns."""
    points = []
    for index, (month, visitors, _views) in enumerate(series):
        subtick = _short_year(month) if index == 0 or month.month == 1 else ""
        points.append((visitors, format_date(month, "month"), _month_abbr(month), subtick))
    chart = bar_chart(points)
    chart.title = _("Visitors per month, last %(months)s months") % {
        "months": thai_digits(len(series))
    }
    if series:
        chart.desc = _describe(chart, chart.bars[0].label, chart.bars[-1].label)
    return chart
