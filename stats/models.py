"""Visitor statistics and the satisfaction survey (announcement 1.10).

Visits never reach the database one by one: they are counted in the cache and flushed into
daily aggregates (see buffer.py). Survey responses are the only rows about one visitor; they
carry a daily-salted hash, never an IP address, and are purged after STATS_RETENTION_DAYS.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from chiangkhian.thaidates import format_date

from .querysets import DailyPageStatsQuerySet, DailySatisfactionQuerySet, DailySiteStatsQuerySet

# The path of the website as a whole: the site-wide survey rates it.
WHOLE_SITE = ""


class DailySiteStats(models.Model):
    """Page views and unique visitors of the whole website on one day."""

    date = models.DateField(_("date"), unique=True)
    views = models.PositiveIntegerField(_("page views"), default=0)
    visitors = models.PositiveIntegerField(_("visitors"), default=0)

    objects = DailySiteStatsQuerySet.as_manager()

    class Meta:
        ordering = ["-date"]
        verbose_name = _("daily website statistics")
        verbose_name_plural = _("daily website statistics")

    def __str__(self):
        return f"{format_date(self.date, 'short')}: {self.visitors}"


class DailyPageStats(models.Model):
    """Page views and unique visitors of one page on one day (path without language prefix)."""

    date = models.DateField(_("date"))
    path = models.CharField(_("page"), max_length=255)
    views = models.PositiveIntegerField(_("page views"), default=0)
    visitors = models.PositiveIntegerField(_("visitors"), default=0)

    objects = DailyPageStatsQuerySet.as_manager()

    class Meta:
        ordering = ["-date", "path"]
        verbose_name = _("daily page statistics")
        verbose_name_plural = _("daily page statistics")
        constraints = [models.UniqueConstraint(fields=["date", "path"], name="unique_page_day")]

    def __str__(self):
        return f"{format_date(self.date, 'short')} {self.path}: {self.views}"


class Score(models.IntegerChoices):
    # The five levels of the usual Thai satisfaction scale, most satisfied first.
    VERY_HIGH = 5, _("Very high")
    HIGH = 4, _("High")
    MODERATE = 3, _("Moderate")
    LOW = 2, _("Low")
    VERY_LOW = 1, _("Very low")


class SurveyResponse(models.Model):
    """One visitor's answer to the site survey or to "was this page useful?" on one day."""

    created_at = models.DateTimeField(_("answered at"), auto_now_add=True)
    date = models.DateField(_("date"), db_index=True)
    path = models.CharField(
        _("page"), max_length=255, blank=True, help_text=_("Empty: the website as a whole.")
    )
    score = models.PositiveSmallIntegerField(_("satisfaction"), choices=Score.choices)
    comment = models.TextField(_("comment"), blank=True)
    # A daily-salted hash of the connection: the same visitor on the same day, nobody else,
    # and unlinkable once the day's salt has expired.
    visitor = models.CharField(_("visitor (daily pseudonym)"), max_length=64)

    class Meta:
        ordering = ["-date", "-created_at"]
        verbose_name = _("survey response")
        verbose_name_plural = _("survey responses and comments")
        constraints = [
            models.UniqueConstraint(
                fields=["date", "path", "visitor"], name="one_response_per_visitor_page_day"
            ),
            models.CheckConstraint(
                condition=models.Q(score__gte=1, score__lte=5), name="score_from_1_to_5"
            ),
        ]

    def __str__(self):
        return f"{format_date(self.date, 'short')} {self.path or '/'}: {self.score}"


class DailySatisfaction(models.Model):
    """How many responses gave one score to one page on one day: kept after the purge."""

    date = models.DateField(_("date"))
    path = models.CharField(_("page"), max_length=255, blank=True)
    score = models.PositiveSmallIntegerField(_("satisfaction"), choices=Score.choices)
    responses = models.PositiveIntegerField(_("responses"), default=0)

    objects = DailySatisfactionQuerySet.as_manager()

    class Meta:
        ordering = ["-date", "path", "-score"]
        verbose_name = _("daily satisfaction")
        verbose_name_plural = _("daily satisfaction")
        constraints = [
            models.UniqueConstraint(
                fields=["date", "path", "score"], name="unique_satisfaction_day"
            )
        ]

    def __str__(self):
        return (
            f"{format_date(self.date, 'short')} {self.path or '/'} {self.score}: {self.responses}"
        )


class Report(DailySiteStats):
    """The back-office reports (a proxy, so the admin lists them and a permission guards them)."""

    class Meta:
        proxy = True
        verbose_name = _("visitor and satisfaction report")
        verbose_name_plural = _("visitor and satisfaction reports")
        default_permissions = ()
        permissions = [("view_report", _("Can view visitor and satisfaction reports"))]
