"""The back office: drafts are edited, live content is read-only, rights follow the item."""

from django.contrib.auth.models import Group

from catalog.models import Attachment, Item, Subcategory
from catalog.permissions import grant_owner_rights
from chiangkhian import roles
from tests.base import PersonaTestCase, make_user

from .helpers import EXECUTABLE, make_item, pdf_bytes, upload


def item_form(item, **changes):
    data = {
        "subcategory": item.subcategory_id,
        "kind": item.kind,
        "title_th": item.title_th,
        "source": item.source,
        "data_from": "01/01/2569",  # typed in the Buddhist Era, as a clerk does
        "publish_at_0": "05/01/2569",
        "publish_at_1": "09:00",
        "expire_at_0": "05/01/2570",
        "expire_at_1": "09:00",
    }
    for prefix in ["attachments", "photos"]:
        data.update({f"{prefix}-TOTAL_FORMS": "0", f"{prefix}-INITIAL_FORMS": "0"})
    data.update(changes)
    return data


class ItemAdminTests(PersonaTestCase):
    def change_url(self, item):
        return f"/admin/catalog/item/{item.pk}/change/"

    def test_a_published_item_is_read_only_even_for_a_webmaster(self):
        item = make_item(title_th="ประกาศที่เผยแพร่แล้ว")
        self.client.force_login(self.webmaster)
        response = self.client.get(self.change_url(item))
        self.assertEqual(response.status_code, 200)
        self.assertFalse(response.context["has_change_permission"])
        response = self.client.post(self.change_url(item), item_form(item, title_th="แก้ไขทับ"))
        self.assertEqual(response.status_code, 403)
        self.assertEqual(Item.objects.get(pk=item.pk).title_th, "ประกาศที่เผยแพร่แล้ว")

    def test_the_requester_edits_their_draft(self):
        item = make_item(status="draft")
        grant_owner_rights(item=item, user=self.requester)
        self.client.force_login(self.requester)
        response = self.client.post(self.change_url(item), item_form(item, title_th="ชื่อใหม่"))
        self.assertEqual(response.status_code, 302, response.content[:3000])
        self.assertEqual(Item.objects.get(pk=item.pk).title_th, "ชื่อใหม่")

    def test_a_webmaster_does_not_write_content(self):
        item = make_item(status="draft")
        self.client.force_login(self.webmaster)
        response = self.client.post(self.change_url(item), item_form(item, title_th="ชื่อใหม่"))
        self.assertEqual(response.status_code, 403)
        self.assertNotEqual(Item.objects.get(pk=item.pk).title_th, "ชื่อใหม่")

    def test_a_requester_adds_content_only_through_a_request(self):
        self.client.force_login(self.requester)
        response = self.client.post(
            "/admin/catalog/item/add/", item_form(make_item(status="draft"))
        )
        self.assertEqual(response.status_code, 403)

    def test_a_requester_works_on_their_own_draft_only(self):
        other = make_user("other-requester", roles.REQUESTER)
        own = make_item(status="draft", title_th="ร่างของผู้ขอเผยแพร่")
        grant_owner_rights(item=own, user=self.requester)
        self.client.force_login(self.requester)
        self.assertContains(self.client.get("/admin/catalog/item/"), own.title_th)
        self.assertFalse(other.has_perm("catalog.change_item", own))
        other_client = self.client_class()
        other_client.force_login(other)
        # With no draft of their own, the content list is not theirs to open at all.
        self.assertEqual(other_client.get("/admin/catalog/item/").status_code, 403)
        self.assertNotEqual(other_client.get(self.change_url(own)).status_code, 200)

    def test_rights_given_on_a_draft_end_when_it_is_published(self):
        item = make_item(status="draft")
        grant_owner_rights(item=item, user=self.requester)
        self.client.force_login(self.requester)
        self.assertTrue(self.client.get(self.change_url(item)).context["has_change_permission"])
        Item.objects.filter(pk=item.pk).update(status="published")
        self.assertFalse(self.client.get(self.change_url(item)).context["has_change_permission"])

    def test_an_upload_in_the_admin_passes_the_same_checks(self):
        item = make_item(status="draft")
        grant_owner_rights(item=item, user=self.requester)
        self.client.force_login(self.requester)
        data = item_form(
            item,
            **{
                "attachments-TOTAL_FORMS": "2",
                "attachments-0-title_th": "คำสั่ง",
                "attachments-0-file": upload("คำสั่ง.pdf", EXECUTABLE),
                "attachments-1-title_th": "รายงาน",
                "attachments-1-file": upload("รายงาน.pdf", pdf_bytes()),
            },
        )
        response = self.client.post(self.change_url(item), data)
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "MS-DOS executable")
        self.assertFalse(Attachment.objects.exists())

    def test_published_content_cannot_be_deleted(self):
        self.client.force_login(make_user("root", is_superuser=True))
        item = make_item()
        self.assertEqual(
            self.client.post(f"/admin/catalog/item/{item.pk}/delete/", {"post": "yes"}).status_code,
            403,
        )
        self.assertTrue(Item.objects.filter(pk=item.pk).exists())

    def test_the_kind_brings_its_own_inlines(self):
        item = make_item(kind="manual", sub="service-manuals", status="draft")
        self.client.force_login(self.webmaster)
        html = self.client.get(self.change_url(item)).content.decode()
        for prefix in ["manualdetail", "manual_steps", "manual_documents", "attachments", "photos"]:
            self.assertIn(f'name="{prefix}-TOTAL_FORMS"', html)
        self.assertNotIn('name="lawdetail-TOTAL_FORMS"', html)


class SubcategoryAdminTests(PersonaTestCase):
    def test_a_subcategory_with_content_cannot_be_deleted(self):
        item = make_item()
        self.client.force_login(make_user("root", is_superuser=True))
        url = f"/admin/catalog/subcategory/{item.subcategory_id}/delete/"
        response = self.client.post(url, {"post": "yes"}, follow=True)
        self.assertContains(response, "ไม่สามารถลบหมวดย่อย ข่าวประชาสัมพันธ์ทั่วไป ได้")
        self.assertTrue(Subcategory.objects.filter(pk=item.subcategory_id).exists())

    def test_an_empty_subcategory_can_be_deleted(self):
        sub = Subcategory.objects.create(
            category_id=1, slug="spare", name_th="สำรอง", name_en="Spare"
        )
        self.client.force_login(make_user("root", is_superuser=True))
        self.client.post(f"/admin/catalog/subcategory/{sub.pk}/delete/", {"post": "yes"})
        self.assertFalse(Subcategory.objects.filter(pk=sub.pk).exists())


class RolePermissionTests(PersonaTestCase):
    def test_no_role_adds_or_changes_items_globally(self):
        self.assertFalse(self.requester.has_perm("catalog.add_item"))
        self.assertFalse(self.requester.has_perm("catalog.change_item"))
        self.assertFalse(self.webmaster.has_perm("catalog.change_item"))
        self.assertTrue(self.checker.has_perm("catalog.view_attachment"))
        self.assertFalse(
            Group.objects.get(name="approver").permissions.filter(codename="change_item").exists()
        )
