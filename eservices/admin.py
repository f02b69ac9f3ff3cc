"""The back office of e-services: services (set up by webmasters) and cases (the queue).

Cases change only through eservices.transitions (the action pages of eservices.staff); the
admin shows them read-only. Personal data appears only on the case page, only for its
handlers, and each showing is recorded.
"""

from django.contrib import admin
from django.db.models import Count, Q
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from chiangkhian.thaidates import format_date

from . import access, staff
from .models import Case, PersonalDataView, Service

PUBLIC_FIELDS = [
    "code",
    "service",
    "status",
    "unit",
    "assignee",
    "topic",
    "subject",
    "description",
    "place",
    "latitude",
    "longitude",
    "accused",
    "received_at",
    "due_on",
    "closed_at",
    "referred_to",
    "rating",
]


class OverdueFilter(admin.SimpleListFilter):
    """The Palat's overview: the open cases past their due date."""

    title = _("deadline")
    parameter_name = "overdue"

    def lookups(self, request, model_admin):
        return [("yes", _("Overdue")), ("no", _("On time or closed"))]

    def queryset(self, request, queryset):
        overdue = queryset.model.objects.overdue().values("pk")
        if self.value() == "yes":
            return queryset.filter(pk__in=overdue)
        if self.value() == "no":
            return queryset.exclude(pk__in=overdue)
        return queryset


@admin.register(Service)
class ServiceAdmin(admin.ModelAdmin):
    list_display = ["name_th", "kind", "unit", "default_days", "is_online", "cases_public"]
    list_filter = ["kind", "is_online"]
    prepopulated_fields = {"slug": ["name_en"]}
    raw_id_fields = ["manual"]


@admin.register(Case)
class CaseAdmin(admin.ModelAdmin):
    list_display = ["code", "service", "subject", "status", "unit", "due", "received"]
    list_filter = [OverdueFilter, "status", "service", "unit"]
    list_select_related = ["service", "unit"]
    search_fields = ["code", "subject"]
    fields = PUBLIC_FIELDS
    readonly_fields = PUBLIC_FIELDS
    change_list_template = "admin/eservices/case/change_list.html"
    change_form_template = "admin/eservices/case/change_form.html"

    def get_queryset(self, request):
        # Not super(): it orders by get_ordering() before the annotation exists.
        return Case.objects.visible_to(request.user).queue_order()

    def get_ordering(self, request):
        return ["late", "due_on", "pk"]  # the annotation of queue_order(): overdue first

    def get_urls(self):
        act = self.admin_site.admin_view(staff.act)
        case_file = self.admin_site.admin_view(staff.case_file)
        return [
            path("<int:pk>/act/<str:action>/", act, name="eservices_case_act"),
            path("<int:pk>/file/<int:file_pk>/", case_file, name="eservices_case_file"),
        ] + super().get_urls()

    @admin.display(description=_("due on"), ordering="due_on")
    def due(self, obj):
        text = format_date(obj.due_on, "short")
        return f"⚠ {text} ({_('Overdue')})" if obj.is_overdue() else text

    @admin.display(description=_("received at"), ordering="received_at")
    def received(self, obj):
        return format_date(obj.received_at, "short")

    def changelist_view(self, request, extra_context=None):
        today = timezone.localdate()
        counts = Case.objects.visible_to(request.user).aggregate(
            received=Count("pk", filter=Q(status=Case.Status.RECEIVED)),
            in_progress=Count("pk", filter=Q(status=Case.Status.IN_PROGRESS)),
            waiting=Count("pk", filter=Q(status=Case.Status.WAITING)),
            overdue=Count("pk", filter=Q(status__in=Case.OPEN, due_on__lt=today)),
        )
        return super().changelist_view(request, {**(extra_context or {}), "counts": counts})

    def change_view(self, request, object_id, form_url="", extra_context=None):
        case = self.get_object(request, object_id)
        extra = {}
        if case is not None:
            extra = {
                "case": case,
                "personal": access.personal_data(request.user, case),
                "may_handle": access.may_handle(request.user, case),
                "actions": staff.available_actions(request.user, case),
                "steps": case.steps.select_related("by", "unit"),
                "files": case.files.all() if access.may_handle(request.user, case) else [],
            }
        return super().change_view(request, object_id, form_url, {**(extra_context or {}), **extra})

    def has_add_permission(self, request):
        return False  # cases come from citizens, through the public forms

    def has_change_permission(self, request, obj=None):
        return False  # changed only through the transitions

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(PersonalDataView)
class PersonalDataViewAdmin(admin.ModelAdmin):
    """The record of each showing of a citizen's personal data to staff (read-only)."""

    list_display = ["seen_at", "case", "seen", "by"]
    list_select_related = ["case", "by"]
    date_hierarchy = "at"
    search_fields = ["case__code", "by__username", "by__first_name", "by__last_name"]

    @admin.display(description=_("at"), ordering="at")
    def seen_at(self, obj):
        return format_date(obj.at, "datetime")

    @admin.display(description=_("what was seen"))
    def seen(self, obj):
        return obj.what or _("contact details")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
