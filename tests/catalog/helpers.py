"""Small ORM and file helpers for the catalog tests (no factories)."""

import datetime
import io
import zipfile

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image
from pypdf import PdfWriter

from catalog import search
from catalog.models import Attachment, Item, Photo, Subcategory

NOW = timezone.now()


def make_item(sub="general-news", **fields):
    values = {
        "subcategory": Subcategory.objects.get(slug=sub),
        "kind": Item.Kind.DOCUMENT,
        "title_th": "ประกาศเทศบาลตำบลทดสอบ",
        "source": "กองคลัง",
        "data_from": datetime.date(2026, 1, 1),
        "publish_at": NOW - datetime.timedelta(days=1),
        "expire_at": NOW + datetime.timedelta(days=30),
        "status": Item.Status.PUBLISHED,
    }
    values.update(fields)
    item = Item.objects.create(**values)
    if item.status == Item.Status.PUBLISHED:
        search.index(item)  # what publish() does when an item goes online
    return item


def pdf_bytes(pages=2):
    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=595, height=842)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def image_bytes(size=(200, 100), fmt="JPEG", exif=None, colour=(200, 30, 30)):
    buffer = io.BytesIO()
    image = Image.new("RGB", size, colour)
    image.putpixel((0, 0), (0, 0, 255))  # a marker to check orientation
    options = {"exif": exif} if exif is not None else {}
    image.save(buffer, fmt, **options)
    return buffer.getvalue()


def docx_bytes():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


# The start of a Windows program: an MZ header with its PE signature.
EXECUTABLE = (
    b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\x00" * 46 + b"\x80" + b"\x00" * 200
)


def upload(name, content):
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def attach(item, name="report.pdf", content=None, **fields):
    return Attachment.from_bytes(
        item=item, name=name, content=content if content is not None else pdf_bytes(), **fields
    )


def add_photo(item, name="photo.jpg", content=None, **fields):
    fields.setdefault("alt_th", "ภาพกิจกรรมปลูกต้นไม้")
    return Photo.from_bytes(
        item=item, name=name, content=content or image_bytes((1000, 600)), **fields
    )
