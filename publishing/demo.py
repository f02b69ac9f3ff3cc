"""Demo publication requests in every state, so the demo back office shows full queues.

Each request is filed and moved by the real transition functions (history, status changes
and inbox notifications as in real use; e-mails muted), then its timestamps are spread over
the past days so the queues show realistic waiting times. Idempotent: a request whose title
is already there is left as it is.
"""

import datetime

from django.db.models import F
from django.utils import timezone

from catalog.demo_parts import complete_item
from catalog.models import Attachment, Item, Photo, Subcategory
from chiangkhian.models import Unit, User

from . import notify, transitions
from .models import Notification, PublicationRequest, StatusChange

Status = PublicationRequest.Status
DAY = datetime.timedelta(days=1)

# title, subcategory slug, kind, owner unit code, summary, final status, extra
SCENARIOS = [
    (
        "ประกาศเทศบาลตำบลเชียงเคี่ยน เรื่อง การชำระภาษีที่ดินและสิ่งปลูกสร้าง ประจำปี พ.ศ. 2569",
        "general-news",
        Item.Kind.NEWS,
        "finance",
        "ผู้มีหน้าที่เสียภาษีที่ดินและสิ่งปลูกสร้างโปรดชำระภายในเดือนเมษายน 2569 "
        "ณ กองคลัง สำนักงานเทศบาลตำบลเชียงเคี่ยน ในวันและเวลาราชการ",
        Status.PUBLISHED,
        {},
    ),
    (
        "กิจกรรมปลูกต้นไม้ริมฝั่งแม่น้ำอิง เนื่องในวันต้นไม้ประจำปีของชาติ",
        "activities",
        Item.Kind.NEWS,
        "public-health",
        "คณะผู้บริหาร พนักงานเทศบาล และประชาชนตำบลเชียงเคี่ยน ร่วมปลูกต้นไม้กว่า 500 ต้น ริมฝั่งแม่น้ำอิง หมู่ที่ 4",
        Status.PUBLISHED,
        {"webmaster": "morakot"},
    ),
    (
        "คู่มือสำหรับประชาชน: การขออนุญาตก่อสร้างอาคาร",
        "service-manuals",
        Item.Kind.MANUAL,
        "engineering",
        "ขั้นตอน ระยะเวลา และเอกสารที่ใช้ในการขออนุญาตก่อสร้างอาคารตามพระราชบัญญัติควบคุมอาคาร พ.ศ. 2522",
        Status.PUBLISHED,
        {"revision": "ปรับปรุงระยะเวลาพิจารณาคำขอจาก 45 วัน เหลือ 30 วัน ตามประกาศฉบับใหม่"},
    ),
    (
        "แจ้งเตือนภัย: ระวังน้ำป่าไหลหลากและดินโคลนถล่ม หมู่ที่ 3 และหมู่ที่ 7",
        "alerts",
        Item.Kind.NEWS,
        "palat-office",
        "ฝนตกหนักต่อเนื่อง ขอให้ประชาชนที่อยู่อาศัยริมลำห้วยเฝ้าระวังและติดตามประกาศ"
        "ของเทศบาลอย่างใกล้ชิด โทรแจ้งเหตุ 053-795-123 ตลอด 24 ชั่วโมง",
        Status.PUBLISHED,
        {"verbal": True},
    ),
    (
        "ประกาศรับสมัครบุคคลเพื่อสรรหาเป็นพนักงานจ้างตามภารกิจ ตำแหน่งผู้ช่วยเจ้าพนักงานการเงินและบัญชี",
        "jobs",
        Item.Kind.DOCUMENT,
        "palat-office",
        "รับสมัครตั้งแต่วันที่ 1–15 ของเดือนถัดไป ณ สำนักปลัดเทศบาล",
        Status.APPROVED,
        {},
    ),
    (
        "รายงานการติดตามและประเมินผลแผนพัฒนาท้องถิ่น ประจำปีงบประมาณ พ.ศ. 2569 (รอบเดือนตุลาคม)",
        "reports",
        Item.Kind.DOCUMENT,
        "palat-office",
        "สรุปผลการดำเนินงานตามแผนพัฒนาท้องถิ่น ประจำปีงบประมาณ พ.ศ. 2568",
        Status.CHECKED,
        {},
    ),
    (
        "สรุปผลการจัดซื้อจัดจ้าง ประจำเดือนตุลาคม 2568",
        "procurement-summary",
        Item.Kind.PROCUREMENT,
        "finance",
        "แบบ สขร.1 สรุปผลการดำเนินการจัดซื้อจัดจ้างในรอบเดือนตุลาคม 2568",
        Status.SUBMITTED,
        {},
    ),
    (
        "แผนการจัดซื้อจัดจ้าง ประจำปีงบประมาณ พ.ศ. 2569",
        "procurement-plan",
        Item.Kind.PROCUREMENT,
        "finance",
        "แผนการจัดซื้อจัดจ้างประจำปีงบประมาณ พ.ศ. 2569 ของเทศบาลตำบลเชียงเคี่ยน",
        Status.RETURNED,
        {},
    ),
    (
        "เชิญชวนชำระค่าธรรมเนียมเก็บขนขยะมูลฝอย ประจำปี 2569",
        "general-news",
        Item.Kind.NEWS,
        "public-health",
        "ชำระได้ที่กองคลัง หรือผ่านแอปพลิเคชันธนาคารตามคิวอาร์โค้ดในประกาศ",
        Status.DRAFT,
        {},
    ),
    (
        "โปรโมชันร้านค้าวัสดุก่อสร้างในเขตเทศบาล",
        "general-news",
        Item.Kind.NEWS,
        "finance",
        "ร้านค้าเอกชนขอประชาสัมพันธ์ส่วนลดสินค้าผ่านเว็บไซต์เทศบาล",
        Status.REJECTED,
        {},
    ),
    (
        "ประกาศสอบราคาจ้างซ่อมแซมถนนคอนกรีตเสริมเหล็ก หมู่ที่ 5",
        "procurement",
        Item.Kind.PROCUREMENT,
        "engineering",
        "ประกาศสอบราคาจ้างซ่อมแซมถนนคอนกรีตเสริมเหล็ก สายบ้านเชียงเคี่ยน หมู่ที่ 5",
        Status.WITHDRAWN,
        {},
    ),
    (
        "ประกาศรับสมัครเด็กเข้าเรียนศูนย์พัฒนาเด็กเล็กเทศบาลตำบลเชียงเคี่ยน ปีการศึกษา 2568",
        "general-news",
        Item.Kind.NEWS,
        "education",
        "รับสมัครเด็กอายุ 2–3 ปี ณ ศูนย์พัฒนาเด็กเล็กเทศบาลตำบลเชียงเคี่ยน",
        Status.EXPIRED,
        # Filed about a month ago, online for a few days before its period ended.
        {"age": 24},
    ),
]

# The steps each final status needs, in order.
STEPS = {
    Status.DRAFT: [],
    Status.SUBMITTED: ["submit"],
    Status.RETURNED: ["submit", "return"],
    Status.CHECKED: ["submit", "check"],
    Status.APPROVED: ["submit", "check", "approve"],
    Status.REJECTED: ["submit", "check", "reject"],
    Status.PUBLISHED: ["submit", "check", "approve", "publish"],
    Status.WITHDRAWN: ["submit", "check", "approve", "publish", "withdraw"],
    Status.EXPIRED: ["submit", "check", "approve", "publish", "expire"],
}


def load():
    people = {user.username: user for user in User.objects.filter(is_staff=True)}
    with notify.emails_muted():
        for order, scenario in enumerate(SCENARIOS):
            title = scenario[0]
            existing = PublicationRequest.objects.filter(
                item__title_th=title, item__revision_of__isnull=True
            ).first()
            pr = existing or _play(scenario, people, age=len(SCENARIOS) - order)
            revision = scenario[6].get("revision")
            if revision and not PublicationRequest.objects.filter(item__revision_of=pr.item):
                _revise(pr, people, revision)


def _play(scenario, people, age):
    title, subcategory, kind, owner, summary, status, extra = scenario
    age = extra.get("age", age)
    extra = {**extra, "age": age}
    now = timezone.now()
    # When it was filed once every _shift below has moved it into the past. The requester
    # asks for publication from that day: "as soon as it is approved".
    filed = now - DAY * age * (len(STEPS[status]) / 4 + 1 / 8)
    item = Item(
        subcategory=Subcategory.objects.get(slug=subcategory),
        kind=kind,
        title_th=title,
        summary_th=summary,
        body_th=f"{summary}\n\nสอบถามรายละเอียดเพิ่มเติม โทร 053-795-123 ในวันและเวลาราชการ",
        owner_unit=Unit.objects.get(code=owner),
        source=Unit.objects.get(code=owner).name_th,
        data_from=(filed - datetime.timedelta(days=10)).date(),
        publish_at=filed,
        expire_at=now + datetime.timedelta(days=180),
    )
    requester = people["somporn"]
    pr = PublicationRequest(item=item, unit=requester.unit, remarks=_remarks(status))
    pr = transitions.file_request(publication_request=pr, by=requester)
    complete_item(pr.item)  # the requester adds the detail and files on the draft
    for step in STEPS[status]:
        _shift(pr, DAY * age / 4)
        _STEP[step](pr, people, extra)
        pr.refresh_from_db()
    _shift(pr, DAY * age / 8)  # and it has waited in its queue since
    return pr


def _remarks(status):
    if status == Status.REJECTED:
        return "ร้านค้าขอความอนุเคราะห์ประชาสัมพันธ์"
    return "ขอเผยแพร่ตามประกาศมาตรการเผยแพร่ข้อมูลต่อสาธารณะ ข้อ 2.2.1"


def _approve(pr, people, extra):
    if extra.get("verbal"):
        # Urgent (2.2.1): the Palat approved by phone; the head of office recorded it.
        transitions.approve(
            publication_request=pr,
            by=people["thitaporn"],
            mode=PublicationRequest.ApprovalMode.VERBAL,
            approver=people["arthitaya"],
            given_at=timezone.now() - datetime.timedelta(minutes=20),
            note="ปลัดอนุมัติทางโทรศัพท์ เนื่องจากเป็นเหตุเร่งด่วน",
        )
    else:
        transitions.approve(publication_request=pr, by=people["arthitaya"])


def _expire(pr, people, extra):
    # Its period ended shortly before take_down_expired recorded it, which the last _shift
    # of _play moves age/8 days into the past; it went online (publish_at) days before.
    ended = timezone.now() - DAY * extra["age"] / 8 - datetime.timedelta(minutes=10)
    Item.objects.filter(pk=pr.item_id).update(expire_at=ended)
    transitions.expire(item=pr.item)


_STEP = {
    "submit": lambda pr, people, extra: transitions.submit(publication_request=pr, by=pr.requester),
    "check": lambda pr, people, extra: transitions.check(
        publication_request=pr, by=people["thitaporn"], note="ข้อมูลถูกต้องครบถ้วน"
    ),
    "return": lambda pr, people, extra: transitions.return_to_requester(
        publication_request=pr,
        by=people["thitaporn"],
        note="โปรดแนบแผนฉบับที่ผู้บริหารลงนามแล้ว และระบุช่วงเวลาของข้อมูลให้ครบถ้วน",
    ),
    "approve": _approve,
    "reject": lambda pr, people, extra: transitions.reject(
        publication_request=pr,
        by=people["arthitaya"],
        reason=PublicationRequest.RejectionReason.NOT_MISSION,
        note="เป็นการโฆษณาของเอกชน ไม่เกี่ยวข้องกับภารกิจของเทศบาล",
    ),
    "publish": lambda pr, people, extra: transitions.publish(
        publication_request=pr, by=people[extra.get("webmaster", "khwanwipa")]
    ),
    "withdraw": lambda pr, people, extra: transitions.withdraw(
        publication_request=pr,
        by=people["khwanwipa"],
        reason="ยกเลิกการสอบราคาตามหนังสือสั่งการ เนื่องจากได้รับงบประมาณไม่ครบถ้วน",
    ),
    "expire": _expire,
}


def _revise(pr, people, change):
    """A change to live content in progress: filed and submitted, waiting for the checker."""
    revision = transitions.start_revision(item=pr.item, by=people["somporn"], remarks=change)
    revision.item.summary_th = f"{revision.item.summary_th} ({change})"
    transitions.save_draft(publication_request=revision, by=people["somporn"])
    transitions.submit(publication_request=revision, by=people["somporn"])
    _shift(revision, DAY)


def _shift(pr, delta):
    """Move everything recorded so far about the request `delta` into the past."""
    PublicationRequest.objects.filter(pk=pr.pk).update(
        created_at=F("created_at") - delta,
        status_changed_at=F("status_changed_at") - delta,
    )
    for name in ["submitted_at", "checked_at", "approved_at", "verbal_given_at", "published_at"]:
        PublicationRequest.objects.filter(pk=pr.pk, **{f"{name}__isnull": False}).update(
            **{name: F(name) - delta}
        )
    # Its publication date is when it went online (publish()): it moves with that moment.
    Item.objects.filter(pk=pr.item_id, published_at__isnull=False).update(
        published_at=F("published_at") - delta, publish_at=F("publish_at") - delta
    )
    StatusChange.objects.filter(request=pr).update(at=F("at") - delta)
    Notification.objects.filter(request=pr).update(created=F("created") - delta)
    pr.history.update(history_date=F("history_date") - delta)
    pr.item.history.update(history_date=F("history_date") - delta)
    pr.item.history.filter(published_at__isnull=False).update(
        published_at=F("published_at") - delta, publish_at=F("publish_at") - delta
    )
    # The filed form lists the files as they were when it was published (their history).
    for model in (Attachment, Photo):
        model.history.filter(item_id=pr.item_id).update(history_date=F("history_date") - delta)
