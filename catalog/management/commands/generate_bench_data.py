"""Thai news items in bulk for `make bench` (deploy/bench.py): never for a real site.

The items are made through the models (Item and NewsDetail, bulk-created), published and live,
in the general news listing. Their text mixes common municipal words so that a search word
occurs inside longer compounds, as in real Thai text: ประเมินผล appears in about four items
of ten (การประเมินผลการปฏิบัติงาน, ผลการประเมินผล...). A second run reuses what is there.
"""

import datetime
import random

from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.utils import timezone

from catalog import fragments, search
from catalog.models import Item, NewsDetail, SearchDocument, Subcategory

SOURCE = "ชุดข้อมูลทดสอบความเร็ว (make bench)"
BATCH = 2000
SUBJECTS = [
    "โครงการพัฒนาคุณภาพชีวิตผู้สูงอายุ",
    "การประชุมประชาคมหมู่บ้าน",
    "กิจกรรมรณรงค์ป้องกันไข้เลือดออก",
    "การซ่อมแซมถนนสายหลักในตำบล",
    "โครงการอบรมอาสาสมัครป้องกันภัยฝ่ายพลเรือน",
    "การจัดเก็บภาษีที่ดินและสิ่งปลูกสร้าง",
    "กิจกรรมวันเด็กแห่งชาติ",
    "โครงการคัดแยกขยะต้นทาง",
    "การตรวจสุขภาพประจำปีของประชาชน",
    "โครงการส่งเสริมอาชีพกลุ่มแม่บ้าน",
]
ASSESSMENT = [
    "การประเมินผลการปฏิบัติงาน",
    "รายงานผลการประเมินผลโครงการ",
    "การติดตามและประเมินผลแผนพัฒนาท้องถิ่น",
    "แบบประเมินผลความพึงพอใจ",
]
FILLER = [
    "เทศบาลตำบลเชียงเคี่ยนขอเชิญชวนประชาชนเข้าร่วมกิจกรรม",
    "ณ ห้องประชุมสำนักงานเทศบาล",
    "โดยมีนายกเทศมนตรีเป็นประธานในพิธี",
    "ผู้สนใจสอบถามรายละเอียดเพิ่มเติมได้ที่กองสาธารณสุขและสิ่งแวดล้อม",
    "ทั้งนี้เพื่อประโยชน์สุขของประชาชนในพื้นที่",
    "ตามแผนพัฒนาท้องถิ่น พ.ศ. 2566-2570",
]


class Command(BaseCommand):
    help = "Create N live Thai news items for benchmarks (reuses those already made)."

    def add_arguments(self, parser):
        parser.add_argument("--items", type=int, default=10000)

    def handle(self, *args, items, **options):
        sub = Subcategory.objects.filter(category__slug="news", slug="general-news").first()
        if sub is None:
            raise CommandError("Load the demo first (manage.py load_demo): no general news.")
        have = Item.objects.filter(source=SOURCE).count()
        rng = random.Random(have)
        now = timezone.now()
        for start in range(have, items, BATCH):
            with transaction.atomic():
                self._batch(sub, rng, now, start, min(BATCH, items - start))
        fragments.changed()  # bulk_create sends no post_save
        if connection.vendor == "postgresql" and items > have:
            # Fresh planner statistics: before autovacuum gets to 100,000 new rows, PostgreSQL
            # plans the listing's queries as for an empty table (seconds instead of ms).
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        total = Item.objects.filter(source=SOURCE).count()
        self.stdout.write(f"{total} benchmark items ({max(0, items - have)} new).")

    def _batch(self, sub, rng, now, start, count):
        made = []
        for number in range(start, start + count):
            published = now - datetime.timedelta(minutes=7 * number + 60)
            words = [rng.choice(FILLER) for _ in range(rng.randint(4, 8))]
            if rng.random() < 0.4:
                words.insert(rng.randrange(len(words) + 1), rng.choice(ASSESSMENT))
            paragraphs = [" ".join(words[i : i + 2]) for i in range(0, len(words), 2)]
            made.append(
                Item(
                    subcategory=sub,
                    kind=Item.Kind.NEWS,
                    title_th=f"{rng.choice(SUBJECTS)} ครั้งที่ {number + 1}",
                    summary_th=" ".join(words[:2]),
                    body_th="\n\n".join(paragraphs),
                    source=SOURCE,
                    data_from=published.date(),
                    publish_at=published,
                    published_at=published,
                    review_at=(published + datetime.timedelta(days=365)).date(),
                    no_end_reason="ข่าวประชาสัมพันธ์ทั่วไป",
                    status=Item.Status.PUBLISHED,
                )
            )
        Item.objects.bulk_create(made)
        NewsDetail.objects.bulk_create(
            NewsDetail(item=item, news_kind=NewsDetail.NewsKind.GENERAL) for item in made
        )
        SearchDocument.objects.bulk_create(
            SearchDocument(
                item=item,
                title=search.fold(item.title_th),
                text=search.fold(f"{item.title_th} {item.summary_th} {item.body_th}"),
            )
            for item in made
        )
