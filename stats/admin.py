from django.contrib import admin
from django.contrib.admin.views.main import ChangeList
from django.core.exceptions import PermissionDenied
from django.http import QueryDict
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe

from chiangkhian.admin_base import BEDatesAdminMixin
from chiangkhian.dateinput import format_date_input
from chiangkhian.thaidates import format_date

from . import reports
from .forms import ReportForm
from .models import Report, SurveyResponse
from .pages import describe

REPORT_PERMISSION = "stats.view_report"


class ReadOnlyReportAdmin(BEDatesAdminMixin, admin.ModelAdmin):
    """Statistics are counted, never typed in: staff with the report permission only read."""

    def has_view_permission(self, request, obj=None):
        return request.user.has_perm(REPORT_PERMISSION)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Report)
class ReportAdmin(ReadOnlyReportAdmin):
    def get_urls(self):
        export = self.admin_site.admin_view(require_safe(self.export_view))
        return [path("export/", export, name="stats_report_export"), *super().get_urls()]

    def changelist_view(self, request, extra_context=None):
        form, rows = self._report(request)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": _("Visitor and satisfaction reports"),
            "form": form,
            "rows": rows,
            "total": reports.totals(rows) if rows is not None else None,
            "presets": _presets(),
            "query": request.GET.urlencode(),
            "comments_url": _comments_url(form),
        }
        return TemplateResponse(request, "admin/stats/report.html", context)

    def export_view(self, request):
        form, rows = self._report(request)
        if rows is None:
            return self.changelist_view(request)
        start, end = form.cleaned_data["date_from"], form.cleaned_data["date_to"]
        if request.GET.get("what") == "comments":
            return reports.comments_csv(start, end)
        return reports.report_csv(rows, form.cleaned_data["by"], start, end)

    def _report(self, request):
        if not self.has_view_permission(request):
            raise PermissionDenied
        data = request.GET if "date_from" in request.GET else _as_query(ReportForm.initial_period())
        form = ReportForm(data)
        if not form.is_valid():
            return form, None
        data = form.cleaned_data
        return form, reports.build(data["date_from"], data["date_to"], data["by"], data["path"])


def _as_query(values):
    query = QueryDict(mutable=True)
    for key, value in values.items():
        # Dates as the form reads them: 01/12/2569 in Thai.
        query[key] = format_date_input(value) if hasattr(value, "isoformat") else value
    return query


def _presets():
    """Quick periods: the last 30 days, this fiscal year (from 1 October), the last 12 months."""
    today = ReportForm.initial_period()["date_to"]
    fiscal_start = today.replace(month=10, day=1)
    if fiscal_start > today:
        fiscal_start = fiscal_start.replace(year=today.year - 1)
    year_ago = today.replace(day=1).replace(year=today.year - 1)
    periods = [
        (_("Last 30 days"), ReportForm.initial_period()["date_from"], "day"),
        (_("This fiscal year"), fiscal_start, "month"),
        (_("Last 12 months"), year_ago, "month"),
    ]
    return [
        (label, _as_query({"date_from": start, "date_to": today, "by": by}).urlencode())
        for label, start, by in periods
    ]


def _comments_url(form):
    url = reverse("admin:stats_surveyresponse_changelist")
    if not form.is_valid():
        return url
    start, end = form.cleaned_data["date_from"], form.cleaned_data["date_to"]
    return f"{url}?date__gte={start.isoformat()}&date__lte={end.isoformat()}"


class TitledChangeList(ChangeList):
    """The comments list names each page with one lookup for the whole list."""

    def get_results(self, request):
        super().get_results(request)
        self.result_list = list(self.result_list)
        titles = describe({answer.path for answer in self.result_list if answer.path})
        for answer in self.result_list:
            answer.page_title = titles.get(answer.path)


@admin.register(SurveyResponse)
class SurveyResponseAdmin(ReadOnlyReportAdmin):
    list_display = ["answered_on", "page", "score", "comment"]
    list_filter = ["score", ("date", admin.DateFieldListFilter)]
    search_fields = ["comment", "path"]
    fields = ["date", "path", "score", "comment"]
    list_per_page = 50

    @admin.display(description=_("date"), ordering="date")
    def answered_on(self, obj):
        return format_date(obj.date, "short")

    @admin.display(description=_("page"), ordering="path")
    def page(self, obj):
        if not obj.path:
            return _("The website as a whole")
        return getattr(obj, "page_title", None) or obj.path

    def get_changelist(self, request, **kwargs):
        return TitledChangeList

    def has_delete_permission(self, request, obj=None):
        # A comment is evidence of what citizens said: only a superuser removes one (e.g. abuse).
        return request.user.is_superuser
