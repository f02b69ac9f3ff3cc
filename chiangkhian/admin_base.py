import datetime

from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.db import models
from django.http import Http404
from django.utils import formats, timezone
from simple_history.admin import SimpleHistoryAdmin
from simple_history.template_utils import HistoricalRecordContextHelper

from .dateinput import BEDateField, BEDateTimeField, BEDateTimeWidget, BEDateWidget

# Every date and date-time input of the back office: typed and picked in the Buddhist Era in
# Thai (Django's admin widgets read 01/12/2569 as the year 2569 C.E.). Admins and inlines that
# set their own formfield_overrides start from this dict.
BE_DATE_FIELDS = {
    models.DateTimeField: {"form_class": BEDateTimeField, "widget": BEDateTimeWidget},
    models.DateField: {"form_class": BEDateField, "widget": BEDateWidget},
}


class BEDatesAdminMixin:
    """For admins and inlines that are not AuditedAdmin (read-only reports, inlines)."""

    formfield_overrides = BE_DATE_FIELDS


class LocalizedHistoryHelper(HistoricalRecordContextHelper):
    """History pages show a changed date as the rest of the admin does (B.E. in Thai).

    django-simple-history writes str(value): 2026-12-01 10:20:04.334+00:00, in UTC and C.E.
    """

    def prepare_delta_change_value(self, change, value):
        value = super().prepare_delta_change_value(change, value)
        if isinstance(value, (datetime.date, datetime.time)):
            return formats.localize(timezone.template_localtime(value))
        return value


class AuditedAdmin(BEDatesAdminMixin, SimpleHistoryAdmin):
    """An admin whose history is evidence: it can be read, never written back.

    django-simple-history's version page saves a POST with only the view permission, which
    would let read-only staff rewrite (or re-publish) content around the workflow; and its
    history pages read the history table directly, around get_queryset()'s per-user limits.
    """

    def get_historical_record_context_helper(self, request, historical_record):
        return LocalizedHistoryHelper(self.model, historical_record)

    def history_view(self, request, object_id, extra_context=None):
        self._require_visible(request, object_id)
        return super().history_view(request, object_id, extra_context)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        if request.method != "GET":
            raise PermissionDenied
        self._require_visible(request, object_id)
        return super().history_form_view(request, object_id, version_id, extra_context)

    def _require_visible(self, request, object_id):
        if not self.get_queryset(request).filter(pk=unquote(object_id)).exists():
            raise Http404
