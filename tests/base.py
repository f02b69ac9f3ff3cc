"""Role personas and small ORM helpers shared by the tests (no factories, no fixtures files)."""

from django.contrib.auth.models import Group
from django.test import TestCase

from chiangkhian import roles
from chiangkhian.models import Municipality, Unit, User

PASSWORD = "test-password-ไทย"


def make_unit(code="palat-office", name_th="สำนักปลัดเทศบาล", name_en="Office of the Clerk"):
    return Unit.objects.get_or_create(code=code, defaults={"name_th": name_th, "name_en": name_en})[
        0
    ]


def make_user(username, *role_names, unit=None, **fields):
    user = User.objects.create_user(
        username=username,
        password=PASSWORD,
        is_staff=True,
        unit=unit or make_unit(),
        email=f"{username}@example.test",
        **fields,
    )
    user.groups.set(Group.objects.filter(name__in=role_names))
    return user


def make_municipality(**fields):
    values = {
        "name_th": "เทศบาลตำบลทดสอบ",
        "name_en": "Test Subdistrict Municipality",
        "kind": Municipality.Kind.SUBDISTRICT,
        "address_th": "99 หมู่ 1 ตำบลทดสอบ",
        "address_en": "99 Moo 1, Test Subdistrict",
        "phone": "053-000-111",
        "fax": "053-000-112",
        "email": "saraban@test.example",
        "latitude": "19.7",
        "longitude": "100.1",
        "chief_executive_name": "นายทดสอบ ใจดี",
        "chief_executive_position": "นายกเทศมนตรี",
    }
    values.update(fields)
    return Municipality.objects.create(**values)


class QueryCountMixin:
    def assertConstantQueries(self, url, grow, *, client=None):
        """The page at url makes as many queries after grow() adds content as before.

        Both with an empty cache (every part of the page drawn from the database) and with the
        parts that catalog.fragments keeps cached; returns the first figure.
        """
        client = client or self.client
        client.get(url)  # warm per-process caches (content types, sessions)
        before = self._queries_cold_and_warm(client, url)
        grow()
        after = self._queries_cold_and_warm(client, url)
        for kind, was, now in zip(["empty cache", "cached parts"], before, after, strict=True):
            self.assertEqual(
                len(now),
                len(was),
                f"queries grew with content ({kind}):\n"
                + "\n".join(q["sql"] for q in now.captured_queries),
            )
        return len(before[0])

    def _queries_cold_and_warm(self, client, url):
        from django.core.cache import cache

        cache.clear()
        captured = []
        for _ in range(2):
            with self.assertNumQueriesCaptured() as queries:
                self.assertEqual(client.get(url).status_code, 200)
            captured.append(queries)
        return captured

    def assertNumQueriesCaptured(self):
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        return CaptureQueriesContext(connection)


class PersonaTestCase(QueryCountMixin, TestCase):
    """A municipality with one person per workflow role, as the announcement names them."""

    @classmethod
    def setUpTestData(cls):
        cls.municipality = make_municipality()
        cls.finance = make_unit("finance", "กองคลัง", "Finance Division")
        cls.requester = make_user("requester", roles.REQUESTER, unit=cls.finance)
        cls.checker = make_user("checker", roles.CHECKER)
        cls.approver = make_user("approver", roles.APPROVER)
        cls.webmaster = make_user("webmaster", roles.WEBMASTER)
        cls.webmaster2 = make_user("webmaster2", roles.WEBMASTER)
