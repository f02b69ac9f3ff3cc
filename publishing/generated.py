"""Publication requests the site drafts itself: the procurement reports made from its records.

The files are generated from live procurement results (publishing/procurement.py); the
request is then filed by the staff member who asked for it, like one they typed in, and goes
through check, approval and publishing as any other (announcement 2.2: a report made by the
software is still published only on an official's approval).
"""

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.html import escape
from django.utils.translation import gettext as _

from catalog.models import Attachment, Item, Subcategory
from chiangkhian.models import User
from chiangkhian.thaidates import buddhist_year

from . import procurement, transitions
from .models import PublicationRequest

MONTHLY_LISTING = ("public-info", "procurement-summary")
YEAR_LISTING = ("public-info", "procurement-report")
SOURCE = "ประกาศผลการจัดซื้อจัดจ้างที่เผยแพร่บนเว็บไซต์ (สร้างโดยระบบ)"
NO_END = "รายงานตามประกาศคณะกรรมการข้อมูลข่าวสารของราชการ เก็บไว้ให้ประชาชนตรวจดู"
REMARKS = "สร้างโดยระบบจากข้อมูลประกาศผลการจัดซื้อจัดจ้างที่เผยแพร่แล้ว โปรดตรวจไฟล์ก่อนส่งตรวจสอบ"


def file_monthly_summary(*, year: int, month: int, by: User) -> PublicationRequest:
    """File a draft request publishing the สขร.1 of a month (Gregorian year) as PDF and Excel."""
    summary = procurement.monthly_summary(year, month)
    name = f"sor-kor-ror-1-{buddhist_year(summary.first_day)}-{month:02d}"
    lines = [procurement.monthly_total_text(summary)] if summary.rows else []
    return _file(
        listing=MONTHLY_LISTING,
        title=summary.title,
        summary=procurement.monthly_total_text(summary)
        if summary.rows
        else procurement.NO_PROCUREMENT,
        body=[row.item.title_th for row in summary.rows] + lines,
        period=(summary.first_day, summary.last_day),
        files=[
            (f"{name}.pdf", procurement.monthly_pdf(summary)),
            (f"{name}.xlsx", procurement.monthly_xlsx(summary)),
        ],
        by=by,
    )


def file_year_report(*, fiscal_year: int, by: User) -> PublicationRequest:
    """File a draft request publishing the fiscal year's procurement report (ITA O12)."""
    report = procurement.year_report(fiscal_year)
    name = f"procurement-report-{fiscal_year}"
    return _file(
        listing=YEAR_LISTING,
        title=report.title,
        summary=procurement.year_total_text(report),
        body=[
            f"{line.label}: {line.count} โครงการ {procurement.money(line.agreed)} บาท"
            for line in report.lines
        ],
        period=report.bounds,
        files=[
            (f"{name}.pdf", procurement.year_pdf(report)),
            (f"{name}.xlsx", procurement.year_xlsx(report)),
        ],
        by=by,
    )


def _file(*, listing, title, summary, body, period, files, by):
    category, slug = listing
    subcategory = Subcategory.objects.get(category__slug=category, slug=slug)
    if not by.unit_id:
        raise transitions.WorkflowError(_("Give the requesting unit."))
    now = timezone.now()
    item = Item(
        subcategory=subcategory,
        kind=Item.Kind.DOCUMENT,
        title_th=title,
        summary_th=summary,
        body_th="".join(f"<p>{escape(line)}</p>" for line in body),
        owner_unit=by.unit,
        source=SOURCE,
        data_from=period[0],
        data_to=period[1],
        document_date=timezone.localdate(now),
        publish_at=now,
        review_at=timezone.localdate(now) + datetime.timedelta(days=365),
        no_end_reason=NO_END,
    )
    with transaction.atomic():
        pr = PublicationRequest(item=item, unit=by.unit)
        pr.remarks = REMARKS
        pr = transitions.file_request(publication_request=pr, by=by)
        for order, (name, content) in enumerate(files):
            Attachment.from_bytes(
                item=pr.item, name=name, content=content, title_th=title, order=order
            )
    return pr
