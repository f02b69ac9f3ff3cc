"""The back office is Thai throughout: Django's admin, auth and django-guardian strings that
those packages leave in English, permission names, and link-check results."""

import ast
from pathlib import Path

from django.contrib.auth.models import Group
from django.test import SimpleTestCase
from django.utils import translation

from catalog.models import Category
from chiangkhian import admin_strings
from compliance.models import LinkCheck
from tests.base import PersonaTestCase


def _plurals():
    """The (singular, plural) pairs that admin_strings keeps with ngettext_lazy."""
    tree = ast.parse(Path(admin_strings.__file__).read_text(encoding="utf-8"))
    calls = [node for node in ast.walk(tree) if isinstance(node, ast.Call)]
    named = [call for call in calls if getattr(call.func, "id", "") == "ngettext_lazy"]
    return [(call.args[0].value, call.args[1].value) for call in named]


class CatalogueTests(SimpleTestCase):
    def test_every_kept_admin_string_has_thai(self):
        # Strings that read the same in Thai (IPv4, IPv6) are not counted.
        with translation.override("th"):
            missing = [
                str(s)
                for s in admin_strings.STRINGS + admin_strings.MORE
                if translation.gettext(s) == s and not s.startswith("IPv")
            ]
            missing += [
                singular
                for singular, plural in _plurals()
                if translation.ngettext(singular, plural, 2) == plural
            ]
        self.assertEqual(missing, [])


class AdminPagesTests(PersonaTestCase):
    def setUp(self):
        self.root = type(self.requester).objects.create_superuser("root", "root@example.test")
        self.client.force_login(self.root)

    def test_the_index_has_no_english_labels(self):
        html = self.client.get("/admin/").content.decode()
        for english in ["Model name", "Add link", "Toggle theme", ">View:<"]:
            self.assertNotIn(english, html)
        self.assertIn("ลิงก์เพิ่ม", html)
        self.assertIn(">ดู</a>", html)

    def test_permissions_are_named_in_thai(self):
        group = Group.objects.first()
        html = self.client.get(f"/admin/auth/group/{group.pk}/change/").content.decode()
        self.assertNotIn("Can add category", html)
        self.assertNotIn("historical", html)
        self.assertIn("เพิ่มหมวดหมู่ได้", html)
        self.assertIn("ประวัติของ", html)

    def test_object_permissions_of_a_category_are_thai(self):
        category = Category.objects.first()
        response = self.client.get(f"/admin/catalog/category/{category.pk}/permissions/")
        self.assertContains(response, "สิทธิ์ต่อรายการ")
        self.assertNotContains(response, "Can change category")
        self.assertNotContains(response, "Object permissions")

    def test_the_password_and_user_pages_are_thai(self):
        response = self.client.get("/admin/password_change/")
        self.assertContains(response, "เพื่อความปลอดภัย โปรดใส่รหัสผ่านเดิม")
        response = self.client.get("/admin/chiangkhian/user/")
        self.assertNotContains(response, "Get full name")


class LinkCheckResultTests(SimpleTestCase):
    def test_a_failed_check_is_explained_in_thai_without_python_text(self):
        check = LinkCheck(error="[Errno -2] Name or service not known")
        with translation.override("th"):
            self.assertEqual(check.result, "ไม่พบชื่อเว็บไซต์นี้แล้ว (DNS)")
            self.assertEqual(LinkCheck(status_code=404).result, "ไม่มีหน้านี้แล้ว (HTTP 404)")
            self.assertEqual(LinkCheck(error="TimeoutError: timed out").result[:10], "เว็บไซต์ปล")
