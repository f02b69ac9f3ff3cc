from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.urls import path
from django.utils import timezone
from django.utils.html import format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe

from chiangkhian.admin_base import BEDatesAdminMixin
from chiangkhian.thaidates import fiscal_year, format_date

from . import checklist, digest
from .exports import TrafficLogExportForm, traffic_log_csv
from .models import LinkCheck, Monitoring, ReviewDigest, TrafficLog
from .status import Status, build_report


class ReadOnlyAdmin(BEDatesAdminMixin, admin.ModelAdmin):
    """Records the system writes; nobody, superusers included, adds, changes or deletes them."""

    actions = None

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def get_readonly_fields(self, request, obj=None):
        return self.fields or []


@admin.register(Monitoring)
class MonitoringAdmin(ReadOnlyAdmin):
    """The completeness dashboard (3.3) and the items near their end or review date (3.2)."""

    def get_urls(self):
        # Only these two pages: the model has no table, so no change or history views.
        view = self.admin_site.admin_view
        return [
            path(
                "",
                view(require_safe(self.changelist_view)),
                name="compliance_monitoring_changelist",
            ),
            path("due/", view(require_safe(self.due_view)), name="compliance_due"),
        ]

    def _context(self, request, **extra):
        if not self.has_view_permission(request):
            raise PermissionDenied
        return {**self.admin_site.each_context(request), "opts": self.model._meta, **extra}

    def changelist_view(self, request, extra_context=None):
        now = timezone.now()
        year = fiscal_year(timezone.localdate(now))
        report = build_report(checklist.current_checklists(year), now=now)
        source = request.GET.get("source") if request.GET.get("source") in checklist.SOURCES else ""
        status = request.GET.get("status") if request.GET.get("status") in Status.values else ""
        context = self._context(
            request,
            title=_("Completeness dashboard"),
            report=report,
            rows=report.filtered(source=source, status=status),
            source=source,
            status=status,
            sources=checklist.SOURCES,
            statuses=Status.choices,
            fiscal_year=year,
            ita=checklist.ita_checklist(year),
            due_count=sum(len(items) for items in digest.due_items(now)),
            broken_count=LinkCheck.objects.broken().count(),
        )
        return TemplateResponse(request, "admin/compliance/dashboard.html", context)

    def due_view(self, request):
        ending, review = digest.due_items()
        context = self._context(
            request,
            title=_("Items near the end of publication or due for review"),
            ending=ending,
            review=review,
            days=digest.review_window().days,
        )
        return TemplateResponse(request, "admin/compliance/due.html", context)


@admin.register(LinkCheck)
class LinkCheckAdmin(ReadOnlyAdmin):
    list_display = ["url", "ok", "result", "used_in", "checked", "failing"]
    list_filter = ["ok"]
    search_fields = ["url"]
    fields = ["url", "ok", "status_code", "error", "method", "checked_at", "failing_since", "items"]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("items__subcategory__category")

    @admin.display(description=_("result"))
    def result(self, obj):
        return obj.result

    @admin.display(description=_("used in"))
    def used_in(self, obj):
        return format_html_join(
            mark_safe("<br>"),
            '<a href="{}">{}</a>',
            ((item.get_absolute_url(), item.title) for item in obj.items.all()),
        )

    @admin.display(description=_("checked at"), ordering="checked_at")
    def checked(self, obj):
        return format_date(obj.checked_at, "datetime")

    @admin.display(description=_("failing since"), ordering="failing_since")
    def failing(self, obj):
        return format_date(obj.failing_since, "datetime")


@admin.register(ReviewDigest)
class ReviewDigestAdmin(ReadOnlyAdmin):
    list_display = ["day_be", "sent", "ending_count", "review_count", "recipients"]
    fields = ["day", "sent_at", "recipients", "ending_count", "review_count", "subject", "body"]

    @admin.display(description=_("day"), ordering="day")
    def day_be(self, obj):
        return format_date(obj.day, "short")

    @admin.display(description=_("sent at"), ordering="sent_at")
    def sent(self, obj):
        return format_date(obj.sent_at, "datetime")


@admin.register(TrafficLog)
class TrafficLogAdmin(ReadOnlyAdmin):
    list_display = ["time_with_zone", "ip", "method", "path", "status", "username", "size"]
    list_filter = ["method", "status"]
    search_fields = ["ip", "path", "username"]
    show_full_result_count = False  # the log is large; counting it on every page is not free
    fields = ["time_with_zone", "ip", "method", "path", "status", "user_agent", "user_id"]
    fields += ["username", "size"]

    change_list_template = "admin/compliance/trafficlog/change_list.html"

    @admin.display(description=_("time"), ordering="at")
    def time_with_zone(self, obj):
        # To the second and with the offset, as evidence needs; the year in the reader's era.
        at = timezone.localtime(obj.at)
        offset = at.strftime("%z")
        return f"{format_date(at, 'short')} {at:%H:%M:%S} UTC{offset[:3]}:{offset[3:]}"

    def get_urls(self):
        export = self.admin_site.admin_view(self.export_view)
        return [path("export/", export, name="compliance_trafficlog_export"), *super().get_urls()]

    def export_view(self, request):
        """Announcement 3.4: officials hand over the traffic data of a period, as CSV."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        form = TrafficLogExportForm(request.GET or None)
        if form.is_valid():
            return traffic_log_csv(*form.bounds())
        context = {
            **self.admin_site.each_context(request),
            "title": _("Export the traffic log"),
            "form": form,
            "opts": self.model._meta,
        }
        return TemplateResponse(request, "admin/compliance/trafficlog/export.html", context)
