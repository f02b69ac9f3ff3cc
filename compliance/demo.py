"""Demo monitoring work for the webmasters of Chiang Khian (announcement section 3).

A few live items, dated relative to today, so that the completeness dashboard shows entries
satisfied, stale (last fiscal year's plan, a monthly summary three months old) and missing; the
review queue shows an item near the end of its period and one due for review; the link report
has one working and one broken address; the traffic log has a few days of requests.
Idempotent: items are found by subcategory and Thai title, link results by address, and the
traffic rows are added once.
"""

import datetime

from django.utils import timezone

from catalog.demo_parts import complete_item
from catalog.models import Item, Subcategory
from chiangkhian.models import Unit
from chiangkhian.thaidates import fiscal_year, fiscal_year_bounds, format_date
from compliance.models import LinkCheck, TrafficLog

DAY = datetime.timedelta(days=1)
DEMO_USER_AGENT = "Mozilla/5.0 (Linux; Android 14; demo) Chrome/124.0 Mobile"
DEAD_LINK = "http://www.thoeng-old-site.example/"


def _at(day, hour=9):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def load():
    now = timezone.now()
    today = timezone.localdate(now)
    year = fiscal_year(today)
    start, end = fiscal_year_bounds(year)
    last_start, last_end = fiscal_year_bounds(year - 1)
    units = {unit.code: unit for unit in Unit.objects.all()}
    items = {}
    for spec in _items(now, today, year, start, end, last_start, last_end):
        items[spec["title_th"]] = _item(units, **spec)
    _link_results(now, items)
    _traffic(now)
    return items


def _items(now, today, year, start, end, last_start, last_end):
    forever = {"expire_at": None, "no_end_reason": "ข้อมูลพื้นฐานของหน่วยงาน ทบทวนเป็นระยะ"}
    old_month = (today.replace(day=1) - 70 * DAY).replace(day=1)
    old_month_end = (old_month + 32 * DAY).replace(day=1) - DAY
    early_this_year = min(_at(start + 20 * DAY), now - DAY)
    return [
        dict(sub="general/history", kind="page", unit="palat-office",
             title_th="ประวัติความเป็นมาเทศบาลตำบลเชียงเคี่ยน",
             title_en="History of Chiang Khian Subdistrict Municipality",
             data_from=datetime.date(2019, 10, 1), publish_at=now - 400 * DAY,
             review_at=today + 10 * DAY, **forever),
        dict(sub="general/vision", kind="page", unit="palat-office",
             title_th="วิสัยทัศน์และพันธกิจ เทศบาลตำบลเชียงเคี่ยน",
             title_en="Vision and mission", data_from=last_start, publish_at=now - 300 * DAY,
             review_at=today + 200 * DAY, **forever),
        dict(sub="general/structure", kind="document", unit="palat-office",
             title_th="แผนผังโครงสร้างส่วนราชการเทศบาลตำบลเชียงเคี่ยน",
             title_en="Organisation chart", data_from=last_start, publish_at=now - 250 * DAY,
             review_at=today + 120 * DAY, **forever),
        dict(sub="general/executives", kind="person", unit="palat-office",
             title_th="คณะผู้บริหารเทศบาลตำบลเชียงเคี่ยน", title_en="The executives",
             data_from=last_start, publish_at=now - 250 * DAY, review_at=today + 90 * DAY,
             **forever),
        dict(sub="general/duties", kind="page", unit="palat-office",
             title_th="อำนาจหน้าที่ของเทศบาลตำบลตามพระราชบัญญัติเทศบาล พ.ศ. 2496",
             title_en="Duties under the Municipality Act B.E. 2496",
             data_from=last_start, publish_at=now - 250 * DAY, review_at=today + 300 * DAY,
             **forever),
        dict(sub="general/contact", kind="page", unit="palat-office",
             title_th="ข้อมูลการติดต่อและแผนที่สำนักงานเทศบาลตำบลเชียงเคี่ยน",
             title_en="Contacts and map", data_from=last_start, publish_at=now - 250 * DAY,
             review_at=today + 60 * DAY, **forever),
        dict(sub="general/budget", kind="document", unit="finance",
             title_th=f"เทศบัญญัติงบประมาณรายจ่ายประจำปีงบประมาณ พ.ศ. {year}",
             title_en=f"Annual budget ordinance, fiscal year {year}",
             data_from=start, data_to=end, publish_at=min(_at(start - 15 * DAY), now - DAY),
             expire_at=_at(end + 365 * DAY)),
        dict(sub="general/action-plan", kind="document", unit="palat-office",
             title_th=f"แผนการดำเนินงาน ประจำปีงบประมาณ พ.ศ. {year - 1}",
             title_en=f"Action plan, fiscal year {year - 1}",
             data_from=last_start, data_to=last_end, publish_at=_at(last_start + 30 * DAY),
             expire_at=now + 200 * DAY),
        dict(sub="public-info/procurement-summary", kind="document", unit="finance",
             title_th="สรุปผลการดำเนินการจัดซื้อจัดจ้าง (แบบ สขร.1) ประจำเดือน"
             f"{format_date(old_month, 'month')}",
             data_from=old_month, data_to=old_month_end, publish_at=_at(old_month_end + 5 * DAY),
             expire_at=now + 300 * DAY),
        dict(sub="news/jobs", kind="news", unit="palat-office",
             title_th="ประกาศรับสมัครบุคคลเพื่อสรรหาและเลือกสรรเป็นพนักงานจ้างตามภารกิจ "
             "ตำแหน่งผู้ช่วยนักวิชาการเงินและบัญชี",
             data_from=today - 10 * DAY, publish_at=now - 10 * DAY, expire_at=now + 5 * DAY),
        dict(sub="news/general-news", kind="news", unit="finance",
             title_th=f"ประชาสัมพันธ์การชำระภาษีที่ดินและสิ่งปลูกสร้าง ประจำปี {year}",
             data_from=today - 3 * DAY, publish_at=now - 3 * DAY, expire_at=now + 60 * DAY),
        dict(sub="links/agencies", kind="link", unit="palat-office",
             title_th="กรมส่งเสริมการปกครองท้องถิ่น", title_en="Department of Local Administration",
             external_url="https://www.dla.go.th/", data_from=last_start,
             publish_at=now - 200 * DAY, review_at=today + 180 * DAY, **forever),
        dict(sub="links/other-links", kind="link", unit="palat-office",
             title_th="เว็บไซต์ข่าวสารอำเภอเทิง (เว็บไซต์เดิม)", external_url=DEAD_LINK,
             data_from=last_start, publish_at=now - 200 * DAY, review_at=today + 180 * DAY,
             **forever),
        dict(sub="public-info/integrity", kind="document", unit="palat-office",
             title_th=f"ประกาศเจตนารมณ์ No Gift Policy จากการปฏิบัติหน้าที่ ประจำปีงบประมาณ พ.ศ. {year}",
             data_from=start, data_to=end, publish_at=early_this_year, expire_at=_at(end + DAY)),
        dict(sub="public-info/integrity", kind="document", unit="palat-office",
             title_th=f"แผนปฏิบัติการป้องกันการทุจริต ประจำปีงบประมาณ พ.ศ. {year - 1}",
             data_from=last_start, data_to=last_end, publish_at=_at(last_start + 15 * DAY),
             expire_at=now + 100 * DAY),
        dict(sub="sop/sop-manuals", kind="manual", unit="palat-office",
             title_th="คู่มือการปฏิบัติงานการรับเรื่องร้องเรียนร้องทุกข์",
             data_from=last_start, publish_at=now - 150 * DAY, review_at=today + 200 * DAY,
             **forever),
        dict(sub="services/service-manuals", kind="manual", unit="engineering",
             title_th="คู่มือสำหรับประชาชน: การขออนุญาตก่อสร้าง ดัดแปลง หรือรื้อถอนอาคาร",
             data_from=last_start, publish_at=now - 150 * DAY, review_at=today + 200 * DAY,
             **forever),
        dict(sub="laws/acts", kind="law", unit=None, source="ราชกิจจานุเบกษา",
             title_th="พระราชบัญญัติข้อมูลข่าวสารของราชการ พ.ศ. 2540",
             data_from=datetime.date(1997, 12, 9), publish_at=now - 500 * DAY,
             expire_at=None, no_end_reason="กฎหมายที่ใช้บังคับอยู่", review_at=today + 365 * DAY),
        dict(sub="laws/acts", kind="law", unit=None, source="ราชกิจจานุเบกษา",
             title_th="พระราชบัญญัติการจัดซื้อจัดจ้างและการบริหารพัสดุภาครัฐ พ.ศ. 2560",
             data_from=datetime.date(2017, 8, 23), publish_at=now - 500 * DAY,
             expire_at=None, no_end_reason="กฎหมายที่ใช้บังคับอยู่", review_at=today + 365 * DAY),
    ]  # fmt: skip


def _item(units, *, sub, unit, title_th, **fields):
    category_slug, sub_slug = sub.split("/")
    subcategory = Subcategory.objects.get(category__slug=category_slug, slug=sub_slug)
    fields.setdefault("source", "")
    item, _ = Item.objects.update_or_create(
        subcategory=subcategory,
        title_th=title_th,
        defaults={
            **fields,
            "owner_unit": units.get(unit),
            "status": Item.Status.PUBLISHED,
            "published_at": fields["publish_at"],
        },
    )
    item.full_clean()
    complete_item(item)
    return item


def _link_results(now, items):
    results = [
        ("https://www.dla.go.th/", True, 200, "", "กรมส่งเสริมการปกครองท้องถิ่น"),
        (DEAD_LINK, False, None, "[Errno -2] Name or service not known",
         "เว็บไซต์ข่าวสารอำเภอเทิง (เว็บไซต์เดิม)"),
    ]  # fmt: skip
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
    TrafficLog.objects.bulk_create(rows)
