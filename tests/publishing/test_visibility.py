"""Who sees which requests: their own, their unit's, and the queues of their roles."""

from django.urls import reverse

from chiangkhian import roles
from publishing.models import PublicationRequest
from tests.base import PASSWORD, make_unit, make_user
from tests.publishing.base import Status, WorkflowTestCase, file_request


class VisibilityTests(WorkflowTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.colleague = make_user("colleague", roles.REQUESTER, unit=cls.finance)
        engineering = make_unit("engineering", "กองช่าง", "Engineering Division")
        cls.outsider = make_user("outsider", roles.REQUESTER, unit=engineering)

    def visible(self, user):
        return set(PublicationRequest.objects.visible_to(user))

    def test_drafts_are_private_to_whoever_filed_them(self):
        draft = self.file()
        self.assertIn(draft, self.visible(self.requester))
        for user in [self.colleague, self.outsider, self.checker, self.approver, self.webmaster]:
            self.assertNotIn(draft, self.visible(user), user.username)

    def test_requesters_see_their_units_requests_once_submitted(self):
        submitted = self.bring_to(Status.SUBMITTED)
        self.assertIn(submitted, self.visible(self.colleague))
        self.assertNotIn(submitted, self.visible(self.outsider))

    def test_checkers_and_approvers_see_what_has_been_submitted(self):
        submitted = self.bring_to(Status.SUBMITTED)
        self.assertIn(submitted, self.visible(self.checker))
        self.assertIn(submitted, self.visible(self.approver))

    def test_webmasters_see_from_approval_on(self):
        checked = self.bring_to(Status.CHECKED)
        approved = self.bring_to(Status.APPROVED)
        self.assertNotIn(checked, self.visible(self.webmaster))
        self.assertIn(approved, self.visible(self.webmaster))

    def test_the_back_office_list_shows_only_what_one_may_see(self):
        mine = self.file(title_th="คำขอของกองคลัง")
        file_request(self.outsider, title_th="คำขอของกองช่าง")
        self.client.login(username="requester", password=PASSWORD)
        response = self.client.get(reverse("admin:publishing_publicationrequest_changelist"))
        self.assertContains(response, mine.item.title_th)
        self.assertNotContains(response, "คำขอของกองช่าง")

    def test_a_request_one_may_not_see_cannot_be_opened(self):
        theirs = file_request(self.outsider)
        self.client.login(username="requester", password=PASSWORD)
        page = reverse("admin:publishing_publicationrequest_change", args=[theirs.pk])
        self.assertEqual(self.client.get(page).status_code, 302)
        for name in ["submit", "form", "form_pdf"]:
            url = reverse(f"publishing:{name}", args=[theirs.pk])
            self.assertEqual(self.client.get(url).status_code, 404, name)


class EditRightTests(WorkflowTestCase):
    """Only the filer edits, and only while it is a draft or returned (a guardian right)."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.colleague = make_user("colleague", roles.REQUESTER, unit=cls.finance)

    def form_is_editable(self, username, pr):
        self.client.login(username=username, password=PASSWORD)
        url = reverse("admin:publishing_publicationrequest_change", args=[pr.pk])
        return 'name="title_th"' in self.client.get(url).content.decode()

    def test_the_filer_edits_a_draft_and_a_returned_request(self):
        self.assertTrue(self.form_is_editable("requester", self.file()))
        self.assertTrue(self.form_is_editable("requester", self.bring_to(Status.RETURNED)))

    def test_nobody_edits_it_once_submitted(self):
        pr = self.bring_to(Status.SUBMITTED)
        for username in ["requester", "colleague", "checker"]:
            self.assertFalse(self.form_is_editable(username, pr), username)

    def test_a_colleague_cannot_post_changes_to_a_returned_request(self):
        pr = self.bring_to(Status.RETURNED)
        self.client.login(username="colleague", password=PASSWORD)
        url = reverse("admin:publishing_publicationrequest_change", args=[pr.pk])
        self.assertEqual(self.client.post(url, {"title_th": "แก้โดยผู้อื่น"}).status_code, 403)
        pr.item.refresh_from_db()
        self.assertNotEqual(pr.item.title_th, "แก้โดยผู้อื่น")
