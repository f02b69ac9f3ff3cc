"""Importing an old website in a real browser at 390 px: upload, see errors, fix, confirm."""

import pytest
from playwright.sync_api import expect

from publishing.models import PublicationRequest
from tests.browser.conftest import screenshot
from tests.browser.test_back_office_phone import log_in
from tests.publishing.importhelpers import csv_bytes, pdf, row, zip_bytes

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_import_preview_shows_errors_then_files_the_corrected_batch(
    demo_site, page, live_server, tmp_path
):
    archive = tmp_path / "files.zip"
    archive.write_bytes(zip_bytes({"ประกาศภาษี.pdf": pdf(), "ฉบับ2.pdf": pdf("2")}))
    wrong = tmp_path / "old-site.csv"
    wrong.write_bytes(
        csv_bytes(
            [
                row(title="ประกาศเก่าจากเว็บเดิม ฉบับที่ 1"),
                row(title="ประกาศเก่าจากเว็บเดิม ฉบับที่ 2", files="ฉบับ2.pdf", data_from="31/02/2560"),
            ]
        )
    )
    log_in(page, live_server, "khwanwipa")
    page.get_by_role("link", name="นำเข้าข้อมูลจากเว็บไซต์เดิม").click()
    page.set_input_files("#id_spreadsheet", str(wrong))
    page.set_input_files("#id_archive", str(archive))
    page.get_by_role("button", name="ตรวจสอบ (ทดลอง ยังไม่บันทึก)").click()
    expect(page.locator("tr[data-row='3'] .import-errors")).to_contain_text("ข้อมูลตั้งแต่วันที่")
    expect(page.locator("tr[data-row='2']")).to_contain_text("ถูกต้อง")
    expect(page.locator(".import-confirm")).to_have_count(0)
    screenshot(page, "import-preview-errors-phone")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390

    fixed = tmp_path / "old-site-fixed.csv"
    fixed.write_bytes(
        csv_bytes(
            [
                row(title="ประกาศเก่าจากเว็บเดิม ฉบับที่ 1"),
                row(title="ประกาศเก่าจากเว็บเดิม ฉบับที่ 2", files="ฉบับ2.pdf", data_from="28/02/2560"),
            ]
        )
    )
    page.set_input_files("#id_spreadsheet", str(fixed))
    page.set_input_files("#id_archive", str(archive))
    page.get_by_role("button", name="ตรวจสอบ (ทดลอง ยังไม่บันทึก)").click()
    expect(page.locator(".import-ok")).to_contain_text("2")
    screenshot(page, "import-preview-ok-phone")
    page.get_by_role("button", name="นำเข้า 2 รายการเป็นคำขอเดียว").click()
    expect(page.locator(".messagelist")).to_contain_text("เป็นคำขอเดียว")
    expect(page.locator(".request-batch-items li")).to_have_count(2)
    screenshot(page, "import-filed-request-phone")
    batch = PublicationRequest.objects.get(item__title_th="ประกาศเก่าจากเว็บเดิม ฉบับที่ 1").batch
    assert batch.requests.count() == 2
    assert set(batch.requests.values_list("status", flat=True)) == {"submitted"}
