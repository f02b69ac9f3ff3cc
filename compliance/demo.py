"""Demo monitoring work for the webmasters of Chiang Khian (announcement section 3).

The content itself is the catalog demo's (one item per document, no copies here). This adds
what monitoring finds on it: an old link that broke, the link report (one working and one
broken address), a page due for review soon, and a few days of the traffic log. The catalog
demo already leaves the checklist an entry of each status (last year's internal-control report
is not out yet, so that entry is stale; the municipality's own e-services are missing).
Idempotent: items are found by subcategory and Thai title, link results by address, and the
traffic rows are added once.
"""

import datetime

from django.utils import timezone

from catalog.demo_parts import complete_item
from catalog.models import Item, Subcategory
from chiangkhian.models import Unit
from compliance.models import LinkCheck, TrafficLog

DAY = datetime.timedelta(days=1)
DEMO_USER_AGENT = "Mozilla/5.0 (Linux; Android 14; demo) Chrome/124.0 Mobile"
DEAD_LINK = "http://www.thoeng-old-site.example/"
DEAD_TITLE = "เว็บไซต์ข่าวสารอำเภอเทิง (เว็บไซต์เดิม)"
LIVE_TITLE = "กรมส่งเสริมการปกครองท้องถิ่น"


def load():
    now = timezone.now()
    today = timezone.localdate(now)
    items = {DEAD_TITLE: _dead_link(now, today)}
    items[LIVE_TITLE] = Item.objects.get(
        subcategory__slug="agencies", title_th=LIVE_TITLE, revision_of=None
    )
    # The history page is due for its yearly review in ten days (3.2: keep it current).
    Item.objects.filter(subcategory__slug="history", revision_of=None).update(
        review_at=today + 10 * DAY
    )
    _link_results(now, items)
    _traffic(now)
    return items


def _dead_link(now, today):
    item, _ = Item.objects.update_or_create(
        subcategory=Subcategory.objects.get(category__slug="links", slug="other-links"),
        title_th=DEAD_TITLE,
        revision_of=None,
        defaults={
            "kind": Item.Kind.LINK,
            "external_url": DEAD_LINK,
            "owner_unit": Unit.objects.filter(code="palat-office").first(),
            "source": "",
            "data_from": datetime.date(2024, 10, 1),
            "publish_at": now - 200 * DAY,
            "expire_at": None,
            "no_end_reason": "ลิงก์หน่วยงานที่ตรวจสอบทุกปี",
            "review_at": today + 180 * DAY,
            "status": Item.Status.PUBLISHED,
            "published_at": now - 200 * DAY,
        },
    )
    item.full_clean()
    complete_item(item)
    return item


def _link_results(now, items):
    results = [
        ("https://www.dla.go.th/", True, 200, "", LIVE_TITLE),
        (DEAD_LINK, False, None, "[Errno -2] Name or service not known", DEAD_TITLE),
    ]
    for url, ok, status_code, error, title in results:
        check, _ = LinkCheck.objects.update_or_create(
            url=url,
            defaults={
                "ok": ok,
                "status_code": status_code,
                "error": error,
                "method": "GET" if not ok else "HEAD",
                "checked_at": now - datetime.timedelta(hours=3),
                "failing_since": None if ok else now - 4 * DAY,
            },
        )
        check.items.set([items[title]])


def _traffic(now):
    if TrafficLog.objects.filter(user_agent=DEMO_USER_AGENT).exists():
        return
    paths = ["/", "/news/", "/news/general-news/", "/general/history/", "/ita/", "/en/"]
    rows = [
        TrafficLog(
            at=now - datetime.timedelta(hours=5 * index + 1),
            ip=f"203.0.113.{10 + index % 7}",
            method="GET",
            path=paths[index % len(paths)],
            status=200,
            user_agent=DEMO_USER_AGENT,
            size=18_000 + 250 * index,
        )
        for index in range(16)
    ]
    rows.append(
        TrafficLog(
            at=now - datetime.timedelta(hours=2),
            ip="198.51.100.24",
            method="POST",
            path="/admin/login/?next=/admin/",
            status=302,
            user_agent=DEMO_USER_AGENT,
            username="khwanwipa",
            size=0,
        )
    )
    # Through the chain (a bare bulk_create would leave the rows outside it), oldest first.
    TrafficLog.objects.append(sorted(rows, key=lambda row: row.at))
