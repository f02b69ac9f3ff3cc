"""Moving an old website in (issue 13 part 9): many items at once, previewed before filing.

A webmaster uploads a spreadsheet (one row per item, the columns of TEMPLATE_COLUMNS) and a
zip of the files the rows name. `preview()` reads both and checks every row the way a request
filed by hand is checked (the catalog's metadata rules of announcement 2.2, B.E. dates, the
upload inspection of catalog.filetypes for each file, the webmaster's categories) and saves
nothing. Once no row has an error, `entries()` hands the rows to
`publishing.transitions.file_batch`, which files them as one request.

The upload waits between the preview and the confirmation in publishing.importstaging.
"""

import datetime
import io
import re
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils import timezone, translation
from django.utils.html import escape
from django.utils.translation import gettext as _

from catalog import filetypes
from catalog.models import Item, Subcategory
from chiangkhian.dateinput import LAW_PAST_YEARS, BEDateField
from chiangkhian.models import Unit

from . import access
from .importsheet import SheetError, open_archive, read_table

# key, Thai header (the template's), English header (also accepted)
TEMPLATE_COLUMNS = [
    ("category", "หมวดหมู่", "category"),
    ("kind", "ประเภท", "kind"),
    ("title", "ชื่อเรื่อง", "title"),
    ("summary", "สรุป", "summary"),
    ("body", "เนื้อหา", "body"),
    ("source", "แหล่งที่มาหรือเจ้าของข้อมูล", "source"),
    ("data_from", "ข้อมูลตั้งแต่วันที่", "data from"),
    ("data_to", "ข้อมูลถึงวันที่", "data to"),
    ("document_date", "ลงวันที่", "document date"),
    ("publish_at", "วันที่เริ่มเผยแพร่", "publication date"),
    ("expire_at", "วันที่สิ้นสุดการเผยแพร่", "end of publication"),
    ("review_at", "วันที่ทบทวน", "review date"),
    ("no_end_reason", "เหตุผลที่ไม่มีวันสิ้นสุด", "reason for no end"),
    ("files", "ไฟล์", "files"),
]
HEADER = {key: thai for key, thai, _english in TEMPLATE_COLUMNS}
REQUIRED_COLUMNS = ["category", "title"]
DATE_COLUMNS = ["data_from", "data_to", "document_date", "publish_at", "expire_at", "review_at"]
# Item field → the column its error is shown in.
FIELD_COLUMNS = {
    "subcategory": "category",
    "kind": "kind",
    "title_th": "title",
    "summary_th": "summary",
    "body_th": "body",
    "source": "source",
    "owner_unit": "source",
    "data_from": "data_from",
    "data_to": "data_to",
    "document_date": "document_date",
    "publish_at": "publish_at",
    "expire_at": "expire_at",
    "review_at": "review_at",
    "no_end_reason": "no_end_reason",
}
# The kinds an import creates: content whose shape is the common fields and its files.
KINDS = {
    "page": Item.Kind.PAGE,
    "หน้าเว็บ": Item.Kind.PAGE,
    "หน้า": Item.Kind.PAGE,
    "document": Item.Kind.DOCUMENT,
    "เอกสาร": Item.Kind.DOCUMENT,
    "ประกาศ": Item.Kind.DOCUMENT,
}
FILE_SEPARATORS = re.compile(r"[;|\n]+")
EXAMPLE = {
    "category": "1.8 ข่าวประชาสัมพันธ์ทั่วไป",
    "kind": "เอกสาร",
    "title": "ประกาศรับสมัครพนักงานจ้าง ประจำปี 2560",
    "summary": "รายละเอียดการรับสมัคร",
    "body": "ผู้สนใจสมัครได้ที่สำนักปลัดเทศบาล",
    "source": "สำนักปลัดเทศบาล",
    "data_from": "01/06/2560",
    "data_to": "30/06/2560",
    "document_date": "01/06/2560",
    "publish_at": "",
    "expire_at": "",
    "review_at": "01/06/2570",
    "no_end_reason": "เอกสารเก่าที่เก็บไว้เป็นหลักฐาน",
    "files": "ประกาศรับสมัคร.pdf",
}


@dataclass
class Row:
    number: int  # the spreadsheet's line number, as the webmaster sees it
    values: dict
    item: Item | None = None
    files: list = field(default_factory=list)  # [(file name, ZipInfo)]
    errors: list = field(default_factory=list)  # [(column header, message)]

    def refuse(self, column, message):
        self.errors.append((HEADER.get(column, column), str(message)))

    @property
    def title(self):
        return self.values.get("title", "")

    @property
    def category(self):
        return self.item.subcategory if self.item and self.item.subcategory_id else None


@dataclass
class Preview:
    rows: list
    problems: list  # errors of the whole upload (cannot be read, columns missing)
    archive: object = None

    @property
    def ok(self):
        return not self.problems and bool(self.rows) and not any(row.errors for row in self.rows)

    @property
    def error_count(self):
        return len(self.problems) + sum(len(row.errors) for row in self.rows)

    def entries(self):
        """(unsaved Item, (file name, bytes) ...) for each row, for transitions.file_batch.

        The files are read from the zip as file_batch stores them, one at a time.
        """
        return [(row.item, self._contents(row)) for row in self.rows]

    def _contents(self, row):
        for _name, info in row.files:
            yield info.filename.rsplit("/", 1)[-1], self.archive.read(info)

    def close(self):
        if self.archive is not None:
            self.archive.close()


def preview(staged, user):
    """Read and check a staged upload row by row; nothing is saved."""
    if user.unit_id is None:
        # The request form names the requesting unit (announcement 2.2.1).
        return Preview(
            rows=[], problems=[_("Your account has no unit; ask a superuser to set it.")]
        )
    archive = None
    try:
        if staged.spreadsheet.stat().st_size > settings.UPLOAD_MAX_MB * 1024 * 1024:
            raise SheetError(
                _("The spreadsheet is larger than %(limit)s MB; split it into several imports.")
                % {"limit": settings.UPLOAD_MAX_MB}
            )
        table = read_table(
            staged.spreadsheet_name, staged.spreadsheet.read_bytes(), staged.encoding
        )
        if staged.archive is not None:
            archive = open_archive(staged.archive)
    except SheetError as error:
        return Preview(rows=[], problems=[error.message])
    columns, problems = _columns(table[0] if table else [])
    if problems:
        return Preview(rows=[], problems=problems, archive=archive)
    rows = [
        Row(number=number, values=_values(cells, columns))
        for number, cells in enumerate(table[1:], start=2)
        if any(str(cell).strip() for cell in cells)
    ]
    if not rows:
        return Preview(
            rows=[], problems=[_("The spreadsheet has no rows below its header.")], archive=archive
        )
    context = _Context(user, rows)
    for row in rows:
        _check_row(row, context, archive)
    return Preview(rows=rows, problems=[], archive=archive)


def _columns(header):
    known = {}
    for key, thai, english in TEMPLATE_COLUMNS:
        known[_header_key(thai)] = key
        known[_header_key(english)] = key
        known[_header_key(key)] = key
    columns = {}
    for index, title in enumerate(header):
        key = known.get(_header_key(title))
        if key and key not in columns:
            columns[key] = index
    missing = [HEADER[key] for key in REQUIRED_COLUMNS if key not in columns]
    if missing:
        return columns, [
            _("The first row must be the column headers of the template; missing: %(columns)s.")
            % {"columns": ", ".join(missing)}
        ]
    return columns, []


def _header_key(text):
    return re.sub(r"[\s*:]+", "", str(text)).casefold()


def _values(cells, columns):
    values = {}
    for key, index in columns.items():
        value = cells[index] if index < len(cells) else ""
        values[key] = value.strip() if isinstance(value, str) else value
    return values


class _Context:
    """What every row is checked against, read once (queries do not grow with the rows)."""

    def __init__(self, user, rows):
        self.user = user
        self.subcategories = {}
        for subcategory in Subcategory.objects.select_related("category"):
            for name in _subcategory_names(subcategory):
                self.subcategories.setdefault(name, []).append(subcategory)
        self.units = {unit.name_th.casefold(): unit for unit in Unit.objects.all()}
        titles = {row.title for row in rows if row.title}
        self.existing = set(
            Item.objects.filter(title_th__in=titles)
            .exclude(status=Item.Status.MERGED)
            .values_list("title_th", "subcategory_id")
        )
        self.seen = {}
        self.scope = {}

    def in_scope(self, subcategory):
        if subcategory.category_id not in self.scope:
            self.scope[subcategory.category_id] = access.why_not_import(self.user, subcategory)
        return self.scope[subcategory.category_id]


def _subcategory_names(subcategory):
    code = subcategory.category.code
    names = [subcategory.name_th, subcategory.name_en, f"{code} {subcategory.name_th}"]
    names += [f"{code}/{subcategory.slug}", f"{code} {subcategory.name_en}"]
    return {re.sub(r"\s+", " ", name).strip().casefold() for name in names if name}


def _check_row(row, context, archive):
    values = row.values
    item = Item(
        title_th=str(values.get("title", ""))[:300],
        summary_th=str(values.get("summary", "")),
        body_th=_body(values.get("body", "")),
    )
    row.item = item
    _check_category(row, context)
    _check_source(row, context)
    _check_dates(row)
    _check_files(row, archive)
    _check_kind(row)
    if not item.title_th:
        row.refuse("title", _("Give the title."))
    _check_item(row)
    _check_duplicate(row, context)


def _body(text):
    text = str(text or "").strip()
    if not text or text.startswith("<"):
        return text  # HTML from the old site: catalog.richtext cleans it in Item.clean
    paragraphs = [part.strip() for part in re.split(r"\n\s*\n", text) if part.strip()]
    return "".join(f"<p>{escape(part).replace(chr(10), '<br>')}</p>" for part in paragraphs)


def _check_category(row, context):
    name = re.sub(r"\s+", " ", str(row.values.get("category", ""))).strip()
    if not name:
        row.refuse("category", _("Give the category."))
        return
    found = context.subcategories.get(name.casefold(), [])
    if not found:
        row.refuse(
            "category",
            _("Unknown category “%(name)s”; use a name from the template's list.") % {"name": name},
        )
        return
    if len(found) > 1:
        row.refuse(
            "category",
            _("Several categories are called “%(name)s”; write its clause too, e.g. %(example)s.")
            % {"name": name, "example": f"{found[0].category.code} {found[0].name_th}"},
        )
        return
    subcategory = found[0]
    refused = context.in_scope(subcategory)
    if refused:
        row.refuse("category", refused)
        return
    row.item.subcategory = subcategory


def _check_source(row, context):
    source = str(row.values.get("source", "")).strip()
    unit = context.units.get(source.casefold())
    if unit is not None:
        row.item.owner_unit = unit
    row.item.source = source[:300]


def _check_dates(row):
    item = row.item
    with translation.override("th"):
        for column in DATE_COLUMNS:
            value = row.values.get(column, "")
            try:
                day = parse_date(value)
            except ValidationError as error:
                row.refuse(column, " ".join(error.messages))
                continue
            if column == "publish_at":
                # Empty or in the past: as soon as it is published (the date shown is then).
                item.publish_at = _at(day, datetime.time.min) if day else timezone.now()
            elif column == "expire_at":
                item.expire_at = _at(day, datetime.time(23, 59)) if day else None
            else:
                setattr(item, column, day)
    item.no_end_reason = str(row.values.get("no_end_reason", ""))[:300]


def parse_date(value):
    """A date as clerks type it (B.E., Thai digits or month names), ISO C.E., or an Excel date."""
    if isinstance(value, datetime.date):
        # An Excel date cell typed with a B.E. year is 543 years in the future.
        return value.replace(year=value.year - 543) if value.year > 2400 else value
    text = str(value or "").strip()
    if not text:
        return None
    iso = re.match(r"^(\d{4})-(\d{1,2})-(\d{1,2})$", text)
    if iso and int(iso.group(1)) < 2400:
        try:
            return datetime.date(*(int(part) for part in iso.groups()))
        except ValueError:
            pass
    return BEDateField(past_years=LAW_PAST_YEARS).clean(text)


def _at(day, time_of_day):
    return timezone.make_aware(datetime.datetime.combine(day, time_of_day))


def _check_files(row, archive):
    names = [
        name.strip()
        for name in FILE_SEPARATORS.split(str(row.values.get("files", "")))
        if name.strip()
    ]
    if names and archive is None:
        row.refuse("files", _("The row names files but no zip of files was uploaded."))
        return
    for name in names:
        info, missing = archive.find(name)
        if missing:
            row.refuse("files", missing)
            continue
        try:
            content = archive.read(info)
            filetypes.inspect_upload(
                ContentFile(content, name=info.filename.rsplit("/", 1)[-1]), field="file"
            )
        except SheetError as error:
            row.refuse("files", error.message)
        except ValidationError as error:
            row.refuse(
                "files",
                _("%(name)s: %(reason)s") % {"name": name, "reason": " ".join(error.messages)},
            )
        else:
            row.files.append((name, info))


def _check_kind(row):
    typed = str(row.values.get("kind", "")).strip().casefold()
    if not typed:
        row.item.kind = Item.Kind.DOCUMENT if row.files else Item.Kind.PAGE
    elif typed in KINDS:
        row.item.kind = KINDS[typed]
    else:
        row.refuse(
            "kind",
            _("Unknown kind “%(kind)s”: write หน้าเว็บ (a page) or เอกสาร (a document).")
            % {"kind": typed},
        )
        row.item.kind = Item.Kind.PAGE
    if (
        row.item.kind == Item.Kind.DOCUMENT
        and not row.files
        and not any(column == HEADER["files"] for column, _m in row.errors)
    ):
        row.refuse("files", _("Attach at least one file."))


def _check_item(row):
    already = {column for column, _m in row.errors}
    # The category and unit came from the database already: no query per row to check them.
    exclude = ["subcategory", "owner_unit"]
    try:
        row.item.full_clean(exclude=exclude)
    except ValidationError as error:
        for name, messages in error.message_dict.items():
            column = FIELD_COLUMNS.get(name, name)
            if HEADER.get(column, column) in already:
                continue  # the column's own error says it already
            for message in messages:
                row.refuse(column, message)


def _check_duplicate(row, context):
    item = row.item
    if not item.subcategory_id or not item.title_th:
        return
    key = (item.title_th.casefold(), item.subcategory_id)
    if key in context.seen:
        row.refuse(
            "title",
            _("The same title in the same category as row %(row)s.") % {"row": context.seen[key]},
        )
    else:
        context.seen[key] = row.number
    if (item.title_th, item.subcategory_id) in context.existing:
        row.refuse("title", _("The website already has content with this title in this category."))


def template_workbook():
    """The spreadsheet to fill in: Thai headers, an example row, and the categories to use."""
    import openpyxl
    from openpyxl.styles import Font

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "รายการ"
    sheet.append([thai for _key, thai, _english in TEMPLATE_COLUMNS])
    sheet.append([EXAMPLE[key] for key, _thai, _english in TEMPLATE_COLUMNS])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for column in sheet.columns:
        sheet.column_dimensions[column[0].column_letter].width = 24
    names = workbook.create_sheet("หมวดหมู่")
    names.append(["หมวดหมู่ (คัดลอกไปใส่คอลัมน์ หมวดหมู่)", "category"])
    for subcategory in Subcategory.objects.select_related("category"):
        names.append(
            [
                f"{subcategory.category.code} {subcategory.name_th}",
                f"{subcategory.category.code} {subcategory.name_en}",
            ]
        )
    notes = workbook.create_sheet("คำอธิบาย")
    for line in TEMPLATE_NOTES:
        notes.append([line])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


TEMPLATE_NOTES = [
    "หนึ่งแถวต่อหนึ่งรายการ แถวแรกเป็นหัวคอลัมน์ ห้ามแก้ไข",
    "วันที่พิมพ์เป็น วว/ดด/ปปปป พ.ศ. เช่น 01/06/2560 หรือ ค.ศ. แบบ 2017-06-01",
    "ประเภท: หน้าเว็บ หรือ เอกสาร (เว้นว่าง = เอกสารเมื่อมีไฟล์)",
    "ไฟล์: ชื่อไฟล์ในไฟล์ zip หลายไฟล์คั่นด้วย ;",
    "วันที่เริ่มเผยแพร่ เว้นว่าง = เผยแพร่ทันทีที่ผู้ดูแลเว็บไซต์นำขึ้น",
    "ต้องมีวันที่สิ้นสุดการเผยแพร่ หรือวันที่ทบทวนพร้อมเหตุผลที่ไม่มีวันสิ้นสุด",
]
