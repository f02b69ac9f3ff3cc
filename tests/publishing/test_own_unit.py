"""A requester files publication requests for their own unit only."""

from catalog.models import Item
from publishing import transitions
from publishing.models import PublicationRequest
from tests.base import PASSWORD, make_unit
from tests.publishing.base import WorkflowTestCase, item_fields
from tests.publishing.test_request_page import ADD, form_data, management


class OwnUnitTests(WorkflowTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.engineering = make_unit("engineering", "กองช่าง", "Engineering Division")

    def test_a_request_for_another_unit_is_refused(self):
        pr = PublicationRequest(item=Item(**item_fields()), unit=self.engineering)
        with self.assertRaisesMessage(transitions.NotAllowed, "เฉพาะในนามหน่วยงานของตนเอง"):
            transitions.file_request(publication_request=pr, by=self.requester)
        self.assertFalse(PublicationRequest.objects.exists())

    def test_the_form_offers_only_their_unit_and_refuses_a_crafted_one(self):
        self.client.login(username="requester", password=PASSWORD)
        page = self.client.get(ADD)
        self.assertEqual(
            list(page.context["adminform"].form.fields["unit"].queryset), [self.finance]
        )
        data = {**form_data(unit=self.engineering.pk), **management()}
        response = self.client.post(ADD, data)
        self.assertEqual(response.status_code, 200)
        self.assertIn("unit", response.context["adminform"].form.errors)
        self.assertFalse(PublicationRequest.objects.exists())

    def test_a_draft_cannot_be_moved_to_another_unit(self):
        pr = self.file()
        pr.unit = self.engineering
        with self.assertRaises(transitions.NotAllowed):
            transitions.save_draft(publication_request=pr, by=self.requester)
        pr.refresh_from_db()
        self.assertEqual(pr.unit, self.finance)
