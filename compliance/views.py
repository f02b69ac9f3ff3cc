from django.http import Http404
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from chiangkhian.models import Municipality
from chiangkhian.spreadsheets import csv_response
from chiangkhian.thaidates import fiscal_year, format_date

from . import checklist
from .status import PUBLIC_LABELS, Status, build_report

# Items listed per indicator on the public page; the evidence export lists them all.
ITEMS_PER_INDICATOR = 10


def _ita_report():
    now = timezone.now()
    year = fiscal_year(timezone.localdate(now))
    ita = checklist.ita_checklist(year)
    # The frame shows the profile anyway: read it once for the page and the feature checks.
    municipality = Municipality.current()
    report = build_report([ita], now=now, municipality=municipality) if ita else None
    return {
        "fiscal_year": year,
        "ita": ita,
        "report": report,
        "now": now,
        "municipality": municipality,
        "summary": _summary(report),
    }


def _summary(report):
    if report is None:
        return []
    return [(value, PUBLIC_LABELS[value], report.count(value)) for value in Status.values]


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
        start = [year, row.entry.short_code, row.entry.name, row.public_label]
        for link in links or [{"title": "", "url": "", "published": None, "unit": ""}]:
            published = format_date(link["published"], "short") if link["published"] else ""
            lines.append(start + [link["title"], link["url"], published, link["unit"]])
    return csv_response(f"ita-{year}-evidence.csv", header, lines)


def _evidence(request, report):
    """[(entry status, [link])] for every indicator: site features first, then the items."""
    evidence = []
    for row in report.statuses:
        links = [
            {
                "title": str(feature.label),
                "url": request.build_absolute_uri(finding.url) if finding.url else "",
                "published": None,
                "unit": "",
            }
            for feature, finding in row.present_features
        ]
        links += [
            {
                "title": item.title,
                "url": request.build_absolute_uri(item.get_absolute_url()),
                "published": item.publish_at,
                "unit": item.owner_unit.name if item.owner_unit else item.source,
            }
            for item in _shown(row)
        ]
        evidence.append((row, links))
    return evidence
