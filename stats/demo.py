"""Demo statistics: a year of plausible daily visits and survey answers with Thai comments.

Idempotent: every number comes from a generator seeded by its date, and rows are written
by their natural keys (date, page, score; a fixed demo pseudonym for the answers), so a
second run on the same day writes the same values and adds nothing.
"""

import datetime
import random
from collections import Counter

from django.utils import timezone

from catalog.models import Item

from .models import WHOLE_SITE, DailyPageStats, DailySatisfaction, DailySiteStats, SurveyResponse

DAYS = 366
RECENT_DAYS = 60  # answers kept as rows (inside the 90-day retention); older days: tallies only

# Share of the day's visitors who open each page.
PAGES = [
    ("/", 0.80),
    ("/news/", 0.30),
    ("/news/general-news/", 0.22),
    ("/news/procurement/", 0.12),
    ("/general/", 0.16),
    ("/general/contact/", 0.11),
    ("/general/executives/", 0.07),
    ("/services/", 0.14),
    ("/services/forms/", 0.12),
    ("/public-info/", 0.09),
    ("/public-info/procurement-summary/", 0.06),
    ("/laws/", 0.05),
    ("/e-services/", 0.06),
    ("/knowledge/", 0.04),
    ("/statistics/", 0.05),
    ("/statistics/satisfaction/", 0.02),
]

COMMENTS = [
    "ข้อมูลครบถ้วน หาง่าย ขอบคุณค่ะ",
    "อยากให้ลงข่าวกิจกรรมของแต่ละหมู่บ้านบ่อยขึ้น",
    "ดาวน์โหลดแบบฟอร์มขออนุญาตก่อสร้างได้สะดวกมาก ไม่ต้องเดินทางไปเทศบาล",
    "ตัวอักษรอ่านง่ายบนมือถือ",
    "ควรแจ้งกำหนดชำระภาษีที่ดินและสิ่งปลูกสร้างให้เห็นชัดที่หน้าแรก",
    "ค้นหาประกาศจัดซื้อจัดจ้างย้อนหลังยังยากอยู่",
    "ขอบคุณที่ลงตารางวันเก็บขยะของแต่ละหมู่",
    "อยากให้มีช่องทางแจ้งไฟฟ้าส่องสว่างชำรุดทางออนไลน์",
    "เบอร์โทรศัพท์กองช่างควรปรับให้เป็นปัจจุบัน",
    "เว็บไซต์เปิดเร็ว ใช้งานง่าย",
    "ข้อมูลเบี้ยยังชีพผู้สูงอายุเป็นประโยชน์มากครับ",
    "อยากให้มีข้อมูลภาษาอังกฤษครบทุกหน้าสำหรับนักท่องเที่ยว",
    "",
    "",
    "",
]
SCORE_WEIGHTS = {5: 46, 4: 34, 3: 14, 2: 4, 1: 2}


def _season(day):
    """Busier when land and building tax is due (Feb–Apr) and at the fiscal year's start."""
    factor = {2: 1.25, 3: 1.35, 4: 1.15, 10: 1.15}.get(day.month, 1.0)
    if (day.month, day.day) in {(1, 1), (4, 13), (4, 14), (4, 15), (12, 31)}:
        factor *= 0.5  # New Year and Songkran
    return factor * (0.55 if day.weekday() >= 5 else 1.0)


def _visits(day, today, shares):
    rng = random.Random(f"visits-{day.isoformat()}")
    growth = 1 + 0.25 * (1 - (today - day).days / DAYS)
    visitors = round(150 * growth * _season(day) * rng.gauss(1, 0.12))
    if day == today:
        visitors = round(visitors * 0.4)  # the day is not over
    pages = {}
    for path, share in shares:
        page_visitors = max(0, round(visitors * share * rng.gauss(1, 0.2)))
        if page_visitors:
            pages[path] = (round(page_visitors * rng.uniform(1.05, 1.4)), page_visitors)
    views = sum(v for v, _u in pages.values())
    return max(visitors, 1), views, pages


def load():
    today = timezone.localdate()
    # Live items (if another loader published some) get their share of visits too.
    items = [item.get_absolute_url() for item in _live_items()]
    shares = PAGES + [(path, 0.03) for path in items]
    site_rows, page_rows = [], []
    for offset in range(DAYS):
        day = today - datetime.timedelta(days=offset)
        visitors, views, pages = _visits(day, today, shares)
        site_rows.append(DailySiteStats(date=day, views=views, visitors=visitors))
        page_rows += [
            DailyPageStats(date=day, path=path, views=v, visitors=u)
            for path, (v, u) in pages.items()
        ]
    _upsert(DailySiteStats, site_rows, ["date"], ["views", "visitors"])
    _upsert(DailyPageStats, page_rows, ["date", "path"], ["views", "visitors"])
    _load_survey(today, items)


def _live_items():
    return list(Item.objects.live().select_related("subcategory__category")[:8])


def _upsert(model, rows, keys, fields):
    model.objects.bulk_create(
        rows, batch_size=500, update_conflicts=True, unique_fields=keys, update_fields=fields
    )


def _load_survey(today, items):
    rated = ["/services/forms/", "/general/contact/", "/news/general-news/", *items]
    for n in range(45):
        rng = random.Random(f"answer-{n}")
        day = today - datetime.timedelta(days=rng.randrange(RECENT_DAYS))
        path = WHOLE_SITE if n % 3 == 0 else rng.choice(rated)
        SurveyResponse.objects.update_or_create(
            date=day,
            path=path,
            visitor=f"demo-{n:03d}",
            defaults={
                "score": rng.choices(list(SCORE_WEIGHTS), list(SCORE_WEIGHTS.values()))[0],
                "comment": rng.choice(COMMENTS),
            },
        )
    _load_tallies(today)


def _load_tallies(today):
    """Older days: a few answers a day; recent days: exactly the answers kept as rows."""
    recent = today - datetime.timedelta(days=RECENT_DAYS - 1)
    rows = []
    for offset in range(RECENT_DAYS, DAYS):
        day = today - datetime.timedelta(days=offset)
        rng = random.Random(f"tally-{day.isoformat()}")
        scores = Counter(
            rng.choices(list(SCORE_WEIGHTS), list(SCORE_WEIGHTS.values()), k=rng.randrange(4))
        )
        rows += [
            DailySatisfaction(date=day, path=WHOLE_SITE, score=s, responses=n)
            for s, n in scores.items()
        ]
    answers = Counter(
        SurveyResponse.objects.filter(date__gte=recent).values_list("date", "path", "score")
    )
    rows += [
        DailySatisfaction(date=day, path=path, score=score, responses=n)
        for (day, path, score), n in answers.items()
    ]
    _upsert(DailySatisfaction, rows, ["date", "path", "score"], ["responses"])
