"""Citizens search the website; only what is live is found (announcement 3.2)."""

from tests.base import PersonaTestCase

from .helpers import make_item


class SearchTests(PersonaTestCase):
    def test_thai_words_are_found_inside_unspaced_text(self):
        make_item(title_th="ประกาศรับชำระภาษีที่ดินและสิ่งปลูกสร้าง")
        make_item(title_th="กิจกรรมวันเด็กแห่งชาติ")
        response = self.client.get("/search/", {"q": "ภาษีที่ดิน"})
        self.assertContains(response, "ประกาศรับชำระภาษีที่ดินและสิ่งปลูกสร้าง")
        self.assertNotContains(response, "กิจกรรมวันเด็กแห่งชาติ")
        self.assertContains(response, "1 รายการ")

    def test_every_word_must_match(self):
        make_item(title_th="ประกาศรับชำระภาษี", body_th="ณ กองคลัง")
        make_item(title_th="ประกาศรับสมัครงาน")
        response = self.client.get("/search/", {"q": "ประกาศ กองคลัง"})
        self.assertContains(response, "ประกาศรับชำระภาษี")
        self.assertNotContains(response, "ประกาศรับสมัครงาน")

    def test_drafts_withdrawn_and_expired_items_are_never_found(self):
        for status in ["draft", "withdrawn", "expired"]:
            make_item(title_th=f"ภาษีป้าย {status}", status=status)
        response = self.client.get("/search/", {"q": "ภาษีป้าย"})
        self.assertNotContains(response, "ภาษีป้าย draft")
        self.assertNotContains(response, "ภาษีป้าย withdrawn")
        self.assertNotContains(response, "ภาษีป้าย expired")

    def test_queries_do_not_grow_with_results(self):
        make_item(title_th="ข่าวภาษี 1")
        self.assertConstantQueries(
            "/search/?q=ข่าวภาษี",
            lambda: [make_item(title_th=f"ข่าวภาษี {n}") for n in range(2, 6)],
        )
