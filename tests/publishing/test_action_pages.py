"""Each transition is a button leading to a confirmation page; POST (with CSRF) does it."""

import re

from django.test import Client
from django.urls import reverse
from django.utils import timezone

from catalog.models import Subcategory
from chiangkhian.dateinput import format_date_input
from publishing.models import PublicationRequest
from tests.base import PASSWORD
from tests.publishing.base import Status, WorkflowTestCase


class ConfirmationPageTests(WorkflowTestCase):
    def login(self, username):
        self.client.login(username=username, password=PASSWORD)

    def test_get_shows_the_confirmation_and_post_does_it(self):
        pr = self.bring_to(Status.SUBMITTED)
        self.login("checker")
        url = reverse("publishing:check", args=[pr.pk])
        response = self.client.get(url)
        self.assertContains(response, "ตรวจสอบแล้ว ส่งขออนุมัติ")
        self.assertContains(response, pr.item.title_th)
        response = self.client.post(url, {"note": "ถูกต้อง"}, follow=True)
        self.assertRedirects(response, pr.get_absolute_url())
        self.assertContains(response, "ตรวจสอบคำขอแล้ว")
        pr.refresh_from_db()
        self.assertEqual((pr.status, pr.checked_by), (Status.CHECKED, self.checker))

    def test_a_post_without_the_csrf_token_is_refused(self):
        pr = self.bring_to(Status.SUBMITTED)
        client = Client(enforce_csrf_checks=True)
        client.login(username="checker", password=PASSWORD)
        response = client.post(reverse("publishing:check", args=[pr.pk]), {"note": ""})
        self.assertEqual(response.status_code, 403)
        pr.refresh_from_db()
        self.assertEqual(pr.status, Status.SUBMITTED)

    def test_the_page_says_why_when_the_user_may_not_act(self):
        pr = self.bring_to(Status.SUBMITTED)
        self.login("requester")
        url = reverse("publishing:check", args=[pr.pk])
        response = self.client.get(url)
        self.assertContains(response, "การดำเนินการนี้สำหรับผู้รับผิดชอบการให้ข้อมูล")
        self.assertNotContains(response, 'type="submit" class="default"')
        response = self.client.post(url, {"note": ""}, follow=True)
        self.assertContains(response, "การดำเนินการนี้สำหรับผู้รับผิดชอบการให้ข้อมูล")
        pr.refresh_from_db()
        self.assertEqual(pr.status, Status.SUBMITTED)

    def test_rejecting_needs_a_reason_from_the_list_and_an_explanation(self):
        pr = self.bring_to(Status.CHECKED)
        self.login("approver")
        url = reverse("publishing:reject", args=[pr.pk])
        response = self.client.post(url, {"note": ""})
        self.assertEqual(set(response.context["form"].errors), {"reason", "note"})
        pr.refresh_from_db()
        self.assertEqual(pr.status, Status.CHECKED)
        self.client.post(url, {"reason": "incorrect", "note": "ตัวเลขงบประมาณไม่ตรงกัน"})
        pr.refresh_from_db()
        self.assertEqual(pr.rejection_reason, "incorrect")

    def test_the_checker_records_a_verbal_approval(self):
        pr = self.bring_to(Status.CHECKED)
        self.login("checker")
        now = timezone.localtime()
        data = {
            "approver": self.approver.pk,
            "given_at_0": format_date_input(now),
            "given_at_1": now.strftime("%H:%M:%S"),
            "note": "ปลัดอนุมัติทางโทรศัพท์",
        }
        self.client.post(reverse("publishing:record_verbal", args=[pr.pk]), data)
        pr.refresh_from_db()
        self.assertEqual(pr.approval_mode, PublicationRequest.ApprovalMode.VERBAL)
        self.assertEqual((pr.approved_by, pr.verbal_relayed_by), (self.approver, self.checker))

    def test_the_webmaster_confirms_or_corrects_the_category_when_publishing(self):
        pr = self.bring_to(Status.APPROVED)
        self.login("webmaster")
        url = reverse("publishing:publish", args=[pr.pk])
        form = self.client.get(url).context["form"]
        self.assertEqual(form.initial["subcategory"], pr.item.subcategory_id)
        alerts = Subcategory.objects.get(slug="alerts")
        self.client.post(url, {"subcategory": alerts.pk, "note": ""})
        pr.refresh_from_db()
        self.assertEqual((pr.status, pr.item.subcategory), (Status.PUBLISHED, alerts))

    def test_a_change_to_published_content_starts_from_its_request(self):
        pr = self.bring_to(Status.PUBLISHED)
        self.login("requester")
        response = self.client.post(reverse("publishing:revise", args=[pr.pk]), {"note": "แก้วันที่"})
        revision = PublicationRequest.objects.get(item__revision_of=pr.item)
        self.assertRedirects(response, revision.get_absolute_url())
        self.assertEqual(revision.remarks, "แก้วันที่")

    def test_anonymous_visitors_are_sent_to_the_log_in(self):
        pr = self.bring_to(Status.SUBMITTED)
        response = self.client.get(reverse("publishing:check", args=[pr.pk]))
        self.assertEqual(response.status_code, 302)
        self.assertIn(reverse("admin:login"), response["Location"])


class ConfirmationPageMediaTests(WorkflowTestCase):
    def test_the_verbal_approval_page_loads_what_its_date_widgets_need(self):
        pr = self.bring_to(Status.CHECKED)
        self.client.login(username="approver", password=PASSWORD)
        html = self.client.get(reverse("publishing:record_verbal", args=[pr.pk])).content.decode()
        # The B.E. date picker comes with the form's media, after the admin's core.js.
        scripts = re.findall(r'<script src="([^"]+)"', html)
        names = [src.rsplit("/", 1)[-1] for src in scripts]
        self.assertIn("be-datepicker.js", names)
        self.assertLess(names.index("core.js"), names.index("be-datepicker.js"))
