"""Procurement reports generated from the site's own records (ITA O11 and O12, OIC สขร.1).

The rows are the live procurement results (catalog.ProcurementDetail, stage "result") with
their bids: what the public can already read item by item, summed up in the official layout.
A result counts in the month of its contract (or, without one, of its result notice).
"""

import calendar
import dataclasses
import datetime
import io
from decimal import Decimal

from django.db.models.functions import Coalesce
from django.utils import translation
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
from pythainlp.util import bahttext
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import SimpleDocTemplate, Spacer, TableStyle

from catalog.models import Item, ProcurementDetail
from chiangkhian.models import Municipality
from chiangkhian.thaidates import fiscal_year_bounds, format_date, format_fiscal_year

from .evidence import ThaiWriter, official_table

Method = ProcurementDetail.Method

# สขร.1 columns (แบบสรุปผลการดำเนินการจัดซื้อจัดจ้างในรอบเดือน).
MONTHLY_HEADER = [
    "ลำดับที่",
    "งานที่จัดซื้อหรือจัดจ้าง",
    "วงเงินที่จัดซื้อหรือจัดจ้าง (ราคากลาง) (บาท)",
    "วิธีซื้อหรือจ้าง",
    "รายชื่อผู้เสนอราคาและราคาที่เสนอ",
    "ผู้ได้รับการคัดเลือกและราคาที่ตกลงซื้อหรือจ้าง",
    "เหตุผลที่คัดเลือกโดยสังเขป",
    "เลขที่และวันที่ของสัญญาหรือข้อตกลงในการซื้อหรือจ้าง",
]
YEAR_HEADER = [
    "วิธีซื้อหรือจ้าง",
    "จำนวนโครงการ",
    "วงเงินงบประมาณรวม (บาท)",
    "ราคาที่ตกลงซื้อหรือจ้างรวม (บาท)",
    "ประหยัดงบประมาณ (บาท)",
]


def money(amount):
    """1234567.5 → '1,234,567.50' (the way Thai official forms write baht)."""
    return "" if amount is None else f"{amount:,.2f}"


@dataclasses.dataclass
class Row:
    number: int
    item: Item
    detail: ProcurementDetail
    bids: list

    @property
    def limit(self):
        """The สขร.1 วงเงิน: the reference price where there is one, else the budget."""
        return self.detail.reference_price or self.detail.budget


@dataclasses.dataclass
class MonthlySummary:
    year: int  # Gregorian
    month: int
    rows: list

    @property
    def first_day(self):
        return datetime.date(self.year, self.month, 1)

    @property
    def last_day(self):
        return datetime.date(self.year, self.month, calendar.monthrange(self.year, self.month)[1])

    @property
    def total_limit(self):
        return sum((row.limit for row in self.rows), Decimal(0))

    @property
    def total_agreed(self):
        return sum((row.detail.agreed_price for row in self.rows), Decimal(0))

    @property
    def title(self):
        with translation.override("th"):
            month = format_date(self.first_day, "month")
        return f"สรุปผลการดำเนินการจัดซื้อจัดจ้าง (แบบ สขร.1) ประจำเดือน{month}"


@dataclasses.dataclass
class MethodLine:
    method: str
    label: str
    count: int
    budget: Decimal
    agreed: Decimal

    @property
    def saved(self):
        return self.budget - self.agreed


@dataclasses.dataclass
class YearReport:
    fiscal_year: int  # B.E.
    lines: list
    rows: list

    @property
    def bounds(self):
        return fiscal_year_bounds(self.fiscal_year)

    @property
    def count(self):
        return sum(line.count for line in self.lines)

    @property
    def total_budget(self):
        return sum((line.budget for line in self.lines), Decimal(0))

    @property
    def total_agreed(self):
        return sum((line.agreed for line in self.lines), Decimal(0))

    @property
    def title(self):
        with translation.override("th"):
            year = format_fiscal_year(self.fiscal_year)
        return f"รายงานสรุปผลการจัดซื้อจัดจ้าง {year}"


def results_between(first, last, now=None):
    """Live procurement results whose contract (or result notice) falls within the dates."""
    return (
        Item.objects.live(now)
        .filter(kind=Item.Kind.PROCUREMENT, procurementdetail__stage=ProcurementDetail.Stage.RESULT)
        .annotate(
            result_on=Coalesce("procurementdetail__contract_on", "procurementdetail__announced_on")
        )
        .filter(result_on__gte=first, result_on__lte=last)
        .select_related("procurementdetail")
        .prefetch_related("bids")
        .order_by("result_on", "pk")
    )


def _rows(items):
    return [
        Row(number=n, item=item, detail=item.procurementdetail, bids=list(item.bids.all()))
        for n, item in enumerate(items, start=1)
    ]


def monthly_summary(year, month, now=None):
    """The สขร.1 of a calendar month (Gregorian year and month)."""
    summary = MonthlySummary(year=year, month=month, rows=[])
    summary.rows = _rows(results_between(summary.first_day, summary.last_day, now))
    return summary


def year_report(fiscal_year, now=None):
    """The O12 report of a fiscal year (B.E.): results by method, counts and totals."""
    first, last = fiscal_year_bounds(fiscal_year)
    rows = _rows(results_between(first, last, now))
    lines = []
    with translation.override("th"):
        for value, label in Method.choices:
            chosen = [row for row in rows if row.detail.method == value]
            lines.append(
                MethodLine(
                    method=value,
                    label=str(label),
                    count=len(chosen),
                    budget=sum((row.detail.budget for row in chosen), Decimal(0)),
                    agreed=sum((row.detail.agreed_price for row in chosen), Decimal(0)),
                )
            )
    return YearReport(fiscal_year=fiscal_year, lines=lines, rows=rows)


# --- the cells, shared by the PDF and the Excel file -------------------------------------


def _method(detail):
    with translation.override("th"):
        return str(detail.get_method_display())


def _bids_text(row):
    if not row.bids:
        return f"{row.detail.winner} ราคาที่เสนอ {money(row.detail.agreed_price)} บาท"
    return "\n".join(
        f"{n}. {bid.bidder} ราคาที่เสนอ {money(bid.price)} บาท"
        for n, bid in enumerate(row.bids, start=1)
    )


def _winner_text(row):
    return f"{row.detail.winner} ราคาที่ตกลง {money(row.detail.agreed_price)} บาท"


def _contract_text(row):
    detail = row.detail
    with translation.override("th"):
        day = format_date(detail.contract_on) if detail.contract_on else ""
    parts = [detail.contract_number or "-"]
    if day:
        parts.append(f"ลงวันที่ {day}")
    return " ".join(parts)


def _reason(row):
    return row.detail.selection_reason or "ราคาต่ำสุดและมีคุณสมบัติตรงตามเงื่อนไข"


def monthly_cells(summary):
    """The สขร.1 rows as text (what the PDF prints; the Excel file keeps amounts as numbers)."""
    return [
        [
            str(row.number),
            row.item.title_th,
            money(row.limit),
            _method(row.detail),
            _bids_text(row),
            _winner_text(row),
            _reason(row),
            _contract_text(row),
        ]
        for row in summary.rows
    ]


def _heading(municipality):
    return municipality.name_th if municipality else ""


def monthly_total_text(summary):
    return (
        f"รวม {len(summary.rows)} รายการ วงเงินรวม {money(summary.total_limit)} บาท"
        f" ราคาที่ตกลงรวม {money(summary.total_agreed)} บาท"
    )


def year_total_text(report):
    return (
        f"รวม {report.count} โครงการ วงเงินงบประมาณรวม {money(report.total_budget)} บาท"
        f" ราคาที่ตกลงรวม {money(report.total_agreed)} บาท"
        f" ประหยัดงบประมาณ {money(report.total_budget - report.total_agreed)} บาท"
    )


NO_PROCUREMENT = "ไม่มีการจัดซื้อจัดจ้างในเดือนนี้"


# --- PDF ---------------------------------------------------------------------------------

LANDSCAPE_WIDTH = 297 * mm - 24 * mm
MONTHLY_WIDTHS = [m * mm for m in (16, 46, 27, 24, 48, 40, 35, 37)]
YEAR_WIDTHS = [m * mm for m in (73, 35, 55, 55, 55)]
PADDING = 12  # points, both sides of a cell


def monthly_pdf(summary):
    """The สขร.1 as an A4 landscape PDF in Sarabun."""
    municipality = Municipality.current()
    writer = ThaiWriter()
    writer.styles["small_label"] = ParagraphStyle(
        "small_label", parent=writer.styles["small"], fontName="Sarabun-Bold"
    )
    para = writer.para
    header = [
        para(text, "small_label", w - PADDING)
        for text, w in zip(MONTHLY_HEADER, MONTHLY_WIDTHS, strict=True)
    ]
    body = [
        [para(text, "small", w - PADDING) for text, w in zip(cells, MONTHLY_WIDTHS, strict=True)]
        for cells in monthly_cells(summary)
    ]
    if not body:
        width = sum(MONTHLY_WIDTHS[1:]) - PADDING
        body = [["", para(NO_PROCUREMENT, "small", width)] + [""] * 6]
    table = official_table([header, *body], MONTHLY_WIDTHS, header_rows=1)
    if not summary.rows:
        table.setStyle(TableStyle([("SPAN", (1, 1), (-1, 1))]))
    story = [
        para(summary.title, "title", LANDSCAPE_WIDTH),
        para(_heading(municipality), "centre", LANDSCAPE_WIDTH),
        Spacer(1, 3 * mm),
        table,
        Spacer(1, 3 * mm),
        para(monthly_total_text(summary), "label", LANDSCAPE_WIDTH),
        para(_in_words(summary.total_agreed), "text", LANDSCAPE_WIDTH),
        para(_generated_note(), "small", LANDSCAPE_WIDTH),
    ]
    return _build(story, summary.title, municipality)


def year_pdf(report):
    """The O12 fiscal-year report as an A4 landscape PDF in Sarabun."""
    municipality = Municipality.current()
    para = ThaiWriter().para
    header = [
        para(text, "label", w - PADDING) for text, w in zip(YEAR_HEADER, YEAR_WIDTHS, strict=True)
    ]
    lines = [
        [
            para(line.label, "text", YEAR_WIDTHS[0] - PADDING),
            para(str(line.count), "text", YEAR_WIDTHS[1] - PADDING),
            para(money(line.budget), "text", YEAR_WIDTHS[2] - PADDING),
            para(money(line.agreed), "text", YEAR_WIDTHS[3] - PADDING),
            para(money(line.saved), "text", YEAR_WIDTHS[4] - PADDING),
        ]
        for line in report.lines
    ]
    total = [
        para("รวม", "label", YEAR_WIDTHS[0] - PADDING),
        para(str(report.count), "label", YEAR_WIDTHS[1] - PADDING),
        para(money(report.total_budget), "label", YEAR_WIDTHS[2] - PADDING),
        para(money(report.total_agreed), "label", YEAR_WIDTHS[3] - PADDING),
        para(money(report.total_budget - report.total_agreed), "label", YEAR_WIDTHS[4] - PADDING),
    ]
    first, last = report.bounds
    with translation.override("th"):
        period = f"ระหว่างวันที่ {format_date(first)} ถึงวันที่ {format_date(last)}"
    story = [
        para(report.title, "title", LANDSCAPE_WIDTH),
        para(f"{_heading(municipality)} {period}", "centre", LANDSCAPE_WIDTH),
        Spacer(1, 3 * mm),
        official_table([header, *lines, total], YEAR_WIDTHS, header_rows=1),
        Spacer(1, 3 * mm),
        para(year_total_text(report), "label", LANDSCAPE_WIDTH),
        para(_in_words(report.total_agreed), "text", LANDSCAPE_WIDTH),
        para(_generated_note(), "small", LANDSCAPE_WIDTH),
    ]
    return _build(story, report.title, municipality)


def _in_words(amount):
    return f"(ราคาที่ตกลงรวม {bahttext(float(amount))})" if amount else ""


def _generated_note():
    return "จัดทำจากข้อมูลประกาศผลการจัดซื้อจัดจ้างที่เผยแพร่บนเว็บไซต์ของหน่วยงาน"


def _build(story, title, municipality):
    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=landscape(A4),
        leftMargin=12 * mm,
        rightMargin=12 * mm,
        topMargin=12 * mm,
        bottomMargin=12 * mm,
        title=title,
        author=str(municipality or ""),
    )
    document.build(story)
    return buffer.getvalue()


# --- Excel -------------------------------------------------------------------------------

THIN = Side(style="thin", color="808080")
GRID = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
WRAP = Alignment(wrap_text=True, vertical="top")
MONEY = "#,##0.00"


def monthly_xlsx(summary):
    """The สขร.1 as an Excel workbook; amounts stay numbers so they can be summed."""
    sheet, book = _sheet("สขร.1", summary.title, len(MONTHLY_HEADER))
    widths = [8, 40, 18, 20, 40, 34, 28, 30]
    _header(sheet, MONTHLY_HEADER, widths)
    for row in summary.rows:
        sheet.append(
            [
                row.number,
                row.item.title_th,
                row.limit,
                _method(row.detail),
                _bids_text(row),
                _winner_text(row),
                _reason(row),
                _contract_text(row),
            ]
        )
        _style_last(sheet, money_columns=[3])
    if not summary.rows:
        sheet.append(["", NO_PROCUREMENT])
        _style_last(sheet)
    sheet.append(["", "รวม", summary.total_limit, "", "", summary.total_agreed])
    _style_last(sheet, money_columns=[3, 6], bold=True)
    return _save(book)


def year_xlsx(report):
    """The O12 report as an Excel workbook: by method, then every result of the year."""
    sheet, book = _sheet("สรุปตามวิธี", report.title, len(YEAR_HEADER))
    _header(sheet, YEAR_HEADER, [40, 16, 24, 24, 22])
    for line in report.lines:
        sheet.append([line.label, line.count, line.budget, line.agreed, line.saved])
        _style_last(sheet, money_columns=[3, 4, 5])
    saved = report.total_budget - report.total_agreed
    sheet.append(["รวม", report.count, report.total_budget, report.total_agreed, saved])
    _style_last(sheet, money_columns=[3, 4, 5], bold=True)
    detail = book.create_sheet("รายการ")
    _header(detail, ["ลำดับที่", "งานที่จัดซื้อหรือจัดจ้าง", "วิธีซื้อหรือจ้าง", "วงเงินงบประมาณ (บาท)",
                     "ผู้ได้รับการคัดเลือก", "ราคาที่ตกลง (บาท)"], [8, 50, 24, 20, 36, 20])  # fmt: skip
    for row in report.rows:
        detail.append(
            [
                row.number,
                row.item.title_th,
                _method(row.detail),
                row.detail.budget,
                row.detail.winner,
                row.detail.agreed_price,
            ]
        )
        _style_last(detail, money_columns=[4, 6])
    return _save(book)


def _sheet(name, title, columns):
    book = Workbook()
    sheet = book.active
    sheet.title = name
    municipality = Municipality.current()
    sheet.append([title])
    sheet.append([_heading(municipality)])
    for line in (1, 2):
        sheet.merge_cells(start_row=line, start_column=1, end_row=line, end_column=columns)
        sheet.cell(line, 1).font = Font(name="TH Sarabun New", bold=line == 1, size=14)
        sheet.cell(line, 1).alignment = Alignment(horizontal="center")
    return sheet, book


def _header(sheet, header, widths):
    sheet.append(header)
    for column, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = width
    _style_last(sheet, bold=True)
    sheet.freeze_panes = f"A{sheet.max_row + 1}"


def _style_last(sheet, money_columns=(), bold=False):
    for cell in sheet[sheet.max_row]:
        cell.border = GRID
        cell.alignment = WRAP
        cell.font = Font(name="TH Sarabun New", size=14, bold=bold)
        if cell.column in money_columns:
            cell.number_format = MONEY


def _save(book):
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
