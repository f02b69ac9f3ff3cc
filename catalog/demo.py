"""Demo content for every category and subcategory of announcement section 1.

Idempotent: an item is found by its subcategory and Thai title, a detail by its item, a file
by its original name; rows (steps, documents, people) are replaced. Dates are relative to
today so the demo stays current. A few items are expired, withdrawn or still drafts, so the
boundary of live() can be seen. The Royal Gazette references are as commonly cited; a
municipality checks them against ratchakitcha.soc.go.th before going live.
"""

import datetime

from django.utils import timezone, translation
from django.utils.html import escape, strip_tags

from chiangkhian.models import Unit
from chiangkhian.thaidates import format_date

from . import demo_calendar
from . import demo_content as content
from .demo_files import make_pdf, make_photo, make_portrait
from .models import (
    Attachment,
    Item,
    ManualDocument,
    ManualStep,
    Person,
    Photo,
    ProcurementBid,
    Subcategory,
)

DAY = datetime.timedelta(days=1)


SIGNER = ["(นายอินโพธิ์ หน่อแหวน)", "นายกเทศมนตรีตำบลเชียงเคี่ยน"]


def load():
    now = timezone.now().replace(second=0, microsecond=0)
    subs = {sub.slug: sub for sub in Subcategory.objects.select_related("category")}
    units = {unit.code: unit for unit in Unit.objects.all()}
    for spec in [*content.ITEMS, *demo_calendar.ITEMS]:
        _load_item(spec, subs, units, now)


def _published(spec, now):
    day = spec.pop("published", None)
    if day is None:
        return now - spec.pop("age", 10) * DAY
    spec.pop("age", None)
    moment = timezone.make_aware(datetime.datetime.combine(day, datetime.time(9, 30)))
    return min(moment, now - datetime.timedelta(hours=1))


def _load_item(spec, subs, units, now):
    spec = dict(spec)
    published = _published(spec, now)
    lasts = spec.pop("lasts", 365)
    status = spec.pop("status", Item.Status.PUBLISHED)
    text = spec.pop("text", None)
    values = {
        "kind": spec.pop("kind"),
        "title_en": spec.pop("title_en", ""),
        "summary_th": spec.pop("summary", ""),
        "body_th": spec.pop("body", "") or _html(text),
        "external_url": spec.pop("external_url", ""),
        "owner_unit": units.get(spec.pop("unit", "palat-office")),
        "source": spec.pop("source", ""),
        "data_from": spec.pop("data_from", published.date()),
        "data_to": spec.pop("data_to", None),
        "document_date": spec.pop("document_date", None),
        "publish_at": published,
        "expire_at": published + lasts * DAY if lasts else None,
        "no_end_reason": spec.pop("no_end_reason", "" if lasts else "ข้อมูลพื้นฐานที่ใช้อยู่ตลอด"),
        "review_at": (now + 180 * DAY).date(),
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
    _load_files(item, spec, text)
    if spec:
        raise ValueError(f"Unknown demo keys for {item.title_th}: {sorted(spec)}")


def _html(paragraphs):
    return "".join(f"<p>{escape(paragraph)}</p>" for paragraph in paragraphs or [])


def _load_rows(item, spec):
    for model, key in [
        (ManualStep, "steps"),
        (ManualDocument, "documents"),
        (ProcurementBid, "bids"),
    ]:
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


def _load_files(item, spec, text):
    signer = spec.pop("signer", False)
    signer = SIGNER if signer is True else signer or None
    plain = spec.pop("pdf_plain", False)
    for index, (name, title, role, paragraphs) in enumerate(spec.pop("files", [])):
        if item.attachments.filter(original_name=name).exists():
            continue
        title = title or item.title_th
        paragraphs = paragraphs or text or _paragraphs_of(item)
        day = item.document_date or timezone.localdate(item.publish_at)
        date_text = "" if plain or role == "form" else f"ลงวันที่ {format_date(day)}"
        pdf = make_pdf(title, paragraphs, date_text=date_text, signer=signer)
        Attachment.from_bytes(
            item=item, name=name, content=pdf, title_th=title, role=role, order=index
        )
    for index, (scene, alt, caption) in enumerate(spec.pop("photos", []), start=1):
        photo = _photo(item, f"photo-{index}.jpg", make_photo, alt, f"{item.pk}-{index}", scene)
        if photo.caption_th != caption:
            photo.caption_th = caption
            photo.save(update_fields=["caption_th"])


def _paragraphs_of(item):
    """The text of an item that has no paragraphs of its own: its summary, body, steps, people."""
    with translation.override("th"):
        return _text_of(item)


def _text_of(item):
    paragraphs = [item.summary_th] if item.summary_th else []
    paragraphs += [p for p in strip_tags(item.body_th.replace("</p>", "\n")).split("\n") if p]
    for order, step in enumerate(item.manual_steps.all(), start=1):
        paragraphs.append(
            f"ขั้นตอนที่ {order} {step.description_th} ผู้รับผิดชอบ {step.responsible_unit}"
            f" ระยะเวลา {step.duration}"
        )
    documents = ", ".join(f"{d.name_th} {d.copies} ฉบับ" for d in item.manual_documents.all())
    if documents:
        paragraphs.append(f"เอกสารที่ต้องใช้: {documents}")
    for person in item.people.all():
        paragraphs.append(
            f"{person.name} ตำแหน่ง {person.position} {person.unit} โทร {person.phone}"
        )
    return paragraphs or [item.title_th]


def _photo(item, name, maker, alt, seed, *args):
    existing = item.photos.filter(original_name=name).first()
    if existing:
        return existing
    order = item.photos.count()
    return Photo.from_bytes(
        item=item, name=name, content=maker(seed, *args), alt_th=alt, order=order
    )
