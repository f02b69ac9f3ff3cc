"""Demo content for every category and subcategory of announcement section 1.

Idempotent: an item is found by its subcategory and Thai title, a detail by its item, a file
by its original name; rows (steps, documents, people) are replaced. Dates are relative to
today so the demo stays current. A few items are expired, withdrawn or still drafts, so the
boundary of live() can be seen. The Royal Gazette references are as commonly cited; a
municipality checks them against ratchakitcha.soc.go.th before going live.
"""

import datetime

from django.utils import timezone

from chiangkhian.models import Unit
from chiangkhian.thaidates import format_date

from . import demo_content as content
from .demo_files import make_pdf, make_photo, make_portrait
from .models import (
    Attachment,
    Item,
    ManualDocument,
    ManualStep,
    Person,
    Photo,
    Subcategory,
)

DAY = datetime.timedelta(days=1)


def load():
    now = timezone.now().replace(second=0, microsecond=0)
    subs = {sub.slug: sub for sub in Subcategory.objects.select_related("category")}
    units = {unit.code: unit for unit in Unit.objects.all()}
    for spec in content.ITEMS:
        _load_item(spec, subs, units, now)


def _load_item(spec, subs, units, now):
    spec = dict(spec)
    published = now - spec.pop("age", 10) * DAY
    lasts = spec.pop("lasts", 365)
    status = spec.pop("status", Item.Status.PUBLISHED)
    values = {
        "kind": spec.pop("kind"),
        "title_en": spec.pop("title_en", ""),
        "summary_th": spec.pop("summary", ""),
        "body_th": spec.pop("body", ""),
        "external_url": spec.pop("external_url", ""),
        "owner_unit": units.get(spec.pop("unit", "palat-office")),
        "source": spec.pop("source", ""),
        "data_from": spec.pop("data_from", published.date()),
        "data_to": spec.pop("data_to", None),
        "publish_at": published,
        "expire_at": published + lasts * DAY if lasts else None,
        "no_end_reason": spec.pop("no_end_reason", "" if lasts else "ข้อมูลพื้นฐานที่ใช้อยู่ตลอด"),
        "review_at": (published + 365 * DAY).date(),
        "status": status,
        "published_at": published if status != Item.Status.DRAFT else None,
    }
    if status == Item.Status.WITHDRAWN:
        values["withdrawn_at"] = now - 2 * DAY
        values["withdrawal_reason"] = spec.pop("withdrawal_reason")
    item, _ = Item.objects.update_or_create(
        subcategory=subs[spec.pop("sub")],
        title_th=spec.pop("title"),
        revision_of=None,
        defaults=values,
    )
    detail = spec.pop("detail", None)
    if detail:
        model, fields = detail
        model.objects.update_or_create(item=item, defaults=fields)
    _load_rows(item, spec)
    _load_files(item, spec, published)
    if spec:
        raise ValueError(f"Unknown demo keys for {item.title_th}: {sorted(spec)}")


def _load_rows(item, spec):
    for model, key in [(ManualStep, "steps"), (ManualDocument, "documents")]:
        rows = spec.pop(key, None)
        if rows is not None:
            model.objects.filter(item=item).delete()
            model.objects.bulk_create(
                model(item=item, order=order, **row) for order, row in enumerate(rows, start=1)
            )
    people = spec.pop("people", None)
    if people is not None:
        Person.objects.filter(item=item).delete()
        for order, row in enumerate(people, start=1):
            row = dict(row)
            portrait = _photo(item, f"portrait-{order}.jpg", make_portrait, row["name"], order)
            Person.objects.create(item=item, order=order, photo=portrait, **row)


def _load_files(item, spec, published):
    for index, (name, title, role, paragraphs, pages) in enumerate(spec.pop("files", [])):
        if not item.attachments.filter(original_name=name).exists():
            pdf = make_pdf(
                title,
                paragraphs,
                pages=pages,
                date_text=f"ประกาศ ณ วันที่ {format_date(published)}",
                signer=["(นายอินโพธิ์ หน่อแหวน)", "นายกเทศมนตรีตำบลเชียงเคี่ยน"],
            )
            Attachment.from_bytes(
                item=item, name=name, content=pdf, title_th=title, role=role, order=index
            )
    for index, (scene, alt, caption) in enumerate(spec.pop("photos", []), start=1):
        photo = _photo(item, f"photo-{index}.jpg", make_photo, alt, f"{item.pk}-{index}", scene)
        if photo.caption_th != caption:
            photo.caption_th = caption
            photo.save(update_fields=["caption_th"])


def _photo(item, name, maker, alt, seed, *args):
    existing = item.photos.filter(original_name=name).first()
    if existing:
        return existing
    order = item.photos.count()
    return Photo.from_bytes(
        item=item, name=name, content=maker(seed, *args), alt_th=alt, order=order
    )
