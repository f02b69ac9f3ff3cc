"""The back office: the queue of a unit, the case page and its action pages."""

import datetime

from eservices.models import Case, PersonalDataView

from .helpers import EserviceTestCase, file


class StaffPageTests(EserviceTestCase):
    queue = "/admin/eservices/case/"

    def test_queue_shows_overdue_first_with_counts_and_constant_queries(self):
        # Received first, due later: received order and due order disagree.
        late = file(self.complaints, subject="ท่อระบายน้ำอุดตัน")
        on_time = file(self.complaints, subject="ทางเท้าชำรุด")
        Case.objects.filter(pk=late.pk).update(due_on=datetime.date(2020, 1, 1))
        Case.objects.filter(pk=on_time.pk).update(due_on=datetime.date(2099, 1, 1))
        newest = file(self.complaints, subject="ไฟดับ")  # due in 15 days: before on_time
        self.client.force_login(self.officer)
        page = self.client.get(self.queue).content.decode()
        self.assertLess(page.index(late.code), page.index(newest.code))
        self.assertLess(page.index(newest.code), page.index(on_time.code))
        self.assertIn("เกินกำหนด", page)
        self.assertConstantQueries(self.queue, lambda: [file(self.complaints) for _ in range(3)])

    def test_other_unit_does_not_see_the_case(self):
        case = file(self.complaints)
        self.client.force_login(self.health_officer)
        self.assertNotContains(self.client.get(self.queue), case.code)
        response = self.client.get(f"{self.queue}{case.pk}/change/")
        self.assertNotEqual(response.status_code, 200)

    def test_officer_handles_the_case_from_its_page_and_the_view_is_recorded(self):
        case = file(self.complaints)
        self.client.force_login(self.officer)
        page = self.client.get(f"{self.queue}{case.pk}/change/")
        self.assertContains(page, "นายสมชาย ใจกล้า")
        self.assertEqual(PersonalDataView.objects.filter(case=case, by=self.officer).count(), 1)
        self.client.post(f"{self.queue}{case.pk}/act/accept/", {"note": ""})
        response = self.client.post(f"{self.queue}{case.pk}/act/reply/", {"note": ""})
        self.assertContains(response, "กรุณากรอกช่องนี้")
        self.client.post(f"{self.queue}{case.pk}/act/close_done/", {"note": "ซ่อมเสร็จแล้ว"})
        case.refresh_from_db()
        self.assertEqual(case.status, Case.Status.DONE)

    def test_palat_sees_overdue_cases_without_personal_data(self):
        case = file(self.complaints)
        Case.objects.filter(pk=case.pk).update(due_on=datetime.date(2020, 1, 1))
        self.client.force_login(self.approver)
        on_time = file(self.complaints, subject="ทางเท้าชำรุด")
        overview = self.client.get(f"{self.queue}?overdue=yes")
        self.assertContains(overview, case.code)
        self.assertNotContains(overview, on_time.code)
        page = self.client.get(f"{self.queue}{case.pk}/change/")
        self.assertNotContains(page, "นายสมชาย ใจกล้า")
        self.assertFalse(PersonalDataView.objects.exists())
        self.client.post(f"{self.queue}{case.pk}/act/accept/", {"note": ""})
        self.assertEqual(Case.objects.get(pk=case.pk).status, Case.Status.RECEIVED)


class ServiceAdminTests(EserviceTestCase):
    def test_webmaster_adds_a_service_but_never_lists_corruption_reports_publicly(self):
        self.client.force_login(self.webmaster)
        data = {
            "kind": "general",
            "slug": "tree-cutting",
            "name_th": "ขอตัดต้นไม้",
            "name_en": "",
            "code_prefix": "ต",
            "unit": self.engineering.pk,
            "default_days": 10,
            "is_online": "on",
            "order": 5,
        }
        response = self.client.post("/admin/eservices/service/add/", data)
        self.assertEqual(response.status_code, 302)
        self.assertTrue(self.client.get("/e-service/tree-cutting/").status_code == 200)
        bad = {**data, "slug": "secret", "kind": "corruption", "cases_public": "on"}
        self.assertContains(self.client.post("/admin/eservices/service/add/", bad), "ไม่แสดง")
        reserved = {**data, "slug": "track"}
        self.assertEqual(
            self.client.post("/admin/eservices/service/add/", reserved).status_code, 200
        )
