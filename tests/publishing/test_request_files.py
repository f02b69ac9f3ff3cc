"""Reviewers open what they certify: every file of a request they may see, checked, never
through the public /files/ view or a media path; the filer always sees what they submitted."""

from django.urls import reverse

from catalog.models import Attachment
from chiangkhian import roles
from publishing import transitions
from tests.base import PASSWORD, make_unit, make_user
from tests.catalog.helpers import add_photo, attach, pdf_bytes
from tests.publishing.base import Status, WorkflowTestCase, file_request


class RequestFileTests(WorkflowTestCase):
    def request_with_files(self, status):
        pr = self.file()
        attach(pr.item, "ประกาศ.pdf", pdf_bytes(4), title_th="ประกาศรับสมัคร")
        add_photo(pr.item)
        return self.bring_to(status, pr=pr)

    def open_files(self, user, pr):
        self.client.force_login(user)
        attachment, photo = pr.item.attachments.get(), pr.item.photos.get()
        return (
            self.client.get(reverse("publishing:attachment", args=[pr.pk, attachment.pk])),
            self.client.get(reverse("publishing:photo", args=[pr.pk, photo.pk])),
        )

    def assert_opens(self, user, pr):
        pdf, image = self.open_files(user, pr)
        self.assertEqual((pdf.status_code, image.status_code), (200, 200))
        self.assertEqual(pdf["Content-Type"], "application/pdf")
        self.assertTrue(b"".join(pdf.streaming_content).startswith(b"%PDF"))
        self.assertEqual(image["Content-Type"], "image/jpeg")
        self.assertIn("private", pdf["Cache-Control"])

    def test_checker_can_download_attachment_of_request_under_check(self):
        self.assert_opens(self.checker, self.request_with_files(Status.SUBMITTED))

    def test_approver_can_download_attachment_of_request_waiting_for_approval(self):
        self.assert_opens(self.approver, self.request_with_files(Status.CHECKED))

    def test_webmaster_can_download_attachment_of_request_waiting_for_publishing(self):
        self.assert_opens(self.webmaster, self.request_with_files(Status.APPROVED))

    def test_staff_of_another_unit_cannot_download(self):
        pr = self.request_with_files(Status.SUBMITTED)
        stranger = make_user("stranger", roles.REQUESTER, unit=make_unit("works", "กองช่าง"))
        file_request(stranger)  # a requester with a request of their own
        pdf, image = self.open_files(stranger, pr)
        self.assertEqual((pdf.status_code, image.status_code), (404, 404))

    def test_a_webmaster_cannot_download_before_approval(self):
        pdf, image = self.open_files(self.webmaster, self.request_with_files(Status.SUBMITTED))
        self.assertEqual((pdf.status_code, image.status_code), (404, 404))

    def test_a_file_of_another_request_is_not_served_under_this_one(self):
        pr = self.request_with_files(Status.SUBMITTED)
        other = self.request_with_files(Status.SUBMITTED)
        self.client.force_login(self.checker)
        url = reverse("publishing:attachment", args=[pr.pk, other.item.attachments.get().pk])
        self.assertEqual(self.client.get(url).status_code, 404)

    def test_the_public_view_does_not_serve_a_file_under_check(self):
        pr = self.request_with_files(Status.SUBMITTED)
        self.client.force_login(self.checker)
        public = reverse("catalog:download", args=[pr.item.attachments.get().pk])
        self.assertEqual(self.client.get(public).status_code, 404)

    def test_the_request_page_lists_the_files_as_checked_links_with_their_facts(self):
        pr = self.request_with_files(Status.SUBMITTED)
        self.client.force_login(self.checker)
        response = self.client.get(pr.get_absolute_url())
        attachment = pr.item.attachments.get()
        self.assertContains(response, reverse("publishing:attachment", args=[pr.pk, attachment.pk]))
        self.assertContains(response, attachment.facts)
        self.assertContains(response, "4 หน้า")
        self.assertContains(
            response, reverse("publishing:photo", args=[pr.pk, pr.item.photos.get().pk])
        )
        self.assertNotContains(response, "/media/")
        public = reverse("catalog:download", args=[attachment.pk])
        self.assertNotContains(response, f'href="{public}"')
        self.assertNotContains(response, "/admin/r/")  # no "view on site": the public view
        self.assertNotContains(response, attachment.file.name)

    def test_a_revision_opens_the_files_of_the_live_item(self):
        published = self.request_with_files(Status.PUBLISHED)
        pr = transitions.start_revision(item=published.item, by=self.requester)
        live_file = published.item.attachments.get()
        self.bring_to(Status.SUBMITTED, pr=pr)
        self.client.force_login(self.checker)
        url = reverse("publishing:attachment", args=[pr.pk, live_file.pk])
        self.assertEqual(self.client.get(url).status_code, 200)


class SubmittedContentTests(WorkflowTestCase):
    def test_requester_can_view_submitted_content(self):
        pr = self.file()
        attach(pr.item, "ประกาศ.pdf", title_th="ประกาศรับสมัคร")
        pr = self.bring_to(Status.SUBMITTED, pr=pr)
        self.client.login(username="requester", password=PASSWORD)
        response = self.client.get(pr.get_absolute_url())
        self.assertEqual(response.status_code, 200)
        self.assertFalse(response.context["has_change_permission"])
        self.assertContains(response, pr.item.body_th)
        self.assertContains(response, "ข่าวประชาสัมพันธ์ทั่วไป")  # the news detail, read-only
        self.assertContains(response, "ประกาศรับสมัคร")
        self.assertNotContains(response, 'name="title_th"')
        pdf = self.client.get(
            reverse("publishing:attachment", args=[pr.pk, Attachment.objects.get().pk])
        )
        self.assertEqual(pdf.status_code, 200)

    def test_the_items_admin_page_leads_to_the_request_instead_of_not_found(self):
        pr = self.bring_to(Status.SUBMITTED)
        self.client.login(username="requester", password=PASSWORD)
        response = self.client.get(f"/admin/catalog/item/{pr.item_id}/change/")
        self.assertRedirects(response, pr.get_absolute_url())


class RequestPageQueryTests(WorkflowTestCase):
    def test_the_request_page_costs_the_same_queries_with_more_files(self):
        pr = self.bring_to(Status.SUBMITTED)
        attach(pr.item)
        self.client.force_login(self.checker)

        def grow():
            for index in range(3):
                attach(pr.item, f"ไฟล์{index}.pdf")
                add_photo(pr.item)

        self.assertConstantQueries(pr.get_absolute_url(), grow)

    def test_the_filers_editable_page_costs_the_same_queries_with_more_files(self):
        pr = self.file()
        attach(pr.item)
        self.client.force_login(self.requester)

        def grow():
            for index in range(3):
                attach(pr.item, f"ไฟล์{index}.pdf")
                add_photo(pr.item)

        self.assertConstantQueries(pr.get_absolute_url(), grow)
