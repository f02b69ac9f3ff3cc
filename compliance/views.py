import csv

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

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


def ita_evidence(request):
    """The evidence for auditors as a printable page: every indicator with its public URLs."""
    context = _ita_report()
    if not context["ita"]:
        raise Http404
    context["evidence"] = _evidence(request, context["report"])
    return render(request, "compliance/ita_evidence.html", context)


def ita_evidence_csv(request):
    """The same evidence as CSV, UTF-8 with a byte-order mark so that Excel shows Thai."""
    context = _ita_report()
    if not context["ita"]:
        raise Http404
    year = context["fiscal_year"]
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="ita-{year}-evidence.csv"'
    response.write("\ufeff")
    writer = csv.writer(response)
    writer.writerow(
        [_("Fiscal year"), _("Code"), _("Indicator"), _("Status"), _("Title"), _("URL")]
        + [_("Publication date"), _("Responsible unit")]
    )
    for row, links in _evidence(request, context["report"]):
        start = [year, row.entry.short_code, row.entry.name, row.status_label]
        for item, url in links or [(None, "")]:
            if item is None:
                writer.writerow(start + ["", "", "", ""])
                continue
            unit = item.owner_unit.name if item.owner_unit else item.source
            cells = [item.title, url, format_date(item.publish_at, "short"), unit]
            writer.writerow(start + [_cell(value) for value in cells])
    return response


def _cell(value):
    # A title typed as "=HYPERLINK(...)" must stay text when an auditor opens the file in Excel.
    return f"'{value}" if str(value).startswith(("=", "+", "-", "@", "\t", "\r")) else value


def _evidence(request, report):
    """[(entry status, [(item, absolute public URL)])] for every indicator."""
    return [
        (row, [(item, request.build_absolute_uri(item.get_absolute_url())) for item in _shown(row)])
        for row in report.statuses
    ]
