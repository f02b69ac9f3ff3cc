"""Demo e-services: the five built-in services and cases of the last six months in every status.

Idempotent: services are found by slug, cases by subject; a case already there is left as is.
Times are set as they would have been (the clock is moved while each case is handled).
"""

import datetime
import io
from unittest import mock

from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.utils import timezone
from PIL import Image, ImageDraw

from catalog.models import Item
from chiangkhian import roles
from chiangkhian.demo import staff_member
from chiangkhian.models import Unit, User

from . import transitions
from .models import Case, CaseFile, Service

SERVICES = [
    # slug, kind, Thai, English, prefix, unit, days, working, public, description
    (
        "general-request",
        "general",
        "คำร้องทั่วไป",
        "General request",
        "ท",
        "palat-office",
        15,
        False,
        False,
        "ยื่นคำร้องหรือขอรับบริการจากเทศบาลในเรื่องทั่วไป",
    ),
    (
        "complaint",
        "complaint",
        "เรื่องร้องเรียน/ร้องทุกข์",
        "Complaint or grievance",
        "ร",
        "engineering",
        15,
        False,
        True,
        "แจ้งปัญหาถนน ไฟฟ้าส่องสว่าง ขยะ น้ำ หรือเหตุเดือดร้อนรำคาญ พร้อมรูปถ่ายและตำแหน่ง",
    ),
    (
        "corruption-report",
        "corruption",
        "ร้องเรียนการทุจริตและประพฤติมิชอบ",
        "Corruption or misconduct report",
        "ทจ",
        "palat-office",
        30,
        False,
        False,
        "แจ้งเบาะแสการทุจริตหรือการประพฤติมิชอบของเจ้าหน้าที่ ส่งโดยไม่ระบุชื่อได้",
    ),
    (
        "information-request",
        "information",
        "คำขอข้อมูลข่าวสาร",
        "Official information request",
        "ข",
        "palat-office",
        15,
        True,
        False,
        "ขอข้อมูลข่าวสารของราชการตามมาตรา 11 แห่งพระราชบัญญัติข้อมูลข่าวสารของราชการ พ.ศ. 2540",
    ),
    (
        "question",
        "question",
        "ถาม-ตอบ",
        "Questions and answers",
        "ถ",
        "palat-office",
        7,
        False,
        False,
        "สอบถามเรื่องใด ๆ เกี่ยวกับงานของเทศบาล",
    ),
]

DESCRIPTIONS_EN = {
    "general-request": "Ask the municipality for a service or file a request on any matter.",
    "complaint": "Report a problem with roads, street lights, waste, water or a nuisance, "
    "with photos and the place.",
    "corruption-report": "Report corruption or misconduct by an official; you may stay anonymous.",
    "information-request": "Ask for official information under section 11 of the Official "
    "Information Act B.E. 2540 (1997).",
    "question": "Ask anything about the municipality's work.",
}

STAFF = [
    # username, prefix, first, last, position, unit, role
    ("prasit", "นาย", "ประสิทธิ์", "แก้วมา", "ผู้อำนวยการกองช่าง", "engineering", roles.UNIT_HEAD),
    ("kanya", "นางสาว", "กัญญา", "สุขใจ", "นายช่างโยธาปฏิบัติงาน", "engineering", roles.CASE_OFFICER),
    (
        "sunee",
        "นาง",
        "สุนีย์",
        "ทองดี",
        "นักวิชาการสาธารณสุขชำนาญการ",
        "public-health",
        roles.CASE_OFFICER,
    ),
    (
        "wanida",
        "นางสาว",
        "วนิดา",
        "ศรีสุข",
        "เจ้าพนักงานธุรการชำนาญงาน",
        "palat-office",
        roles.CASE_OFFICER,
    ),
]

# service slug, days ago, outcome, subject, details, topic, place, contact
CASES = [
    (
        "complaint",
        170,
        "done",
        "ไฟฟ้าส่องสว่างดับ ถนนสายหลัก หมู่ 3",
        "ไฟถนนดับ 4 ดวงหน้าโรงเรียน",
        "lights",
        "ถนนสายหลัก หมู่ 3 หน้าโรงเรียนบ้านเชียงเคี่ยน",
        "นายสมชาย ใจกล้า",
    ),
    (
        "complaint",
        150,
        "done",
        "ถนนเป็นหลุมบ่อ ซอย 5",
        "หลุมลึกหลังฝนตก รถจักรยานยนต์ล้ม",
        "roads",
        "ซอย 5 หมู่ 1",
        "นางบัวเรียน คำดี",
    ),
    (
        "complaint",
        130,
        "referred",
        "สายไฟฟ้าแรงสูงหย่อน",
        "สายไฟหย่อนต่ำใกล้หลังคาบ้าน",
        "lights",
        "หมู่ 7 ใกล้ศาลาเอนกประสงค์",
        "นายทองคำ มาดี",
    ),
    (
        "complaint",
        110,
        "done",
        "ขยะไม่ได้เก็บสองสัปดาห์",
        "ถังขยะหน้าตลาดล้น ส่งกลิ่นเหม็น",
        "waste",
        "หน้าตลาดสดเชียงเคี่ยน",
        "นางสาวจันทร์เพ็ญ ดวงดี",
    ),
    (
        "complaint",
        90,
        "done",
        "น้ำประปาไหลอ่อน",
        "น้ำไหลอ่อนช่วงเช้าทุกวัน",
        "water",
        "หมู่ 4 ซอยวัด",
        "นายบุญมี ศรีเมือง",
    ),
    (
        "complaint",
        75,
        "overdue",
        "ท่อระบายน้ำอุดตัน น้ำท่วมขัง",
        "ฝนตกน้ำท่วมขังสูง 20 ซม.",
        "roads",
        "ถนนเทศบาล 2 หน้าร้านค้าชุมชน",
        "นางคำปุ่น ใจบุญ",
    ),
    (
        "complaint",
        60,
        "done",
        "สุนัขจรจัดไล่กัดเด็ก",
        "สุนัขจรจัด 5-6 ตัวรวมฝูง",
        "animals",
        "ลานกีฬาหมู่ 2",
        "นายประเสริฐ วงศ์ใหญ่",
    ),
    (
        "complaint",
        45,
        "overdue",
        "เสียงดังจากโรงงานยามวิกาล",
        "เครื่องจักรดังหลังเที่ยงคืน",
        "nuisance",
        "หมู่ 6 ทางไปอำเภอ",
        "นางสาวพิมพ์ใจ แสนดี",
    ),
    (
        "complaint",
        30,
        "waiting",
        "ต้นไม้ล้มขวางทาง",
        "กิ่งไม้ใหญ่ล้มหลังพายุ",
        "trees",
        "ทางเข้าหมู่ 8",
        "นายอุดม ทองมา",
    ),
    (
        "complaint",
        20,
        "in_progress",
        "ไฟกิ่งดับหลายจุด หมู่ 2",
        "ไฟดับ 6 จุดตลอดแนวถนน",
        "lights",
        "หมู่ 2 ถนนรอบหนองน้ำ",
        "นางสมศรี ชัยมงคล",
    ),
    (
        "complaint",
        8,
        "in_progress",
        "ถนนลูกรังเป็นร่อง",
        "รถเล็กสัญจรลำบาก",
        "roads",
        "ถนนไปไร่ หมู่ 9",
        "นายวิเชียร สายทอง",
    ),
    (
        "complaint",
        2,
        "received",
        "เผาขยะส่งควัน",
        "ควันเข้าบ้านทุกเย็น",
        "nuisance",
        "หมู่ 5 ข้างวัด",
        "นางสาวรัตนา ใจงาม",
    ),
    (
        "general-request",
        140,
        "done",
        "ขอรถน้ำดับเพลิงช่วยงานบุญ",
        "ขอน้ำใช้ในงานบวช 2 วัน",
        "",
        "",
        "นายสมบูรณ์ ดีมาก",
    ),
    (
        "general-request",
        80,
        "done",
        "ขอใช้สถานที่ลานกีฬา",
        "จัดแข่งฟุตบอลเยาวชน",
        "",
        "",
        "นายชาติชาย พลเยี่ยม",
    ),
    (
        "general-request",
        25,
        "in_progress",
        "ขอตัดแต่งกิ่งไม้ริมทาง",
        "กิ่งไม้บังป้ายจราจร",
        "",
        "",
        "นางสาวอรุณี แก้วใส",
    ),
    (
        "general-request",
        5,
        "received",
        "ขอรับถังขยะเพิ่ม",
        "ครัวเรือนเพิ่ม 3 หลัง",
        "",
        "",
        "นายมานพ ศรีสวัสดิ์",
    ),
    (
        "information-request",
        120,
        "done",
        "ขอสำเนาสัญญาจ้างก่อสร้างถนน คสล. หมู่ 4",
        "ขอสำเนาสัญญาและใบตรวจรับงาน",
        "",
        "",
        "นายพิทักษ์ ธรรมดี",
    ),
    (
        "information-request",
        40,
        "overdue",
        "ขอรายงานการประชุมสภาเทศบาล สมัยสามัญที่ 3",
        "ขอสำเนารายงานการประชุม",
        "",
        "",
        "นางสาวกานดา มีสุข",
    ),
    (
        "information-request",
        10,
        "in_progress",
        "ขอข้อมูลงบประมาณโครงการกำจัดขยะ",
        "ขอรายละเอียดงบประมาณปี 2569",
        "",
        "",
        "นายอนุชา เพชรดี",
    ),
    (
        "corruption-report",
        100,
        "done",
        "เรียกรับเงินเพื่อเร่งออกใบอนุญาต",
        "มีผู้อ้างว่าจ่ายเงินแล้วได้ใบอนุญาตเร็วขึ้น",
        "",
        "",
        "",
    ),
    (
        "corruption-report",
        35,
        "in_progress",
        "ใช้รถราชการไปธุระส่วนตัว",
        "เห็นรถของเทศบาลจอดที่ตลาดนัดวันหยุด",
        "",
        "",
        "นายสุเทพ ใจซื่อ",
    ),
    (
        "corruption-report",
        12,
        "received",
        "จัดซื้อวัสดุราคาสูงกว่าท้องตลาด",
        "ราคาวัสดุในประกาศสูงกว่าร้านค้าทั่วไป",
        "",
        "",
        "",
    ),
    (
        "question",
        95,
        "done",
        "ชำระภาษีที่ดินออนไลน์ได้หรือไม่",
        "อยากทราบช่องทางชำระภาษี",
        "",
        "",
        "นางสาวศิริพร บุญมา",
    ),
    ("question", 50, "done", "เบี้ยยังชีพผู้สูงอายุจ่ายวันไหน", "สอบถามกำหนดจ่าย", "", "", "นายเฉลิม ทองแท้"),
    (
        "question",
        3,
        "received",
        "ขึ้นทะเบียนผู้พิการต้องใช้เอกสารอะไร",
        "สอบถามเอกสาร",
        "",
        "",
        "นางมาลัย ศรีทอง",
    ),
]

REPLIES = {
    "done": "ดำเนินการแก้ไขเรียบร้อยแล้ว ขอบคุณที่แจ้งเทศบาล",
    "referred": "เรื่องนี้อยู่ในความรับผิดชอบของการไฟฟ้าส่วนภูมิภาค เทศบาลได้ส่งเรื่องให้แล้ว",
}


def load():
    units = {unit.code: unit for unit in Unit.objects.all()}
    people = _staff(units)
    services = {}
    for slug, kind, th, en, prefix, unit, days, working, public, description in SERVICES:
        services[slug], _ = Service.objects.update_or_create(
            slug=slug,
            defaults={
                "kind": kind,
                "name_th": th,
                "name_en": en,
                "code_prefix": prefix,
                "unit": units[unit],
                "default_days": days,
                "working_days": working,
                "cases_public": public,
                "description_th": description,
                "description_en": DESCRIPTIONS_EN[slug],
                "order": len(services),
            },
        )
    _manual_service(units)
    now = timezone.now()
    with mock.patch("eservices.notify.send"):  # the demo e-mails nobody
        for row in CASES:
            found = Case.objects.filter(subject=row[3], service=services[row[0]]).first()
            if found is None:
                _case(services[row[0]], row, now, people)
            elif found.service.has_place and not found.files.exists():
                _add_photo(found, row[1])  # a demo loaded before its cases had photos
    _publish_answers(services["question"])


ANSWERS = {
    "ชำระภาษีที่ดินออนไลน์ได้หรือไม่": "ชำระได้ทางแอปพลิเคชันของธนาคารโดยสแกนคิวอาร์โค้ดในหนังสือแจ้ง"
    "ประเมินภาษี หรือชำระที่กองคลัง ในวันและเวลาราชการ",
    "เบี้ยยังชีพผู้สูงอายุจ่ายวันไหน": "จ่ายภายในวันที่ 10 ของทุกเดือน โอนเข้าบัญชีธนาคารของผู้มีสิทธิ",
}


def _publish_answers(service):
    webmaster = User.objects.get(username="khwanwipa")
    for case in service.cases.filter(status=Case.Status.DONE, published_answer__isnull=True):
        if case.subject in ANSWERS:
            transitions.publish_answer(
                case=case, by=webmaster, question=case.subject, answer=ANSWERS[case.subject]
            )


# A service tied to a citizen manual (category 1.7): its documents become upload fields, its fee
# is shown and its steps set the deadline.
MANUAL_SERVICE = {
    "slug": "health-hazard-licence",
    "name_th": "ขอใบอนุญาตประกอบกิจการที่เป็นอันตรายต่อสุขภาพ",
    "name_en": "Licence for a business hazardous to health",
    "code_prefix": "อ",
    "unit": "public-health",
    "manual_title": "การขอใบอนุญาตประกอบกิจการที่เป็นอันตรายต่อสุขภาพ",
}


def _manual_service(units):
    manual = (
        Item.objects.live()
        .filter(kind="manual", title_th__contains=MANUAL_SERVICE["manual_title"])
        .order_by("pk")
        .first()
    )
    if manual is None:  # the catalog demo was not loaded
        return
    Service.objects.update_or_create(
        slug=MANUAL_SERVICE["slug"],
        defaults={
            "kind": Service.Kind.GENERAL,
            "name_th": MANUAL_SERVICE["name_th"],
            "name_en": MANUAL_SERVICE["name_en"],
            "code_prefix": MANUAL_SERVICE["code_prefix"],
            "unit": units[MANUAL_SERVICE["unit"]],
            "manual": manual,
            "description_th": "ยื่นคำขอพร้อมเอกสารตามคู่มือสำหรับประชาชน ติดตามผลได้ทางออนไลน์",
            "description_en": "Apply with the documents of the citizen manual; follow it online.",
            "order": len(SERVICES),
        },
    )


def demo_photo(seed):
    """A phone photo of the problem: a road with a dark street light (drawn, not downloaded)."""
    image = Image.new("RGB", (960, 720), (120 + seed % 40, 160, 200))
    draw = ImageDraw.Draw(image)
    draw.rectangle([0, 430, 960, 720], fill=(90, 90, 95))
    draw.polygon([(380, 720), (470, 430), (490, 430), (580, 720)], fill=(230, 230, 230))
    draw.rectangle([700, 150, 716, 430], fill=(60, 60, 60))
    draw.ellipse([660, 120, 760, 170], fill=(40 + seed % 50, 40, 40))
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=80)
    return buffer.getvalue()


def _photo(seed):
    photo = ContentFile(demo_photo(seed), name=f"IMG_{2000 + seed}.jpg")
    return CaseFile(kind=CaseFile.Kind.PHOTO, file=photo)


def _add_photo(case, seed):
    if case.personal_data_erased_at is None:
        photo = _photo(seed)
        photo.case, photo.step = case, case.steps.order_by("at", "pk").first()
        photo.save()


def _staff(units):
    people = {}
    for username, prefix, first, last, position, unit, role in STAFF:
        user = staff_member(username, prefix, first, last, position, unit=units[unit], roles=[role])
        people[unit] = people.get(unit) or user
    recipient = User.objects.get(username="arthitaya")  # the acting Palat (approver)
    recipient.groups.add(Group.objects.get(name=roles.CORRUPTION_RECIPIENT))
    people["corruption"] = recipient
    return people


def _case(service, row, now, people):
    slug, days_ago, outcome, subject, details, topic, place, name = row
    start = now - datetime.timedelta(days=days_ago, hours=days_ago % 7)
    anonymous = not name
    case = Case(
        service=service,
        subject=subject,
        description=details,
        topic=topic,
        place=place,
        anonymous=anonymous,
        name=name,
        phone="" if anonymous else f"08{days_ago:08d}"[:10],
    )
    files = [_photo(days_ago)] if service.has_place else []
    with mock.patch("django.utils.timezone.now", return_value=start):
        transitions.file_case(case=case, files=files, now=start)
    if outcome == "received":
        return
    officer = people["corruption"] if service.is_corruption else people[service.unit.code]
    if outcome == "referred":
        _at(
            start,
            1,
            transitions.close_referred,
            case=case,
            by=officer,
            agency="การไฟฟ้าส่วนภูมิภาคอำเภอเทิง",
            note=REPLIES["referred"],
        )
        return
    _at(start, 1, transitions.accept, case=case, by=officer)
    if outcome == "waiting":
        _at(
            start,
            2,
            transitions.ask_for_information,
            case=case,
            by=officer,
            note="ขอรูปถ่ายจุดที่เกิดเหตุเพิ่มเติม",
        )
    elif outcome in ("in_progress", "overdue"):
        _at(start, 2, transitions.add_note, case=case, by=officer, note="นัดลงพื้นที่ตรวจสอบ")
    elif outcome == "done":
        _at(start, 3, transitions.reply, case=case, by=officer, note="เจ้าหน้าที่ลงพื้นที่ตรวจสอบแล้ว")
        _at(
            start,
            min(days_ago - 1, 6 + days_ago % 12),
            transitions.close_done,
            case=case,
            by=officer,
            note=REPLIES["done"],
        )
        if days_ago % 3:
            transitions.rate(case=case, score=4 + days_ago % 2)


def _at(start, days, transition, **arguments):
    with mock.patch("django.utils.timezone.now", return_value=start + datetime.timedelta(days)):
        transition(**arguments)
