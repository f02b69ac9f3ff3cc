from django.http import Http404
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from chiangkhian.spreadsheets import csv_response
from chiangkhian.thaidates import fiscal_year, format_date

from . import checklist
from .status import build_report

# Items listed per indicator on the public page; the evidence export lists them all.
ITEMS_PER_INDICATOR = 10


def _ita_report():
    now = timezone.now()
    year = fiscal_year(timezone.localdate(now))
    ita = checklist.ita_checklist(year)
    report = build_report([ita], now=now) if ita else None
    return {"fiscal_year": year, "ita": ita, "report": report, "now": now}


@require_safe
def ita(request):
    """The ITA / OIT page of the current fiscal year, generated from live items."""
    context = _ita_report()
    statuses = context["report"].statuses if context["report"] else []
    context["indicators"] = [
        (row, _shown(row)[:ITEMS_PER_INDICATOR], max(0, len(_shown(row)) - ITEMS_PER_INDICATOR))
        for row in statuses
    ]
    return render(request, "compliance/ita.html", context)


def _shown(row):
    # What answers the indicator now; an indicator gone stale still shows its latest items.
    return row.evidence or row.items


@require_safe
def ita_evidence(request):
    """The evidence for auditors as a printable page: every indicator with its public URLs."""
    context = _ita_report()
    if not context["ita"]:
        raise Http404
    context["evidence"] = _evidence(request, context["report"])
    return render(request, "compliance/ita_evidence.html", context)


@require_safe
def ita_evidence_csv(request):
    """The same evidence as CSV, for auditors who work in Excel."""
    context = _ita_report()
    if not context["ita"]:
        raise Http404
    year = context["fiscal_year"]
    header = [_("Fiscal year"), _("Code"), _("Indicator"), _("Status"), _("Title"), _("URL")]
    header += [_("Publication date"), _("Responsible unit")]
    lines = []
    for row, links in _evidence(request, context["report"]):
        start = [year, row.entry.short_code, row.entry.name, row.status_label]
        for item, url in links or [(None, "")]:
            if item is None:
                lines.append(start + ["", "", "", ""])
                continue
            unit = item.owner_unit.name if item.owner_unit else item.source
            lines.append(start + [item.title, url, format_date(item.publish_at, "short"), unit])
    return csv_response(f"ita-{year}-evidence.csv", header, lines)


def _evidence(request, report):
    """[(entry status, [(item, absolute public URL)])] for every indicator."""
    return [
        (row, [(item, request.build_absolute_uri(item.get_absolute_url())) for item in _shown(row)])
        for row in report.statuses
    ]
