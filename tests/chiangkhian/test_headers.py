"""A strict Content-Security-Policy, Permissions-Policy and flags on every cookie."""

import re

from django.test import TestCase, override_settings

from catalog.models import Category
from chiangkhian import roles
from tests.base import PASSWORD, make_municipality, make_user
from tests.chiangkhian.test_settings import PRODUCTION, run_manage

INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>", re.IGNORECASE)
INLINE_STYLE = re.compile(r"<style\b|\sstyle=|\son[a-z]+=", re.IGNORECASE)


class ContentSecurityPolicyTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        make_municipality()

    def policy(self, response):
        return dict(
            part.strip().split(" ", 1)
            for part in response["Content-Security-Policy"].split(";")
            if part.strip()
        )

    def test_every_page_forbids_inline_script_and_style(self):
        for url in ["/", "/en/", "/statistics/", "/ita/", "/admin/login/"]:
            policy = self.policy(self.client.get(url))
            self.assertEqual(policy["script-src"], "'self'", url)
            self.assertNotIn("unsafe-inline", policy["style-src"], url)
            self.assertEqual(policy["frame-ancestors"], "'none'", url)
            self.assertEqual(policy["object-src"], "'none'", url)

    def test_our_pages_carry_no_inline_script_or_style(self):
        urls = ["/", "/statistics/", "/statistics/satisfaction/", "/ita/", "/search/?q=ภาษี"]
        urls += [c.get_absolute_url() for c in Category.objects.all()[:3]]
        for url in urls:
            html = self.client.get(url).content.decode()
            self.assertIsNone(INLINE_SCRIPT.search(html), url)
            self.assertIsNone(INLINE_STYLE.search(html), url)

    def test_permissions_policy_refuses_camera_microphone_and_payment(self):
        header = self.client.get("/")["Permissions-Policy"]
        for feature in ("camera=()", "microphone=()", "payment=()"):
            self.assertIn(feature, header)
        # The complaint form may ask the phone for its position, for this site's pages only.
        self.assertIn("geolocation=(self)", header)


@override_settings(SESSION_COOKIE_SECURE=True, CSRF_COOKIE_SECURE=True, LANGUAGE_COOKIE_SECURE=True)
class CookieFlagTests(TestCase):
    def test_every_cookie_is_secure_httponly_and_samesite(self):
        make_user("clerk", roles.REQUESTER)
        seen = {}
        responses = [
            self.client.get("/admin/login/"),
            self.client.post("/admin/login/", {"username": "clerk", "password": PASSWORD}),
            self.client.post("/i18n/setlang/", {"language": "en", "next": "/"}),
        ]
        for response in responses:
            seen.update(response.cookies)
        self.assertGreaterEqual(set(seen), {"sessionid", "csrftoken", "django_language"})
        for name, morsel in seen.items():
            self.assertTrue(morsel["secure"], name)
            self.assertTrue(morsel["httponly"], name)
            self.assertEqual(morsel["samesite"], "Lax", name)


class ProductionCookieSettingsTests(TestCase):
    def test_production_marks_every_cookie_secure(self):
        code = (
            "from django.conf import settings as s;"
            "print(s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.LANGUAGE_COOKIE_SECURE)"
        )
        result = run_manage("shell", "-c", code, **PRODUCTION)
        self.assertEqual(result.stdout.split()[-3:], ["True", "True", "True"], result.stderr)
