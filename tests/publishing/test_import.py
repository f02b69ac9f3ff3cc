"""Moving an old website in: a spreadsheet and a zip of files, previewed, filed as one request."""

import os

from django.apps import apps
from django.conf import settings
from django.urls import reverse
from guardian.shortcuts import assign_perm

from catalog.models import Category, Item, SearchDocument
from publishing import access, importing, transitions
from publishing.models import ImportBatch, Notification, PublicationRequest
from tests.base import PASSWORD
from tests.catalog.files_active import pdf_with_javascript
from tests.publishing.base import Status, WorkflowTestCase
from tests.publishing.importhelpers import csv_bytes, pdf, row, upload, xlsx_bytes, zip_bytes

# The traffic log records every HTTP request itself (Computer Crime Act s.26), not content.
NOT_CONTENT = {"compliance.TrafficLog"}


def snapshot():
    """The row count of every table and the number of stored media files."""
    counts = {
        model._meta.label: model._default_manager.count()
        for model in apps.get_models()
        if model._meta.managed and not model._meta.proxy and model._meta.label not in NOT_CONTENT
    }
    media = sum(len(files) for _root, _dirs, files in os.walk(settings.MEDIA_ROOT))
    return counts, media


class ImportTestCase(WorkflowTestCase):
    def setUp(self):
        self.client.login(username="webmaster", password=PASSWORD)

    def preview(self, sheet, archive=None, name="items.csv", encoding="auto"):
        data = {"spreadsheet": upload(name, sheet), "encoding": encoding}
        if archive is not None:
            data["archive"] = upload("files.zip", archive)
        return self.client.post(reverse("publishing:import"), data)

    def publish(self, pr):
        # The importing webmaster filed the batch: the other webmaster publishes it.
        transitions.publish(publication_request=pr, by=self.webmaster2)

    def confirm(self, response):
        token = response.context["staged"].token
        return self.client.post(reverse("publishing:import_confirm"), {"token": token})


class PreviewTests(ImportTestCase):
    def test_import_preview_lists_row_errors_and_saves_nothing(self):
        rows = [
            row(title="รายการที่ถูกต้อง", files="ประกาศภาษี.pdf"),
            row(title="หมวดไม่มีจริง", category="หมวดที่ไม่มี", files=""),
            row(title="", kind="หน้าเว็บ", files=""),
            row(title="วันที่ผิด", data_from="31/02/2560", files="ประกาศภาษี.pdf"),
            row(title="ไฟล์หาย", files="ไม่มีไฟล์นี้.pdf"),
            row(title="ไฟล์อันตราย", files="สคริปต์.pdf"),
            row(title="รายการที่ถูกต้อง", files="ประกาศภาษี.pdf"),
        ]
        archive = zip_bytes({"ประกาศภาษี.pdf": pdf(), "เก่า/สคริปต์.pdf": pdf_with_javascript()})
        before = snapshot()
        response = self.preview(csv_bytes(rows), archive)
        self.assertEqual(snapshot(), before)
        errors = {row.number: row.errors for row in response.context["preview"].rows}
        self.assertEqual(errors[2], [])
        self.assertIn("หมวดที่ไม่มี", errors[3][0][1])
        self.assertEqual(errors[3][0][0], "หมวดหมู่")
        self.assertEqual(errors[4][0][0], "ชื่อเรื่อง")
        self.assertEqual(errors[5][0][0], "ข้อมูลตั้งแต่วันที่")
        self.assertIn("ไม่มีไฟล์นี้.pdf", errors[6][0][1])
        self.assertIn("JavaScript", errors[7][0][1])
        self.assertIn("แถวที่ 2", errors[8][0][1])  # the duplicate names the first row
        self.assertContains(response, "ยังไม่ได้บันทึก")
        self.assertNotContains(response, reverse("publishing:import_confirm"))
        self.assertEqual(os.listdir(settings.IMPORT_STAGING_DIR), [])

    def test_thai_csv_from_old_excel_is_read_in_tis_620(self):
        sheet = csv_bytes([row(title="ข่าวจากเว็บเดิม", kind="หน้าเว็บ", files="")], "cp874")
        response = self.preview(sheet)
        self.assertTrue(response.context["preview"].ok, response.context["preview"].rows)
        self.assertEqual(response.context["preview"].rows[0].title, "ข่าวจากเว็บเดิม")

    def test_utf8_csv_without_bom_and_iso_dates_are_read(self):
        sheet = csv_bytes(
            [row(kind="หน้าเว็บ", files="", data_from="2017-01-01", data_to="2017-12-31")],
            "utf-8",
        )
        preview = self.preview(sheet).context["preview"]
        self.assertTrue(preview.ok)
        self.assertEqual(preview.rows[0].item.data_from.year, 2017)

    def test_be_dates_are_stored_as_common_era(self):
        response = self.preview(csv_bytes([row(kind="หน้าเว็บ", files="")]))
        self.assertEqual(str(response.context["preview"].rows[0].item.data_from), "2017-01-01")
        self.assertContains(response, "1 มกราคม 2560")  # shown back in the Buddhist Era

    def test_a_hostile_file_in_the_zip_is_refused_with_its_reason(self):
        archive = zip_bytes({"ประกาศภาษี.pdf": pdf_with_javascript()})
        preview = self.preview(csv_bytes([row()]), archive).context["preview"]
        column, message = preview.rows[0].errors[0]
        self.assertEqual(column, "ไฟล์")
        self.assertIn("JavaScript", message)
        self.assertIn("ถูกปฏิเสธ", message)

    def test_a_zip_with_a_path_out_of_its_folder_is_refused(self):
        for name in ["../../etc/ประกาศภาษี.pdf", "/tmp/ประกาศภาษี.pdf", "C:/ประกาศภาษี.pdf"]:
            with self.subTest(name=name):
                before = snapshot()
                response = self.preview(csv_bytes([row()]), zip_bytes({name: pdf()}))
                problems = response.context["preview"].problems
                self.assertIn("นอกโฟลเดอร์", problems[0])
                self.assertEqual(snapshot(), before)

    def test_a_zip_bomb_is_refused_before_it_is_inflated(self):
        bomb = zip_bytes({"ประกาศภาษี.pdf": b"\0" * (30 * 1024 * 1024)})
        self.assertLess(len(bomb), 100_000)
        problems = self.preview(csv_bytes([row()]), bomb).context["preview"].problems
        self.assertIn("zip bomb", problems[0])
        with self.settings(IMPORT_ZIP_MAX_INFLATED_MB=1):
            problems = self.preview(csv_bytes([row()]), bomb).context["preview"].problems
            self.assertIn("1 MB", problems[0])

    def test_too_many_files_or_rows_are_refused(self):
        archive = zip_bytes({f"{number}.pdf": b"x" for number in range(4)})
        with self.settings(IMPORT_ZIP_MAX_MEMBERS=3, IMPORT_MAX_ROWS=2):
            problems = self.preview(csv_bytes([row()]), archive).context["preview"].problems
            self.assertIn("3", problems[0])
            sheet = csv_bytes([row(title=f"เรื่อง {n}", files="") for n in range(3)])
            problems = self.preview(sheet).context["preview"].problems
            self.assertIn("2", problems[0])

    def test_errors_are_in_english_at_en(self):
        data = {"spreadsheet": upload("items.csv", csv_bytes([row(category="Nowhere")]))}
        data["encoding"] = "auto"
        response = self.client.post("/en/admin/workflow/import/", data)
        message = response.context["preview"].rows[0].errors[0][1]
        self.assertIn("Unknown category", message)

    def test_a_spreadsheet_too_large_is_refused(self):
        with self.settings(UPLOAD_MAX_MB=0):
            problems = self.preview(csv_bytes([row()])).context["preview"].problems
        self.assertIn("0 MB", problems[0])

    def test_a_missing_header_is_said_and_nothing_else(self):
        response = self.preview("ชื่อ,วันที่\nก,ข\n".encode())
        self.assertIn("หมวดหมู่", response.context["preview"].problems[0])

    def test_preview_queries_do_not_grow_with_rows(self):
        def count(n):
            sheet = csv_bytes([row(title=f"เรื่องที่ {i}", kind="หน้าเว็บ", files="") for i in range(n)])
            with self.assertNumQueriesCaptured() as queries:
                self.assertTrue(self.preview(sheet).context["preview"].ok)
            return len(queries)

        count(1)  # warm per-process caches
        self.assertEqual(count(2), count(8))

    def test_the_template_has_thai_headers_and_the_categories(self):
        import io

        import openpyxl

        response = self.client.get(reverse("publishing:import_template"))
        workbook = openpyxl.load_workbook(io.BytesIO(response.content))
        headers = [cell.value for cell in workbook.worksheets[0][1]]
        self.assertEqual(headers[:3], ["หมวดหมู่", "ประเภท", "ชื่อเรื่อง"])
        names = [cell.value for cell in workbook["หมวดหมู่"]["A"]]
        self.assertIn("1.8 ข่าวประชาสัมพันธ์ทั่วไป", names)
        # The example row itself passes the preview.
        example = {key: importing.EXAMPLE[key] for key in importing.EXAMPLE}
        preview = self.preview(
            xlsx_bytes([example]), zip_bytes({"ประกาศรับสมัคร.pdf": pdf()}), "t.xlsx"
        )
        self.assertTrue(preview.context["preview"].ok, preview.context["preview"].rows[0].errors)


class WhoMayImportTests(ImportTestCase):
    def test_requesting_staff_may_not_import(self):
        self.client.login(username="requester", password=PASSWORD)
        self.assertEqual(self.client.get(reverse("publishing:import")).status_code, 403)
        self.assertEqual(self.client.get(reverse("publishing:import_template")).status_code, 403)

    def test_a_superuser_imports_once_their_account_has_a_unit(self):
        root = type(self.webmaster).objects.create_superuser("root", "root@example.test")
        self.client.force_login(root)
        sheet = csv_bytes([row(kind="หน้าเว็บ", files="")])
        self.assertIn("หน่วยงาน", self.preview(sheet).context["preview"].problems[0])
        root.unit = self.finance
        root.save()
        self.assertTrue(self.preview(sheet).context["preview"].ok)

    def test_a_webmaster_limited_to_some_categories_cannot_import_into_others(self):
        assign_perm("catalog.publish_in_category", self.webmaster, Category.objects.get(code="1.2"))
        preview = self.preview(csv_bytes([row()]), zip_bytes({"ประกาศภาษี.pdf": pdf()}))
        column, message = preview.context["preview"].rows[0].errors[0]
        self.assertEqual(column, "หมวดหมู่")
        self.assertIn("1.2", message)
        self.assertIsNone(preview.context["staged"])


class ImportedBatchTests(ImportTestCase):
    def import_three(self):
        rows = [
            row(title="ประกาศเก่า ฉบับที่ 1", files="ประกาศภาษี.pdf"),
            row(title="ประกาศเก่า ฉบับที่ 2", files="ปี 2560/ฉบับ2.pdf; ฉบับ3.pdf"),
            row(title="หน้าเก่า ข้อมูลทั่วไป", kind="หน้าเว็บ", files="", category="1.1 อำนาจหน้าที่"),
        ]
        archive = zip_bytes(
            {"ประกาศภาษี.pdf": pdf("1"), "ปี 2560/ฉบับ2.pdf": pdf("2"), "ฉบับ3.pdf": pdf("3")}
        )
        response = self.preview(xlsx_bytes(rows), archive, "old-site.xlsx")
        self.assertTrue(response.context["preview"].ok, response.context["preview"].rows)
        self.token = response.context["staged"].token
        response = self.confirm(response)
        return PublicationRequest.objects.get(batch__isnull=False, batch_position=1), response

    def test_imported_batch_is_one_request(self):
        lead, response = self.import_three()
        self.assertRedirects(response, lead.get_absolute_url(), fetch_redirect_response=False)
        batch = ImportBatch.objects.get()
        self.assertEqual(batch.requests.count(), 3)
        self.assertEqual(set(batch.requests.values_list("status", flat=True)), {Status.SUBMITTED})
        self.assertEqual(lead.item.attachments.count(), 1)
        self.assertEqual(batch.requests.get(batch_position=2).item.attachments.count(), 2)
        self.assertEqual(len(access.queues_for(self.checker)[0][1]), 1)  # one entry to check
        self.check(lead)
        self.approve(lead)
        self.assertEqual(len(access.queues_for(self.webmaster2)[-1][1]), 1)
        self.publish(lead)  # webmaster2: the importer may not publish their own
        self.assertEqual(set(batch.requests.values_list("status", flat=True)), {Status.PUBLISHED})
        items = Item.objects.filter(publication_requests__batch=batch)
        self.assertEqual(Item.objects.live().filter(pk__in=items).count(), 3)
        self.assertEqual(SearchDocument.objects.filter(item__in=items).count(), 3)
        # One notice per step for the batch (submitted, published), not one per item.
        notices = Notification.objects.filter(recipient=self.checker)
        self.assertEqual(len(notices), 2)
        self.assertTrue(all("และอีก 2 รายการ" in notice.message for notice in notices))

    def test_the_filed_form_lists_every_item(self):
        lead, _response = self.import_three()
        response = self.client.get(reverse("publishing:form", args=[lead.pk]))
        for title in ["ประกาศเก่า ฉบับที่ 1", "ประกาศเก่า ฉบับที่ 2", "หน้าเก่า ข้อมูลทั่วไป"]:
            self.assertContains(response, title)
        self.assertContains(response, "ฉบับ3.pdf")

    def test_the_filed_pdf_lists_every_item(self):
        import io

        from pypdf import PdfReader

        lead, _response = self.import_three()
        response = self.client.get(reverse("publishing:form_pdf", args=[lead.pk]))
        pages = PdfReader(io.BytesIO(response.content)).pages
        text = "".join(page.extract_text() for page in pages)
        for title in ["ฉบับที่ 2", "หน้าเก่า ข้อมูลทั่วไป", "ฉบับ3.pdf"]:
            self.assertIn(title, text)

    def test_the_checker_opens_every_item_from_the_request_page(self):
        lead, _response = self.import_three()
        self.client.login(username="checker", password=PASSWORD)
        response = self.client.get(lead.get_absolute_url())
        for member in lead.batch.requests.exclude(pk=lead.pk):
            self.assertContains(response, member.get_absolute_url())
        self.assertContains(response, reverse("publishing:check", args=[lead.pk]))
        second = lead.batch.requests.get(batch_position=2)
        response = self.client.get(second.get_absolute_url())
        self.assertContains(response, "คำขอของรายการแรกของชุด")

    def test_the_importer_may_not_publish_and_items_are_not_handled_one_by_one(self):
        lead, _response = self.import_three()
        second = lead.batch.requests.get(batch_position=2)
        self.assertIn("นำเข้า", access.why_not(self.checker, "check", second))
        self.check(lead)
        self.approve(lead)
        self.assertIn("ผู้ยื่นคำขอ", access.why_not(self.webmaster, "publish", lead))

    def test_a_returned_batch_is_corrected_and_resubmitted_by_its_importer(self):
        lead, _response = self.import_three()
        transitions.return_to_requester(publication_request=lead, by=self.checker, note="แก้ชื่อ")
        second = lead.batch.requests.get(batch_position=2)
        self.assertEqual(second.status, Status.RETURNED)
        self.assertIsNone(access.why_not(self.webmaster, "edit", second))
        response = self.client.get(second.get_absolute_url())
        self.assertContains(response, "บันทึกและส่งเพื่อตรวจสอบ")  # the importer edits it
        transitions.submit(publication_request=lead, by=self.webmaster)
        statuses = set(lead.batch.requests.values_list("status", flat=True))
        self.assertEqual(statuses, {Status.SUBMITTED})
        self.assertEqual(second.changes.count(), 4)  # filed, submitted, returned, submitted

    def test_each_item_is_withdrawn_on_its_own_once_online(self):
        lead, _response = self.import_three()
        for step in [self.check, self.approve, self.publish]:
            step(lead)
        second = lead.batch.requests.get(batch_position=2)
        transitions.withdraw(publication_request=second, by=self.webmaster2, reason="ข้อมูลเก่า")
        statuses = dict(lead.batch.requests.values_list("batch_position", "status"))
        self.assertEqual(statuses, {1: Status.PUBLISHED, 2: Status.WITHDRAWN, 3: Status.PUBLISHED})

    def test_a_used_or_unknown_token_files_nothing_more(self):
        self.import_three()
        before = snapshot()
        for token in [self.token, "x" * 32, "../../etc"]:
            with self.subTest(token=token):
                url = reverse("publishing:import_confirm")
                response = self.client.post(url, {"token": token})
                self.assertRedirects(
                    response, reverse("publishing:import"), fetch_redirect_response=False
                )
                self.assertEqual(snapshot(), before)

    def test_another_webmaster_cannot_confirm_my_upload(self):
        rows = [row(kind="หน้าเว็บ", files="")]
        token = self.preview(csv_bytes(rows)).context["staged"].token
        self.client.login(username="webmaster2", password=PASSWORD)
        response = self.client.post(reverse("publishing:import_confirm"), {"token": token})
        self.assertRedirects(response, reverse("publishing:import"), fetch_redirect_response=False)
        self.assertFalse(ImportBatch.objects.exists())
