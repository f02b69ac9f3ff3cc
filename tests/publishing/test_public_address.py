"""The filed form prints the item's real public address: the site's configured address and
the item's current location, never a stale stored string."""

import os
import subprocess
import sys
from pathlib import Path

from django.test import SimpleTestCase, override_settings
from django.urls import reverse

from catalog.models import Subcategory
from publishing import transitions
from tests.base import PASSWORD
from tests.publishing.base import Status, WorkflowTestCase

ROOT = Path(__file__).resolve().parents[2]


class PrintedAddressTests(WorkflowTestCase):
    def form(self, pr):
        self.client.login(username="checker", password=PASSWORD)
        return self.client.get(reverse("publishing:form", args=[pr.pk]))

    def test_the_printed_address_follows_the_configured_site_address(self):
        with override_settings(SITE_URL="http://127.0.0.1:8000"):
            pr = self.bring_to(Status.PUBLISHED)
        with override_settings(SITE_URL="https://www.chiangkhian.go.th"):
            response = self.form(pr)
        self.assertContains(
            response, f"https://www.chiangkhian.go.th/news/general-news/{pr.item_id}/"
        )
        self.assertNotContains(response, "127.0.0.1:8000")

    def test_the_printed_address_follows_the_item_to_its_current_category(self):
        pr = self.bring_to(Status.PUBLISHED)
        revision = transitions.start_revision(item=pr.item, by=self.requester)
        self.bring_to(Status.APPROVED, pr=revision)
        alerts = Subcategory.objects.get(slug="alerts")
        transitions.publish(publication_request=revision, by=self.webmaster, subcategory=alerts)
        response = self.form(pr)
        self.assertContains(response, f"/news/alerts/{pr.item_id}/")
        self.assertNotContains(response, f"/news/general-news/{pr.item_id}/")


class DevelopmentAddressTests(SimpleTestCase):
    def site_url(self, *command, **env):
        clean = {k: v for k, v in os.environ.items() if k not in {"SITE_URL", "PORT", "DEBUG"}}
        result = subprocess.run(
            command, cwd=ROOT, env={**clean, **env}, capture_output=True, text=True, timeout=120
        )
        self.assertEqual(result.returncode, 0, result.stderr)
        return result.stdout.strip().splitlines()[-1]

    def test_the_development_address_follows_the_port(self):
        show = "from django.conf import settings; print(settings.SITE_URL)"
        manage = [sys.executable, "manage.py", "shell", "-c", show]
        self.assertEqual(self.site_url(*manage, DEBUG="1", PORT="8123"), "http://127.0.0.1:8123")
        self.assertEqual(self.site_url(*manage, DEBUG="1"), "http://127.0.0.1:8000")
        explicit = self.site_url(*manage, DEBUG="1", PORT="8123", SITE_URL="https://a.go.th/")
        self.assertEqual(explicit, "https://a.go.th")
