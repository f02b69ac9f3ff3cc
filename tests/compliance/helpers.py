"""Small ORM helpers for the compliance tests (no factories)."""

import datetime
from zoneinfo import ZoneInfo

from django.utils import timezone

from catalog.models import Item, Subcategory

BANGKOK = ZoneInfo("Asia/Bangkok")
SECOND = datetime.timedelta(seconds=1)
DAY = datetime.timedelta(days=1)


def bangkok(*args):
    return datetime.datetime(*args, tzinfo=BANGKOK)


def subcategory(path):
    category, slug = path.split("/")
    return Subcategory.objects.get(category__slug=category, slug=slug)


def make_item(path="general/history", *, now=None, **fields):
    """A published item, live at `now` (default: the real now) unless fields say otherwise."""
    now = now or timezone.now()
    values = {
        "subcategory": subcategory(path),
        "kind": Item.Kind.DOCUMENT,
        "title_th": "ประวัติความเป็นมาเทศบาลตำบลทดสอบ",
        "source": "สำนักปลัดเทศบาล",
        "data_from": timezone.localdate(now) - 30 * DAY,
        "publish_at": now - DAY,
        "expire_at": now + 30 * DAY,
        "status": Item.Status.PUBLISHED,
    }
    values.update(fields)
    return Item.objects.create(**values)


def make_executives(*, now=None, photos=True, positions=None, **fields):
    """A live executives page with Person rows (name, position, phone and, if asked, a photo)."""
    from catalog.demo_files import make_portrait
    from catalog.models import Person, Photo

    positions = positions or ["นายกเทศมนตรี", "รองนายกเทศมนตรี"]
    item = make_item(
        "general/executives",
        now=now,
        kind=Item.Kind.PERSON,
        title_th=fields.pop("title_th", "คณะผู้บริหารเทศบาล"),
        **fields,
    )
    for order, position in enumerate(positions, start=1):
        photo = None
        if photos:
            photo = Photo.from_bytes(
                item=item, name=f"p{order}.jpg", content=make_portrait(order), alt_th=position
            )
        Person.objects.create(
            item=item,
            order=order,
            name=f"นายทดสอบ คนที่{order}",
            position=position,
            phone="053-000-111",
            photo=photo,
        )
    return item
