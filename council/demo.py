"""A demo council: twelve fictional members elected in two constituencies, with portraits
drawn by Pillow (catalog.demo_files.make_portrait; no face comes from the internet).

Idempotent: a member is found by name; a portrait is drawn only once.
"""

import datetime

from django.core.files.base import ContentFile

from catalog.demo_files import make_portrait
from chiangkhian.images import clean_portrait

from .models import CouncilMember

R = CouncilMember.Role
# The council took office after the local elections of 28 March 2564 (2021).
TERM_START = datetime.date(2021, 4, 26)
MEMBERS = [
    ("นายสุรชัย ใจมั่น", R.PRESIDENT, "เขตเลือกตั้งที่ 1"),
    ("นางบุญเรือน คำแสน", R.VICE_PRESIDENT, "เขตเลือกตั้งที่ 2"),
    ("นายประเสริฐ ทองคำ", R.MEMBER, "เขตเลือกตั้งที่ 1"),
    ("นางสาวพิมพ์ชนก วงศ์ใหญ่", R.MEMBER, "เขตเลือกตั้งที่ 1"),
    ("นายอำนาจ ศรีวิชัย", R.MEMBER, "เขตเลือกตั้งที่ 1"),
    ("นายคำปัน อินต๊ะ", R.MEMBER, "เขตเลือกตั้งที่ 1"),
    ("นางจันทร์เพ็ญ ปัญญาดี", R.MEMBER, "เขตเลือกตั้งที่ 1"),
    ("นายทองสุข มณีวรรณ", R.MEMBER, "เขตเลือกตั้งที่ 2"),
    ("นายวิชัย ธรรมขันธ์", R.MEMBER, "เขตเลือกตั้งที่ 2"),
    ("นางศรีนวล กันทะวงค์", R.MEMBER, "เขตเลือกตั้งที่ 2"),
    ("นายบุญมา ชัยวงศ์", R.MEMBER, "เขตเลือกตั้งที่ 2"),
    ("นายสมศักดิ์ แก้วมูล", R.MEMBER, "เขตเลือกตั้งที่ 2"),
    # The municipal clerk is the council's secretary, not an elected member.
    ("นางสาวอาทิตยา วราห์วิโรจน์", R.SECRETARY, ""),
]


def load():
    for order, (name, role, constituency) in enumerate(MEMBERS, start=1):
        member, _created = CouncilMember.objects.update_or_create(
            name_th=name,
            defaults={
                "role": role,
                "constituency": constituency,
                "order": order,
                "term_start": TERM_START,
            },
        )
        if not member.photo:
            portrait = clean_portrait(ContentFile(make_portrait(f"council-{order}")))
            member.photo.save("portrait.png", ContentFile(portrait), save=True)
