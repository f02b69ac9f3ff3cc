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
