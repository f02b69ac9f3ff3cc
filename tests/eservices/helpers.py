"""Small helpers for e-service tests: services, cases and the staff who handle them."""

from django.test import override_settings

from chiangkhian import roles
from eservices import transitions
from eservices.models import Case, Service
from tests.base import PersonaTestCase, make_unit, make_user

SERVICES = {
    # kind: (slug, Thai name, prefix, days)
    "general": ("general-request", "คำร้องทั่วไป", "ท", 15),
    "complaint": ("complaint", "เรื่องร้องเรียน/ร้องทุกข์", "ร", 15),
    "corruption": ("corruption-report", "ร้องเรียนการทุจริตและประพฤติมิชอบ", "ทจ", 30),
    "information": ("information-request", "คำขอข้อมูลข่าวสาร", "ข", 15),
    "question": ("question", "ถาม-ตอบ", "ถ", 7),
}


def make_service(kind="complaint", unit=None, **fields):
    slug, name, prefix, days = SERVICES[kind]
    values = {"name_th": name, "code_prefix": prefix, "default_days": days, "kind": kind}
    values.update(fields)
    return Service.objects.create(
        slug=fields.pop("slug", slug),
        unit=unit or make_unit(),
        **{k: v for k, v in values.items() if k != "slug"},
    )


def file(service, **fields):
    values = {
        "subject": "ไฟฟ้าส่องสว่างดับ หมู่ 3",
        "description": "ไฟถนนดับสามดวงหน้าวัด มืดมากตอนกลางคืน",
        "place": "หน้าวัดเชียงเคี่ยน หมู่ 3",
        "name": "นายสมชาย ใจกล้า",
        "phone": "081-234-5678",
        "email": "somchai@example.test",
    }
    values.update(fields)
    return transitions.file_case(case=Case(service=service, **values))


@override_settings(ESERVICES_POW_MAX_NUMBER=0)  # the challenge itself: test_challenge.py
class EserviceTestCase(PersonaTestCase):
    """The personas, plus the engineering division's officer and head, and a recipient."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.engineering = make_unit("engineering", "กองช่าง", "Engineering Division")
        cls.officer = make_user("officer", roles.CASE_OFFICER, unit=cls.engineering)
        cls.head = make_user("head", roles.UNIT_HEAD, unit=cls.engineering)
        cls.health = make_unit("public-health", "กองสาธารณสุข", "Public Health")
        cls.health_officer = make_user("health", roles.CASE_OFFICER, unit=cls.health)
        cls.complaints = make_service("complaint", unit=cls.engineering)
