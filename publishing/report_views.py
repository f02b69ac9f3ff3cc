"""The back-office page that drafts a procurement report request from the records (issue 13)."""

import datetime

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.views.decorators import staff_member_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from chiangkhian.thaidates import fiscal_year, format_date, format_fiscal_year

from . import generated, transitions
from .models import PublicationRequest

MONTHS_OFFERED = 18


class ProcurementReportForm(forms.Form):
    MONTHLY, YEAR = "monthly", "year"
    report = forms.ChoiceField(
        label=gettext_lazy("Report"),
        choices=[
            (MONTHLY, gettext_lazy("Monthly summary (form สขร.1, ITA O11)")),
            (YEAR, gettext_lazy("Fiscal-year report (ITA O12)")),
        ],
        widget=forms.RadioSelect,
        initial=MONTHLY,
    )
    month = forms.ChoiceField(label=gettext_lazy("Month"), required=False)
    fiscal_year = forms.TypedChoiceField(
        label=gettext_lazy("Fiscal year"), coerce=int, required=False
    )

    def __init__(self, *args, today=None, **kwargs):
        super().__init__(*args, **kwargs)
        today = today or timezone.localdate()
        index = today.year * 12 + today.month - 1
        months = [divmod(index - back, 12) for back in range(1, MONTHS_OFFERED + 1)]
        self.fields["month"].choices = [
            (f"{year}-{month + 1:02d}", format_date(_first(year, month + 1), "month"))
            for year, month in months
        ]
        current = fiscal_year(today)
        self.fields["fiscal_year"].choices = [
            (year, format_fiscal_year(year)) for year in range(current - 1, current - 4, -1)
        ]

    def clean(self):
        data = super().clean()
        if data.get("report") == self.MONTHLY and not data.get("month"):
            self.add_error("month", _("Choose the month."))
        if data.get("report") == self.YEAR and not data.get("fiscal_year"):
            self.add_error("fiscal_year", _("Choose the fiscal year."))
        return data


def _first(year, month):
    return datetime.date(year, month, 1)


@staff_member_required
@require_http_methods(["GET", "HEAD", "POST"])
def procurement_reports(request):
    """Draft a request that publishes a procurement report generated from the records."""
    if not request.user.has_perm("publishing.add_publicationrequest"):
        raise PermissionDenied
    form = ProcurementReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            pr = _generate(form.cleaned_data, request.user)
        except transitions.WorkflowError as error:
            messages.error(request, error.message)
        else:
            messages.success(
                request,
                _("The report is filed as a draft request with its files: check and submit it."),
            )
            return redirect(pr)
    context = {
        **admin.site.each_context(request),
        "title": _("Procurement reports from the records"),
        "form": form,
        "opts": PublicationRequest._meta,
    }
    return render(request, "publishing/procurement_reports.html", context)


def _generate(data, user):
    if data["report"] == ProcurementReportForm.MONTHLY:
        year, month = (int(part) for part in data["month"].split("-"))
        return generated.file_monthly_summary(year=year, month=month, by=user)
    return generated.file_year_report(fiscal_year=data["fiscal_year"], by=user)
