"""The completeness dashboard in the back office (announcement 3.3)."""

from django.contrib.auth.models import Permission

from tests.base import PersonaTestCase, make_user

from .helpers import make_item

URL = "/admin/compliance/monitoring/"


class DashboardAccessTests(PersonaTestCase):
    def test_webmasters_find_it_on_the_admin_index(self):
        self.client.force_login(self.webmaster)
        response = self.client.get("/admin/")
        self.assertContains(response, f'href="{URL}"')

    def test_other_roles_are_refused(self):
        for user in [self.requester, self.checker, self.approver]:
            self.client.force_login(user)
            self.assertEqual(self.client.get(URL).status_code, 403, user)

    def test_anonymous_visitors_are_sent_to_log_in(self):
        response = self.client.get(URL)
        self.assertRedirects(response, f"/admin/login/?next={URL}", fetch_redirect_response=False)

    def test_the_permission_alone_opens_it(self):
        user = make_user("auditor")
        user.user_permissions.add(Permission.objects.get(codename="view_monitoring"))
        self.client.force_login(user)
        self.assertEqual(self.client.get(URL).status_code, 200)


class DashboardContentTests(PersonaTestCase):
    def setUp(self):
        self.client.force_login(self.webmaster)

    def test_each_entry_shows_its_status_items_and_unit(self):
        item = make_item(
            "general/structure", title_th="แผนผังโครงสร้างส่วนราชการ", owner_unit=self.finance
        )
        response = self.client.get(URL)
        self.assertContains(response, "OIA-7-1")
        self.assertContains(response, f'href="{item.get_absolute_url()}"')
        self.assertContains(response, "แผนผังโครงสร้างส่วนราชการ")
        self.assertContains(response, "กองคลัง")
        self.assertContains(response, "ครบถ้วน")
        self.assertContains(response, "ยังไม่มี")

    def test_filters_by_source_and_status(self):
        make_item("general/history")
        response = self.client.get(URL, {"source": "OIA", "status": "missing"})
        rows = [row.entry for row in response.context["rows"]]
        self.assertTrue(rows)
        self.assertTrue(all(e.source == "OIA" for e in rows))
        self.assertNotIn("GWS-01", [e.code for e in rows])
        satisfied = self.client.get(URL, {"status": "satisfied"}).context["rows"]
        by_content = [row.entry.code for row in satisfied if row.entry.satisfied_by]
        self.assertEqual(by_content, ["GWS-01"])

    def test_an_unknown_filter_value_shows_everything(self):
        response = self.client.get(URL, {"source": "<script>", "status": "x"})
        self.assertEqual(len(response.context["rows"]), len(response.context["report"].statuses))

    def test_queries_stay_constant_as_content_grows(self):
        def grow():
            for index in range(4):
                make_item("news/general-news", title_th=f"ข่าวประชาสัมพันธ์ {index}")
                make_item("public-info/integrity", title_th=f"รายงานความเสี่ยง {index}")

        make_item("general/history")
        self.assertConstantQueries(URL, grow)
