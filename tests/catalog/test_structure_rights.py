"""Only a superuser changes the structure: categories, subcategories, slugs, descriptions.

A webmaster limited to some categories (guardian's publish_in_category) must not be able to
widen that limit by any route: the admin's forms and inlines, crafted POSTs, the object
permission pages, their own account, or the publish form's category choice.
"""

from django.contrib.auth.models import Permission
from django.urls import reverse
from guardian.shortcuts import assign_perm

from catalog.models import Category, Subcategory
from chiangkhian.models import User
from publishing import access
from tests.base import PASSWORD
from tests.publishing.base import Status, WorkflowTestCase


class LimitedWebmasterTests(WorkflowTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.laws = Category.objects.get(slug="laws")
        cls.news = Subcategory.objects.get(slug="general-news")
        assign_perm("catalog.publish_in_category", cls.webmaster2, cls.laws)

    def setUp(self):
        self.client.login(username="webmaster2", password=PASSWORD)

    def subcategory_post(self, subcategory, **changes):
        data = {
            "category": subcategory.category_id,
            "slug": subcategory.slug,
            "name_th": subcategory.name_th,
            "name_en": subcategory.name_en,
            "description_th": subcategory.description_th,
            "description_en": subcategory.description_en,
            "order": subcategory.order,
            **changes,
        }
        url = reverse("admin:catalog_subcategory_change", args=[subcategory.pk])
        return self.client.post(url, data)

    def test_limited_webmaster_cannot_edit_subcategory(self):
        url = reverse("admin:catalog_subcategory_change", args=[self.news.pk])
        page = self.client.get(url)
        self.assertEqual(page.status_code, 200)  # read only
        self.assertNotContains(page, 'name="name_th"')
        # A crafted POST that would move the news listing into their category 1.x (laws).
        before = (self.news.category_id, self.news.name_th)
        response = self.subcategory_post(self.news, category=self.laws.pk, name_th="ข่าวของฉัน")
        self.assertEqual(response.status_code, 403)
        self.news.refresh_from_db()
        self.assertEqual((self.news.category_id, self.news.name_th), before)
        self.assertNotIn(self.news.category, access.publishing_categories(self.webmaster2))

    def test_a_webmaster_cannot_add_a_subcategory(self):
        url = reverse("admin:catalog_subcategory_add")
        self.assertEqual(self.client.get(url).status_code, 403)
        data = {"category": self.laws.pk, "slug": "mine", "name_th": "ของฉัน", "name_en": "Mine"}
        self.assertEqual(self.client.post(url, {**data, "order": 1}).status_code, 403)
        self.assertFalse(Subcategory.objects.filter(slug="mine").exists())

    def test_a_webmaster_cannot_change_a_category_or_its_public_description(self):
        url = reverse("admin:catalog_category_change", args=[self.laws.pk])
        data = {"name_th": "x", "name_en": "x", "description_th": "แก้โดยเว็บมาสเตอร์"}
        response = self.client.post(url, {**data, "order": 1})
        self.assertEqual(response.status_code, 403)
        self.laws.refresh_from_db()
        self.assertNotEqual(self.laws.description_th, "แก้โดยเว็บมาสเตอร์")

    def test_a_webmaster_cannot_widen_their_category_limit(self):
        news = self.news.category
        permissions = reverse(
            "admin:catalog_category_permissions_manage_user", args=[news.pk, self.webmaster2.pk]
        )
        response = self.client.post(permissions, {"permissions": ["publish_in_category"]})
        self.assertEqual(response.status_code, 403)
        own_account = reverse("admin:chiangkhian_user_change", args=[self.webmaster2.pk])
        self.assertEqual(self.client.get(own_account).status_code, 403)
        self.assertEqual(access.publishing_categories(self.webmaster2), [self.laws])

    def test_the_publish_form_refuses_a_category_outside_their_limit(self):
        ordinances = Subcategory.objects.get(slug="ordinances")
        pr = self.bring_to(Status.APPROVED, subcategory=ordinances, kind="law")
        url = reverse("publishing:publish", args=[pr.pk])
        response = self.client.post(url, {"subcategory": self.news.pk, "note": ""})
        self.assertEqual(response.status_code, 200)
        self.assertIn("subcategory", response.context["form"].errors)
        pr.refresh_from_db()
        self.assertEqual(pr.status, Status.APPROVED)

    def test_no_role_holds_a_structure_permission(self):
        structure = (
            Permission.objects.filter(
                content_type__app_label="catalog",
                content_type__model__in=["category", "subcategory"],
            )
            .exclude(codename__startswith="view")
            .exclude(codename="publish_in_category")
        )
        holders = User.objects.filter(groups__permissions__in=structure)
        self.assertFalse(holders.exists())


class SuperuserStructureTests(WorkflowTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        User.objects.create_superuser("root", "root@example.test", PASSWORD)

    def test_a_superuser_renames_a_subcategory_but_its_url_name_stays(self):
        self.client.login(username="root", password=PASSWORD)
        news = Subcategory.objects.get(slug="general-news")
        url = reverse("admin:catalog_subcategory_change", args=[news.pk])
        data = {
            "category": news.category_id,
            "slug": "renamed",
            "name_th": "ข่าวประชาสัมพันธ์",
            "name_en": "Public relations news",
            "description_th": "",
            "description_en": "",
            "order": news.order,
        }
        response = self.client.post(url, data)
        self.assertEqual(response.status_code, 302)
        news.refresh_from_db()
        self.assertEqual((news.name_th, news.slug), ("ข่าวประชาสัมพันธ์", "general-news"))

    def test_the_clause_and_url_name_of_a_category_are_fixed(self):
        self.client.login(username="root", password=PASSWORD)
        laws = Category.objects.get(slug="laws")
        page = self.client.get(reverse("admin:catalog_category_change", args=[laws.pk]))
        self.assertNotContains(page, 'name="slug"')
        self.assertNotContains(page, 'name="code"')
        self.assertContains(page, 'name="description_th"')
