"""Small helpers for the statistics tests: a real browser's request, items, flushed counts."""

import datetime
import html
import re

from django.utils import timezone

from catalog.models import Item, Subcategory
from stats import buffer
from stats.models import DailyPageStats, DailySiteStats

FIREFOX = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0"
PHONE = (
    "Mozilla/5.0 (Linux; Android 14; SM-A546E) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/126.0 Mobile Safari/537.36"
)
GOOGLEBOT = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"


BEACON = re.compile(r'<img class="visit-beacon" src="([^"]+)"')


def visit(client, url, agent=FIREFOX, ip="203.0.113.7", **extra):
    """Open a page as a browser does: the page, then the visit beacon it carries."""
    headers = {"HTTP_USER_AGENT": agent, "REMOTE_ADDR": ip, **extra}
    response = client.get(url, **headers)
    found = BEACON.search(response.content.decode(errors="replace"))
    if found and response.get("Content-Type", "").startswith("text/html"):
        client.get(html.unescape(found.group(1)), **headers)
    return response


def make_item(title="ประกาศกำหนดการชำระภาษีที่ดินและสิ่งปลูกสร้าง", **fields):
    now = timezone.now()
    values = {
        "subcategory": Subcategory.objects.get(slug="general-news"),
        "kind": Item.Kind.NEWS,
        "title_th": title,
        "title_en": "Land and building tax payment schedule",
        "source": "กองคลัง",
        "data_from": datetime.date(2026, 1, 1),
        "publish_at": now - datetime.timedelta(days=1),
        "expire_at": now + datetime.timedelta(days=30),
        "status": Item.Status.PUBLISHED,
    }
    values.update(fields)
    return Item.objects.create(**values)


def flushed():
    """Flush the buffer; {path: (views, visitors)} of today's pages and the site's row."""
    buffer.flush()
    today = timezone.localdate()
    pages = {
        row.path: (row.views, row.visitors) for row in DailyPageStats.objects.filter(date=today)
    }
    site = DailySiteStats.objects.filter(date=today).first()
    return pages, (site.views, site.visitors) if site else (0, 0)
