"""Plausible typed details and files for a demo item that was written with its common fields only.

The workflow's and the monitoring's demo loaders create items through their own paths
(a publication request, a checklist scenario); this gives each item what its kind needs to be
complete (Item.completeness_errors), as a real published item must be. Idempotent.
"""

import datetime

from django.utils import timezone

from chiangkhian.thaidates import format_date

from .demo_files import make_pdf, make_photo
from .details import (
    KnowledgeDetail,
    LawDetail,
    LinkDetail,
    ManualDetail,
    ManualStep,
    NewsDetail,
    ProcurementDetail,
)
from .models import Item
from .uploads import Attachment, Photo

STEPS = [
    ("รับเรื่องและตรวจสอบความครบถ้วนของเอกสาร", 30, "minutes"),
    ("พิจารณาและเสนอผู้มีอำนาจลงนาม", 3, "working_days"),
    ("แจ้งผลให้ผู้ยื่นคำขอทราบ", 1, "working_days"),
]
NEWS_KINDS = {
    "jobs": NewsDetail.NewsKind.JOB,
    "activities": NewsDetail.NewsKind.ACTIVITY,
    "alerts": NewsDetail.NewsKind.ALERT,
}


def complete_item(item):
    """Add the detail, steps, files or photos the item's kind needs (nothing if it has them)."""
    unit = item.owner_unit.name_th if item.owner_unit else item.source
    starts = item.data_from or timezone.localdate()
    if item.kind == Item.Kind.DOCUMENT and not item.attachments.exists():
        day = item.document_date or item.data_from or timezone.localdate()
        paragraphs = [p for p in [item.summary_th, *item.body_th.split("\n\n")] if p.strip()]
        pdf = make_pdf(
            item.title_th, paragraphs or [item.title_th], date_text=f"ลงวันที่ {format_date(day)}"
        )
        Attachment.from_bytes(item=item, name="document.pdf", content=pdf, title_th=item.title_th)
    elif item.kind == Item.Kind.NEWS:
        _news(item)
    elif item.kind == Item.Kind.LINK:
        LinkDetail.objects.get_or_create(
            item=item, defaults={"agency": item.title_th, "url": item.external_url or "/"}
        )
    elif item.kind == Item.Kind.LAW:
        LawDetail.objects.get_or_create(
            item=item,
            defaults={
                "issuer": item.source or "รัฐสภา",
                "enacted_on": starts,
                "reference_note": "สำเนาต้นฉบับ ณ กองคลัง เทศบาลตำบลเชียงเคี่ยน",
            },
        )
    elif item.kind == Item.Kind.KNOWLEDGE:
        KnowledgeDetail.objects.get_or_create(
            item=item,
            defaults={"citation": item.source or unit, "data_at": item.publish_at},
        )
    elif item.kind == Item.Kind.MANUAL:
        _manual(item, unit)
    elif item.kind == Item.Kind.PROCUREMENT:
        _procurement(item, starts)


def _news(item):
    news_kind = NEWS_KINDS.get(item.subcategory.slug, NewsDetail.NewsKind.GENERAL)
    apply_until = None
    if news_kind == NewsDetail.NewsKind.JOB:
        end = item.expire_at or timezone.now() + datetime.timedelta(days=14)
        apply_until = timezone.localdate(end)
    NewsDetail.objects.get_or_create(
        item=item, defaults={"news_kind": news_kind, "apply_until": apply_until}
    )
    if news_kind == NewsDetail.NewsKind.ACTIVITY and not item.photos.exists():
        for index, scene in enumerate(["field", "river"], start=1):
            Photo.from_bytes(
                item=item,
                name=f"photo-{index}.jpg",
                content=make_photo(f"{item.pk}-{index}", scene),
                alt_th=f"ภาพกิจกรรม {item.title_th} ภาพที่ {index}",
                order=index,
            )


def _manual(item, unit):
    citizen = item.subcategory.category.slug == "services"
    ManualDetail.objects.get_or_create(
        item=item,
        defaults={
            "manual_type": ManualDetail.ManualType.CITIZEN
            if citizen
            else ManualDetail.ManualType.SOP,
            "responsible_unit": unit,
            "fee": 0 if citizen else None,
        },
    )
    for order, (text, amount, unit_of_time) in enumerate(STEPS, start=1):
        ManualStep.objects.get_or_create(
            item=item,
            order=order,
            defaults={
                "description_th": text,
                "responsible_unit": unit,
                "duration_amount": amount,
                "duration_unit": unit_of_time,
            },
        )


def _procurement(item, starts):
    result = item.subcategory.slug == "procurement-results"
    ProcurementDetail.objects.get_or_create(
        item=item,
        defaults={
            "stage": ProcurementDetail.Stage.RESULT
            if result
            else ProcurementDetail.Stage.ANNOUNCEMENT,
            "method": ProcurementDetail.Method.E_BIDDING,
            "budget": 1_250_000,
            "announced_on": starts,
            "winner": "ห้างหุ้นส่วนจำกัด เทิงก่อสร้าง" if result else "",
            "agreed_price": 1_198_000 if result else None,
        },
    )
