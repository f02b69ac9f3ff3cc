"""Public pages: the Q&A (answers published by a webmaster) and the list of public cases."""

from eservices import transitions
from eservices.models import Case, CaseStep, PublishedAnswer

from .helpers import EserviceTestCase, file, make_service


class QuestionAnswerTests(EserviceTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.question_service = make_service("question", unit=cls.engineering)

    def answered(self):
        case = file(
            self.question_service,
            subject="ขออนุญาตก่อสร้างใช้เวลากี่วัน",
            description="ขออนุญาตก่อสร้างบ้านใช้เวลากี่วันคะ",
        )
        transitions.accept(case=case, by=self.officer)
        transitions.close_done(case=case, by=self.officer, note="ไม่เกิน 45 วันนับจากยื่นครบ")
        return case

    def test_answer_is_public_only_once_a_webmaster_publishes_it(self):
        case = self.answered()
        self.assertNotContains(self.client.get("/e-service/questions/"), "ไม่เกิน 45 วัน")
        with self.assertRaises(transitions.NotAllowed):
            transitions.publish_answer(case=case, by=self.officer, question="q", answer="a")
        self.client.force_login(self.webmaster)
        url = f"/admin/eservices/case/{case.pk}/act/publish_answer/"
        self.assertContains(self.client.get(url), "ไม่เกิน 45 วันนับจากยื่นครบ")  # prefilled
        self.assertNotContains(
            self.client.get(f"/admin/eservices/case/{case.pk}/change/"), "นายสมชาย ใจกล้า"
        )
        self.client.post(
            url, {"question": "ขออนุญาตก่อสร้างใช้เวลากี่วัน", "answer": "ไม่เกิน 45 วันนับจากยื่นเอกสารครบ"}
        )
        published = PublishedAnswer.objects.get()
        self.assertEqual(published.published_by, self.webmaster)
        self.assertTrue(CaseStep.objects.filter(case=case, action="publish_answer").exists())
        self.client.logout()
        page = self.client.get("/e-service/questions/")
        self.assertContains(page, "ไม่เกิน 45 วันนับจากยื่นเอกสารครบ")
        self.assertNotContains(page, "นายสมชาย")

    def test_questions_page_constant_queries(self):
        def grow(count=3):
            for _ in range(count):
                case = self.answered()
                transitions.publish_answer(case=case, by=self.webmaster, question="q", answer="a")

        grow(1)
        self.assertConstantQueries("/e-service/questions/", grow)


class PublicCaseListTests(EserviceTestCase):
    def test_public_list_never_shows_personal_data_or_corruption_reports(self):
        self.complaints.cases_public = True
        self.complaints.save()
        corruption = make_service("corruption", unit=self.engineering)
        shown = file(self.complaints, topic="roads", place="ซอย 9 หมู่ 4")
        hidden = file(corruption, subject="ทุจริตจัดซื้อ")
        page = self.client.get("/e-service/cases/")
        self.assertContains(page, shown.code)
        self.assertContains(page, "ซอย 9 หมู่ 4")
        self.assertNotContains(page, hidden.code)
        for private in ["นายสมชาย", "081-234-5678", "somchai@"]:
            self.assertNotContains(page, private)
        self.assertConstantQueries(
            "/e-service/cases/", lambda: [file(self.complaints) for _ in range(3)]
        )

    def test_private_services_are_not_listed(self):
        case = file(self.complaints)
        self.assertNotContains(self.client.get("/e-service/cases/"), case.code)
        self.assertEqual(Case.objects.publicly_listed().count(), 0)
