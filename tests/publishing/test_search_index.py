"""What the webmaster publishes is found by the site search; a revision's new words too."""

from catalog.models import Item
from publishing import transitions

from .base import Status, WorkflowTestCase


class SearchIndexTests(WorkflowTestCase):
    def found(self, words):
        response = self.client.get("/search/", {"q": words})
        return [item.pk for item in response.context["page"]]

    def test_published_item_is_found_by_search(self):
        pr = self.bring_to(Status.APPROVED, title_th="ประกาศรับสมัครอาสาสมัครดับเพลิง")
        self.assertEqual(self.found("อาสาสมัครดับเพลิง"), [])
        self.publish(pr)
        self.assertEqual(self.found("อาสาสมัครดับเพลิง"), [pr.item.pk])

    def test_published_revision_replaces_the_words_found(self):
        pr = self.bring_to(Status.PUBLISHED, title_th="ประกาศปิดถนนสายหนึ่ง")
        revision = transitions.start_revision(item=pr.item, by=self.requester)
        Item.objects.filter(pk=revision.item.pk).update(title_th="ประกาศเปิดถนนสายสองแล้ว")
        revision.item.refresh_from_db()
        self.bring_to(Status.PUBLISHED, pr=revision)
        self.assertEqual(self.found("ถนนสายสอง"), [pr.item.pk])
        self.assertEqual(self.found("ถนนสายหนึ่ง"), [])

    def test_withdrawn_item_is_no_longer_found(self):
        pr = self.bring_to(Status.PUBLISHED, title_th="ประกาศประมูลรถบรรทุกขยะ")
        self.withdraw(pr)
        self.assertEqual(self.found("รถบรรทุกขยะ"), [])
