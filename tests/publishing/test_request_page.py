"""The back office: the request form, the request page with its actions, history and diff,
and the queues on the admin index."""

import datetime

from django.urls import reverse
from django.utils import timezone

from catalog.models import Subcategory
from chiangkhian import roles
from chiangkhian.dateinput import format_date_input
from publishing import timeline, transitions
from publishing.models import PublicationRequest
from tests.base import PASSWORD, make_user
from tests.catalog.helpers import attach
from tests.publishing.base import Status, WorkflowTestCase, file_request

ADD = reverse("admin:publishing_publicationrequest_add")

PARTS = ["lawdetail", "knowledgedetail", "linkdetail", "manualdetail", "manual_steps"]
PARTS += ["manual_documents", "newsdetail", "procurementdetail", "people", "attachments", "photos"]


def management(**counts):
    """The management forms of every section, as the page posts them (all kinds are on it)."""
    data = {}
    for prefix in PARTS:
        data.update(
            {
                f"{prefix}-TOTAL_FORMS": str(counts.get(prefix, 0)),
                f"{prefix}-INITIAL_FORMS": "0",
                f"{prefix}-MIN_NUM_FORMS": "0",
                f"{prefix}-MAX_NUM_FORMS": "1000",
            }
        )
    return data


def form_data(**fields):
    later = timezone.localtime() + datetime.timedelta(days=60)
    data = {
        "unit": "",
        "subcategory": Subcategory.objects.get(slug="general-news").pk,
        "kind": "news",
        "title_th": "ประชาสัมพันธ์การรับสมัครอาสาสมัครป้องกันภัยฝ่ายพลเรือน",
        "summary_th": "เทศบาลรับสมัคร อปพร. จำนวน 20 คน",
        "body_th": "สมัครได้ที่สำนักปลัดเทศบาล",
        "external_url": "",
        "remarks": "ขอเผยแพร่ภายในสัปดาห์นี้",
        "owner_unit": "",
        "source": "สำนักปลัดเทศบาล",
        "data_from": "01/03/2569",  # the Buddhist Era, as a clerk types it
        "data_to": "",
        "publish_at_0": format_date_input(timezone.localtime()),
        "publish_at_1": "08:00:00",
        "expire_at_0": format_date_input(later),
        "expire_at_1": "16:30:00",
        "review_at": "",
        "no_end_reason": "",
        "title_en": "",
        "summary_en": "",
        "body_en": "",
        **management(),
    }
    data.update(fields)
    return data


class RequestFormTests(WorkflowTestCase):
    def setUp(self):
        self.client.login(username="requester", password=PASSWORD)

    def test_filing_saves_a_draft_request_and_its_item_and_opens_it(self):
        response = self.client.post(ADD, form_data(unit=self.finance.pk))
        pr = PublicationRequest.objects.get()
        self.assertRedirects(response, pr.get_absolute_url())
        self.assertEqual(pr.status, Status.DRAFT)
        self.assertEqual((pr.requester, pr.unit), (self.requester, self.finance))
        self.assertEqual(pr.item.title_th, form_data()["title_th"])
        self.assertEqual(pr.item.created_by, self.requester)
        self.assertTrue(self.requester.has_perm("publishing.change_publicationrequest", pr))

    def test_the_form_is_offered_in_thai_with_the_users_unit(self):
        response = self.client.get(ADD)
        self.assertContains(response, "คำขอเผยแพร่ข้อมูล (ตามประกาศ ข้อ 2.2.1)")
        self.assertEqual(response.context["adminform"].form.initial["unit"], self.finance.pk)

    def test_roles_without_the_right_to_file_get_no_form(self):
        self.client.login(username="checker", password=PASSWORD)
        self.assertEqual(self.client.get(ADD).status_code, 403)

    def test_the_filer_edits_the_draft_and_it_is_in_the_history(self):
        pr = self.file()
        url = reverse("admin:publishing_publicationrequest_change", args=[pr.pk])
        data = form_data(unit=self.finance.pk, title_th="ชื่อเรื่องที่แก้ไขแล้ว")
        self.assertRedirects(self.client.post(url, data), url)
        response = self.client.get(url)
        self.assertContains(response, "ชื่อเรื่องที่แก้ไขแล้ว")
        edits = [event for event in response.context["timeline"] if event.changes]
        self.assertEqual({edit.by for edit in edits}, {self.requester})
        new_values = [change.new for edit in edits for change in edit.changes]
        self.assertIn("ชื่อเรื่องที่แก้ไขแล้ว", new_values)


class RequestPageTests(WorkflowTestCase):
    def page(self, username, pr):
        self.client.login(username=username, password=PASSWORD)
        return self.client.get(reverse("admin:publishing_publicationrequest_change", args=[pr.pk]))

    def test_it_offers_the_next_action_to_whoever_may_take_it(self):
        pr = self.bring_to(Status.SUBMITTED)
        response = self.page("checker", pr)
        self.assertContains(response, reverse("publishing:check", args=[pr.pk]))
        self.assertContains(response, reverse("publishing:return", args=[pr.pk]))

    def test_it_says_why_a_user_cannot_act_instead_of_hiding_it(self):
        everyone = make_user("everyone", *roles.ROLES)
        pr = self.bring_to(Status.SUBMITTED, pr=file_request(everyone))
        response = self.page("everyone", pr)
        self.assertContains(response, "คุณเป็นผู้ยื่นคำขอนี้เอง")
        self.assertNotContains(response, reverse("publishing:check", args=[pr.pk]))
        response = self.page("approver", self.bring_to(Status.SUBMITTED))
        self.assertContains(response, "การดำเนินการนี้สำหรับผู้รับผิดชอบการให้ข้อมูล")

    def test_it_shows_every_transition_who_and_when(self):
        pr = self.bring_to(Status.PUBLISHED)
        response = self.page("approver", pr)
        actions = [event.action for event in response.context["timeline"] if event.action != "edit"]
        self.assertEqual(actions, ["file", "submit", "check", "approve", "publish"])
        self.assertContains(response, self.webmaster.get_full_name() or "webmaster")

    def test_a_resubmitted_request_shows_the_checker_what_changed(self):
        pr = self.bring_to(Status.RETURNED)
        pr.item.title_th = "หัวข้อหลังแก้ไขตามความเห็น"
        transitions.save_draft(publication_request=pr, by=self.requester)
        self.submit(pr)
        changes = self.page("checker", pr).context["changes_since"]
        self.assertEqual(
            [(change.old, change.new) for change in changes],
            [("ประกาศรับชำระภาษีที่ดินและสิ่งปลูกสร้าง ประจำปี 2569", "หัวข้อหลังแก้ไขตามความเห็น")],
        )

    def test_a_file_swapped_after_the_return_shows_as_a_change(self):
        pr = self.file()
        first = attach(pr.item, "ฉบับเดิม.pdf", title_th="ประกาศฉบับเดิม")
        pr = self.bring_to(Status.RETURNED, pr=pr)
        first.delete()
        attach(pr.item, "ฉบับแก้ไข.pdf", title_th="ประกาศฉบับแก้ไข")
        self.submit(pr)
        changes = self.page("checker", pr).context["changes_since"]
        self.assertEqual(
            [(change.old, change.new) for change in changes],
            [("ประกาศฉบับเดิม", "—"), ("—", "ประกาศฉบับแก้ไข")],
        )

    def test_a_request_never_returned_has_no_diff_to_show(self):
        response = self.page("checker", self.bring_to(Status.SUBMITTED))
        self.assertIsNone(response.context["changes_since"])


class QueueTests(WorkflowTestCase):
    def test_the_admin_index_shows_each_roles_queue_with_counts(self):
        self.bring_to(Status.SUBMITTED)
        self.bring_to(Status.SUBMITTED)
        self.bring_to(Status.CHECKED)
        self.client.login(username="checker", password=PASSWORD)
        response = self.client.get(reverse("admin:index"))
        self.assertContains(response, "รอตรวจสอบ")
        self.assertContains(response, '<span class="queue-count">2</span>', html=False)
        self.assertContains(response, "รอมาแล้ว")
        self.client.login(username="approver", password=PASSWORD)
        response = self.client.get(reverse("admin:index"))
        self.assertContains(response, "รออนุมัติ")
        self.assertContains(response, "รอยืนยันเป็นลายลักษณ์อักษร")

    def test_the_publishing_queue_leaves_out_ones_own_approvals(self):
        approving_webmaster = make_user("palat", roles.APPROVER, roles.WEBMASTER)
        pr = self.bring_to(Status.CHECKED)
        transitions.approve(publication_request=pr, by=approving_webmaster)
        self.assertNotIn(pr, PublicationRequest.objects.waiting_for_publishing(approving_webmaster))
        self.assertIn(pr, PublicationRequest.objects.waiting_for_publishing(self.webmaster))


class HistoryPageTests(WorkflowTestCase):
    def test_the_field_by_field_history_opens_for_whoever_sees_the_request(self):
        pr = self.bring_to(Status.CHECKED)
        self.client.login(username="approver", password=PASSWORD)
        url = reverse("admin:publishing_publicationrequest_history", args=[pr.pk])
        self.assertEqual(self.client.get(url).status_code, 200)


class WaitedTests(WorkflowTestCase):
    def test_the_wait_is_told_in_thai_days_and_hours(self):
        now = timezone.now()
        ago = datetime.timedelta
        self.assertEqual(timeline.waited(now - ago(days=3, hours=4), now), "3 วัน 4 ชั่วโมง")
        self.assertEqual(timeline.waited(now - ago(hours=2, minutes=5), now), "2 ชั่วโมง")
        self.assertEqual(timeline.waited(now - ago(minutes=5), now), "5 นาที")


class QueryCountTests(WorkflowTestCase):
    """Back-office lists stay at a constant number of queries as requests accumulate."""

    def grow(self):
        for status in [Status.SUBMITTED, Status.CHECKED, Status.APPROVED, Status.PUBLISHED]:
            self.bring_to(status)

    def test_the_request_list(self):
        self.grow()
        self.client.login(username="approver", password=PASSWORD)
        url = reverse("admin:publishing_publicationrequest_changelist")
        self.assertConstantQueries(url, self.grow)

    def test_the_admin_index_with_its_queues(self):
        self.grow()
        self.client.login(username="approver", password=PASSWORD)
        self.assertConstantQueries(reverse("admin:index"), self.grow)
