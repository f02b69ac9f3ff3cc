from django.db import models
from django.db.models import F, Q, Sum
from django.db.models.functions import TruncMonth


def _in_period(queryset, start, end):
    if start:
        queryset = queryset.filter(date__gte=start)
    if end:
        queryset = queryset.filter(date__lte=end)
    return queryset


class DailyQuerySet(models.QuerySet):
    """Reads shared by the site's and the pages' daily rows."""

    def by_day(self, start, end):
        """{date: (visitors, views)} for the days of the period that had any."""
        rows = (
            _in_period(self, start, end)
            .values("date")
            .annotate(total_visitors=Sum("visitors"), total_views=Sum("views"))
            .values_list("date", "total_visitors", "total_views")
            .order_by("date")
        )
        return {day: (visitors, views) for day, visitors, views in rows}

    def by_month(self, start, end):
        """{first day of month: (visitors, views)}, visitors added up over the days."""
        rows = (
            _in_period(self, start, end)
            .annotate(month=TruncMonth("date"))
            .values("month")
            .annotate(total_visitors=Sum("visitors"), total_views=Sum("views"))
            .values_list("month", "total_visitors", "total_views")
            .order_by("month")
        )
        return {month: (visitors, views) for month, visitors, views in rows}


class DailySiteStatsQuerySet(DailyQuerySet):
    def counter(self, today):
        """Visitors today, this month and in total, and all page views: one query."""
        totals = self.aggregate(
            today=Sum("visitors", filter=Q(date=today)),
            month=Sum("visitors", filter=Q(date__gte=today.replace(day=1), date__lte=today)),
            total=Sum("visitors"),
            views=Sum("views"),
        )
        return {key: value or 0 for key, value in totals.items()}


class DailyPageStatsQuerySet(DailyQuerySet):
    def by_page(self, start=None, end=None):
        """Rows of path, views and visitors over the period, most viewed first."""
        return (
            _in_period(self, start, end)
            .values("path")
            .annotate(total_views=Sum("views"), total_visitors=Sum("visitors"))
            .order_by("-total_views", "path")
        )


class DailySatisfactionQuerySet(models.QuerySet):
    def distribution(self, start=None, end=None):
        """{score: responses} over the period, for the whole site and every page: one query."""
        rows = (
            _in_period(self, start, end)
            .values("score")
            .annotate(total=Sum("responses"))
            .values_list("score", "total")
            .order_by()
        )
        return dict(rows)

    def grouped(self, field, start=None, end=None):
        """{field value: (responses, sum of scores)}; field is "date", "month" or "path"."""
        queryset = _in_period(self, start, end)
        if field == "month":
            queryset = queryset.annotate(month=TruncMonth("date"))
        rows = (
            queryset.values(field)
            .annotate(total=Sum("responses"), points=Sum(F("score") * F("responses")))
            .values_list(field, "total", "points")
            .order_by()
        )
        return {key: (total, points) for key, total, points in rows}
