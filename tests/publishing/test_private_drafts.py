"""A draft's content is its filer's until it is submitted, in every back-office view."""

from django.urls import reverse

from chiangkhian import roles
from tests.base import PASSWORD, make_user
from tests.catalog.helpers import attach
from tests.publishing.base import WorkflowTestCase

SECRET = "ร่างลับยังไม่ส่ง งบประมาณเพิ่มเติม"
OTHERS = ["colleague", "checker", "approver", "webmaster"]


class PrivateDraftTests(WorkflowTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.colleague = make_user("colleague", roles.REQUESTER, unit=cls.finance)

    def setUp(self):
        self.draft = self.file(title_th=SECRET)
        self.item = self.draft.item
        self.attachment = attach(self.item, "งบเพิ่มเติม.pdf", title_th="ร่างงบประมาณ")

    def get_as(self, username, url):
        self.client.login(username=username, password=PASSWORD)
        return self.client.get(url)

    def test_others_do_not_find_it_in_the_item_list_or_its_search(self):
        url = reverse("admin:catalog_item_changelist")
        for username in OTHERS:
            for query in ["?q=ร่างลับ", ""]:
                response = self.get_as(username, url + query)
                self.assertIn(response.status_code, {200, 403}, username)  # 403: no item list
                self.assertNotIn(SECRET, response.content.decode(), username)

    def test_others_cannot_open_it_or_its_history(self):
        pages = [
            reverse("admin:catalog_item_change", args=[self.item.pk]),
            reverse("admin:catalog_item_history", args=[self.item.pk]),
            reverse("admin:publishing_publicationrequest_change", args=[self.draft.pk]),
            reverse("admin:publishing_publicationrequest_history", args=[self.draft.pk]),
        ]
        for username in OTHERS:
            for url in pages:
                response = self.get_as(username, url)
                self.assertIn(response.status_code, {302, 403, 404}, f"{username} {url}")
                self.assertNotContains(response, SECRET, status_code=response.status_code)

    def test_others_cannot_download_its_files(self):
        url = reverse("publishing:attachment", args=[self.draft.pk, self.attachment.pk])
        for username in OTHERS:
            self.assertEqual(self.get_as(username, url).status_code, 404, username)
        self.assertEqual(self.get_as("requester", url).status_code, 200)

    def test_once_submitted_the_reviewers_see_it(self):
        self.submit(self.draft)
        response = self.get_as("checker", reverse("admin:catalog_item_changelist"))
        self.assertContains(response, SECRET)
