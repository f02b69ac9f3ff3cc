"""Spreadsheets and zips for the import tests, built here in memory."""

import io
import zipfile

import openpyxl
from django.core.files.uploadedfile import SimpleUploadedFile

from catalog.demo_files import make_pdf
from publishing.importing import TEMPLATE_COLUMNS

HEADERS = [thai for _key, thai, _english in TEMPLATE_COLUMNS]
KEYS = [key for key, _thai, _english in TEMPLATE_COLUMNS]


def row(**values):
    """A complete, correct row (a document with one file); keyword arguments change it."""
    base = {
        "category": "1.8 ข่าวประชาสัมพันธ์ทั่วไป",
        "kind": "เอกสาร",
        "title": "ประกาศเทศบาล เรื่องการรับชำระภาษี ปี 2560",
        "summary": "ประกาศจากเว็บไซต์เดิม",
        "body": "ผู้มีหน้าที่เสียภาษีโปรดชำระภายในกำหนด",
        "source": "กองคลัง เทศบาลตำบลเชียงเคี่ยน",
        "data_from": "01/01/2560",
        "data_to": "31/12/2560",
        "document_date": "15/01/2560",
        "publish_at": "",
        "expire_at": "",
        "review_at": "01/01/2572",
        "no_end_reason": "เอกสารเก่าเก็บเป็นหลักฐาน",
        "files": "ประกาศภาษี.pdf",
    }
    base.update(values)
    return base


def csv_bytes(rows, encoding="utf-8-sig"):
    import csv

    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(HEADERS)
    for values in rows:
        writer.writerow([values.get(key, "") for key in KEYS])
    return buffer.getvalue().encode(encoding)


def xlsx_bytes(rows):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(HEADERS)
    for values in rows:
        sheet.append([values.get(key, "") for key in KEYS])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def pdf(title="ประกาศ"):
    return make_pdf(title, ["เนื้อหาของประกาศจากเว็บไซต์เดิม"])


def zip_bytes(files, compression=zipfile.ZIP_DEFLATED):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def upload(name, content):
    return SimpleUploadedFile(name, content)
