"""Demo municipality: the people and units of the announcement (../shared/reference).

Idempotent: every record is found by a natural key and updated, never duplicated.
The requester (นางสมพร ใจดี) is invented; every other name and position is the announcement's.
"""

import io
import math

from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from PIL import Image, ImageDraw

from . import roles
from .models import Municipality, Unit, User, default_hotlines

DEMO_PASSWORD = "demo-chiangkhian"

UNITS = [
    # code, Thai, English
    ("palat-office", "สำนักปลัดเทศบาล", "Office of the Municipal Clerk"),
    ("finance", "กองคลัง", "Finance Division"),
    ("engineering", "กองช่าง", "Engineering Division"),
    ("public-health", "กองสาธารณสุขและสิ่งแวดล้อม", "Public Health and Environment Division"),
    ("education", "กองการศึกษา", "Education Division"),
]

# username, prefix, first, last, position, unit code, roles
PEOPLE = [
    (
        "arthitaya",
        "นางสาว",
        "อาทิตยา",
        "วราห์วิโรจน์",
        "รองปลัดเทศบาล รักษาราชการแทนปลัดเทศบาล",
        "palat-office",
        [roles.APPROVER],
    ),
    ("thitaporn", "นางสาว", "ฐิตาภรณ์", "ดูแก้ว", "หัวหน้าสำนักปลัด", "palat-office", [roles.CHECKER]),
    (
        "khwanwipa",
        "นางสาว",
        "ขวัญวิภา",
        "ฐานะกอง",
        "นักจัดการงานทั่วไปชำนาญการ",
        "palat-office",
        [roles.WEBMASTER],
    ),
    ("morakot", "นาย", "มรกต", "กันใจ", "นักทรัพยากรบุคคลชำนาญการ", "palat-office", [roles.WEBMASTER]),
    ("somporn", "นาง", "สมพร", "ใจดี", "นักวิชาการเงินและบัญชีชำนาญการ", "finance", [roles.REQUESTER]),
]


def load():
    units = {
        code: Unit.objects.update_or_create(
            code=code, defaults={"name_th": th, "name_en": en, "order": order}
        )[0]
        for order, (code, th, en) in enumerate(UNITS, start=1)
    }
    people = {}
    for username, prefix, first, last, position, unit, role_names in PEOPLE:
        people[username] = staff_member(
            username, prefix, first, last, position, unit=units[unit], roles=role_names
        )
    admin, _ = User.objects.update_or_create(
        username="admin",
        defaults={"is_staff": True, "is_superuser": True, "first_name": "ผู้ดูแลระบบ"},
    )
    admin.set_password(DEMO_PASSWORD)
    admin.save()
    _load_municipality(people)
    return people


def staff_member(username, prefix, first, last, position, *, unit, roles):
    """A demo staff member with the demo password and exactly these roles (created or updated)."""
    user, _ = User.objects.update_or_create(
        username=username,
        defaults={
            "name_prefix": prefix,
            "first_name": first,
            "last_name": last,
            "position": position,
            "unit": unit,
            "email": f"{username}@chiangkhian.example",
            "is_staff": True,
        },
    )
    user.set_password(DEMO_PASSWORD)
    user.save()
    user.groups.set(Group.objects.filter(name__in=roles))
    return user


def _load_municipality(people):
    municipality = Municipality.current() or Municipality()
    municipality.name_th = "เทศบาลตำบลเชียงเคี่ยน"
    municipality.name_en = "Chiang Khian Subdistrict Municipality"
    municipality.kind = Municipality.Kind.SUBDISTRICT
    municipality.tagline_th = "บริการด้วยใจ โปร่งใส ตรวจสอบได้"
    municipality.tagline_en = "Serving with heart, open and accountable"
    municipality.address_th = "เลขที่ 99 หมู่ 1 ตำบลเชียงเคี่ยน อำเภอเทิง จังหวัดเชียงราย 57160"
    municipality.address_en = (
        "99 Moo 1, Chiang Khian Subdistrict, Thoeng District, Chiang Rai 57160"
    )
    municipality.phone = "053-795-123"
    municipality.fax = "053-795-124"
    municipality.email = "saraban@chiangkhian.example"
    municipality.facebook_url = "https://www.facebook.com/tessaban.chiangkhian"
    municipality.line_url = "https://line.me/R/ti/p/@chiangkhian"
    municipality.youtube_url = "https://www.youtube.com/@chiangkhian"
    municipality.tiktok_url = "https://www.tiktok.com/@chiangkhian"
    municipality.hotlines = [
        *default_hotlines(),
        {
            "name_th": "งานป้องกันและบรรเทาสาธารณภัย เทศบาล (24 ชั่วโมง)",
            "name_en": "Municipal fire and rescue (24 hours)",
            "number": "053-795-199",
        },
    ]
    municipality.latitude = "19.735900"
    municipality.longitude = "100.164800"
    municipality.chief_executive_name = "นายอินโพธิ์ หน่อแหวน"
    municipality.chief_executive_position = "นายกเทศมนตรีตำบลเชียงเคี่ยน"
    municipality.approver = people["arthitaya"]
    municipality.checker = people["thitaporn"]
    if not municipality.logo:
        municipality.logo.save("logo.png", ContentFile(make_logo()), save=False)
    municipality.save()
    municipality.webmasters.set([people["khwanwipa"], people["morakot"]])


def make_logo(size=256):
    """A seal drawn with Pillow: the demo ships no downloaded image."""
    image = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    centre = size / 2
    draw.ellipse([4, 4, size - 4, size - 4], fill=(201, 154, 46), outline=(11, 61, 46), width=8)
    draw.ellipse([28, 28, size - 28, size - 28], fill=(20, 105, 76))
    for step in range(12):  # sun rays over the hills
        angle = math.pi + step * math.pi / 11
        x = centre + math.cos(angle) * (size * 0.32)
        y = centre + 10 + math.sin(angle) * (size * 0.32)
        draw.line([centre, centre + 10, x, y], fill=(252, 226, 150), width=4)
    draw.ellipse([centre - 28, centre - 18, centre + 28, centre + 38], fill=(252, 226, 150))
    draw.polygon([(40, 190), (100, 120), (150, 175), (190, 135), (220, 190)], fill=(11, 61, 46))
    draw.rectangle([40, 188, 220, 200], fill=(11, 61, 46))
    for offset in (0, 14):  # the river
        draw.arc([50, 196 + offset, 210, 226 + offset], 200, 340, fill=(170, 215, 240), width=5)
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()
