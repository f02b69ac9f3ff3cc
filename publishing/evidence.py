"""The filled official form "แบบฟอร์มการขอเผยแพร่ข้อมูลผ่านเว็บไซต์ของหน่วยงาน", as evidence.

Auditors of the Integrity and Transparency Assessment (ITA) ask for this form for each item
published: who asked, who checked, who approved (and how), who published, when. One context
feeds the A4 print page and the PDF, both always in Thai like the paper form.
"""

import dataclasses
import io
from xml.sax.saxutils import escape

from django.utils import timezone, translation
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from pythainlp.tokenize import word_tokenize
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from catalog import richtext
from catalog.models import Attachment, Photo
from chiangkhian.models import Municipality
from chiangkhian.pdf import register_thai_fonts
from chiangkhian.thaidates import format_date, thai_digits

from .models import PublicationRequest

FORM_TITLE = "แบบฟอร์มการขอเผยแพร่ข้อมูลผ่านเว็บไซต์ของหน่วยงาน"
BLANK = "…………………………………………"


@dataclasses.dataclass
class FiledFile:
    """One attachment or photo as the form lists it (announcement 2.2: type, size, pages)."""

    kind: str
    title: str
    name: str
    facts: str


@dataclasses.dataclass
class BatchEntry:
    """One item of an imported batch as the form lists it, with its metadata and files."""

    number: int
    title: str
    category: str
    source: str
    period: str
    files: list


@dataclasses.dataclass
class Signature:
    role: str
    name: str
    position: str
    date: str
    note: str = ""


def context(publication_request):
    """Everything the form shows, in Thai."""
    pr = publication_request
    with translation.override("th"):
        return {
            "publication_request": pr,
            "form_title": FORM_TITLE,
            "municipality": Municipality.current(),
            "rows": _rows(pr),
            "files": files(pr),
            "batch": batch_entries(pr),
            "signatures": _signatures(pr),
            "printed_at": format_date(timezone.now(), "datetime"),
        }


def _rows(pr):
    item = pr.item
    rows = [
        (_("Requesting unit"), pr.unit.name_th),
        (_("Date"), format_date(pr.created_at)),
        (_("Title"), item.title_th),
        (_("Details (summary or attached documents)"), item.summary_th or _body(item)),
        (_("Category"), f"{item.subcategory.category} › {item.subcategory.name_th}"),
        (_("External link"), item.external_url or "—"),
        (_("Address on the website"), pr.public_address or _("Not published yet")),
        (_("Source or owner of the information"), _source(item)),
        (_("Period of the data"), _period(item)),
        (_("Document date"), format_date(item.document_date) or "—"),
        (_("Requested publication date"), _requested(pr)),
        (_("Publication date on the website"), _publication_date(pr)),
        (_("End of publication"), _end(item)),
        (_("Remarks"), pr.remarks or "—"),
        (_("Kind of request"), _kind(pr)),
        (_("Status"), _status(pr)),
        (_("Approval"), _approval(pr)),
    ]
    return rows


def _body(item):
    return Truncator(richtext.to_text(item.body_th)).chars(600) or "—"


def _source(item):
    parts = [item.owner_unit.name_th if item.owner_unit else "", item.source]
    return " — ".join(dict.fromkeys(part for part in parts if part)) or "—"


def _period(item):
    if item.data_to:
        return f"{format_date(item.data_from)} – {format_date(item.data_to)}"
    return _("as of %(date)s") % {"date": format_date(item.data_from)} if item.data_from else "—"


def _requested(pr):
    text = format_date(pr.requested_start, "datetime")
    if pr.requested_start and pr.requested_start <= (pr.published_at or timezone.now()):
        text += " " + _("(a date in the past: as soon as it is published)")
    return text


def _publication_date(pr):
    """When the item really went online (announcement 2.2): never before it was published."""
    if pr.published_at is None:
        return _("Not published yet")
    # A new item: from this request's own record, so that a later republication of the same
    # item does not rewrite this form. A change to live content: the item's date, which it
    # keeps through its revisions.
    published = (
        pr.live_item.publish_at
        if pr.is_revision
        else max(pr.requested_publish_at or pr.published_at, pr.published_at)
    )
    text = format_date(published, "datetime")
    if published > timezone.now():
        return _("%(date)s (scheduled: not on the website before then)") % {"date": text}
    if pr.is_revision:
        return _("%(date)s (its publication date; this change published on %(changed)s)") % {
            "date": text,
            "changed": format_date(pr.published_at, "datetime"),
        }
    return text


def files(pr):
    """Every attachment and photo the request certified, with its type, size and pages.

    Until it is published, the files of its draft item. Once published, the files as they
    were at that moment (from their history): a revision's files move to the live item when
    it is published, and a later revision replaces them, but this form keeps what was approved.
    """
    if pr.published_at is None:
        attachments, photos = pr.item.attachments.all(), pr.item.photos.all()
    else:
        attachments = Attachment.history.as_of(pr.published_at).filter(item_id=pr.item_id)
        photos = Photo.history.as_of(pr.published_at).filter(item_id=pr.item_id)
    listed = [
        FiledFile(each.get_role_display(), each.title_th, each.original_name, each.facts)
        for each in sorted(attachments, key=_order)
    ]
    listed += [
        FiledFile(_("Photo"), each.caption_th or each.alt_th, each.original_name, _photo(each))
        for each in sorted(photos, key=_order)
    ]
    return listed


def batch_entries(pr):
    """Every item of the imported batch this request stands for (empty for other requests)."""
    if not pr.leads_batch:
        return []
    members = pr.batch.requests.select_related(
        "item__subcategory__category", "item__owner_unit"
    ).order_by("batch_position", "pk")
    return [
        BatchEntry(
            number=member.batch_position,
            title=member.item.title_th,
            category=f"{member.item.subcategory.category.code} {member.item.subcategory}",
            source=_source(member.item),
            period=_period(member.item),
            files=files(member),
        )
        for member in members
    ]


def _order(row):
    return (row.order, row.pk)


def _photo(photo):
    pixels = _("%(width)s × %(height)s pixels") % {
        "width": thai_digits(photo.width),
        "height": thai_digits(photo.height),
    }
    return " · ".join([photo.type_label, photo.size_label, pixels])


def _end(item):
    if item.expire_at:
        return format_date(item.expire_at, "datetime")
    review = format_date(item.review_at) if item.review_at else "—"
    return _("No end (%(reason)s); review on %(date)s") % {
        "reason": item.no_end_reason,
        "date": review,
    }


def _kind(pr):
    if pr.is_revision:
        return _("Change to published content: “%(title)s”") % {
            "title": pr.item.revision_of.title_th
        }
    return _("New content")


def _status(pr):
    text = pr.get_status_display()
    if pr.status == PublicationRequest.Status.REJECTED:
        text += f" — {pr.get_rejection_reason_display()}: {pr.rejection_note}"
    if pr.status == PublicationRequest.Status.WITHDRAWN:
        item = pr.live_item
        text += f" — {format_date(item.withdrawn_at, 'datetime')}: {item.withdrawal_reason}"
    return text


def _approval(pr):
    if not pr.approval_mode:
        return "—"
    if pr.approval_mode == PublicationRequest.ApprovalMode.WRITTEN:
        return pr.get_approval_mode_display()
    confirmed = (
        _("confirmed in writing on %(date)s")
        % {"date": format_date(pr.confirmed_in_writing_at, "datetime")}
        if pr.confirmed_in_writing_at
        else _("not yet confirmed in writing")
    )
    return _("%(mode)s given at %(time)s, relayed by %(relay)s; %(confirmed)s") % {
        "mode": pr.get_approval_mode_display(),
        "time": format_date(pr.verbal_given_at, "datetime"),
        "relay": pr.verbal_relayed_by,
        "confirmed": confirmed,
    }


def _signatures(pr):
    def person(role, user, moment, note=""):
        if user is None:
            return Signature(role, BLANK, BLANK, BLANK, note)
        return Signature(
            role, user.get_full_name(), user.position or "—", format_date(moment), note
        )

    verbal = pr.approval_mode == PublicationRequest.ApprovalMode.VERBAL
    return [
        person(_("Requester"), pr.requester, pr.submitted_at or pr.created_at),
        person(_("Responsible for the information (checker)"), pr.checked_by, pr.checked_at),
        person(
            _("Approver"),
            pr.approved_by,
            pr.verbal_given_at if verbal else pr.approved_at,
            pr.get_approval_mode_display() if pr.approval_mode else "",
        ),
        person(_("Responsible for publishing (webmaster)"), pr.published_by, pr.published_at),
    ]


# --- PDF -----------------------------------------------------------------------------------


PAGE_WIDTH = 170 * mm  # A4 less 20 mm margins
CELL_PADDING = 6  # points, ReportLab's default on each side of a table cell


def _fonts():
    register_thai_fonts()
    base = {"fontName": "Sarabun", "fontSize": 12, "leading": 16.5, "shaping": 1}
    bold = {**base, "fontName": "Sarabun-Bold"}
    return {
        "title": ParagraphStyle(
            "title", **{**bold, "fontSize": 16, "leading": 23}, alignment=TA_CENTER
        ),
        "centre": ParagraphStyle("centre", **base, alignment=TA_CENTER),
        "label": ParagraphStyle("label", **bold),
        "text": ParagraphStyle("text", **base),
        "small": ParagraphStyle("small", **{**base, "fontSize": 10, "leading": 14}),
    }


class _Writer:
    """Paragraphs wrapped at Thai word boundaries.

    Thai has no spaces between words and ReportLab knows no Thai line breaking: left alone
    it splits words anywhere, and a split shaped word loses its marks. So each text is cut
    into lines here (PyThaiNLP word segmentation) and handed over line by line.
    """

    def __init__(self):
        self.styles = _fonts()

    def para(self, text, style="text", width=PAGE_WIDTH):
        style = self.styles[style]
        lines = []
        for paragraph in str(text).splitlines() or [""]:
            lines += _wrap(paragraph, style.fontName, style.fontSize, width * 0.97)
        return Paragraph("<br/>".join(escape(line) for line in lines), style)


def _words(text):
    """Thai words, with runs of other characters kept whole (053-795-123, https://…)."""
    words = []
    for token in word_tokenize(text, keep_whitespace=True):
        latin = not token.isspace() and not any("\u0e00" <= char <= "\u0e7f" for char in token)
        if latin and words and words[-1][1]:
            words[-1] = (words[-1][0] + token, True)
        else:
            words.append((token, latin))
    return [word for word, _latin in words]


def _wrap(text, font, size, width):
    lines, line = [], ""
    for word in _words(text):
        candidate = line + word
        if line and pdfmetrics.stringWidth(candidate.rstrip(), font, size) > width:
            lines.append(line.rstrip())
            line = word.lstrip()
        else:
            line = candidate
    return [*lines, line.rstrip()]


def render_pdf(publication_request):
    """The filled form as an A4 PDF in Sarabun."""
    with translation.override("th"):
        return _build_pdf(publication_request, context(publication_request))


def _build_pdf(publication_request, data):
    writer = _Writer()
    para = writer.para
    label_width, value_width = 52 * mm, PAGE_WIDTH - 52 * mm
    municipality = data["municipality"]
    rows = [
        [
            para(label, "label", label_width - 2 * CELL_PADDING),
            para(value, width=value_width - 2 * CELL_PADDING),
        ]
        for label, value in data["rows"]
    ]
    story = [
        para(data["form_title"], "title"),
        para(municipality.name_th if municipality else "", "centre"),
        para(_("Announcement on publishing information to the public, clause 2.2.1"), "centre"),
        para(f"{_('Request no.')} {publication_request.pk}", "small"),
        Spacer(1, 2 * mm),
        _table(rows, [label_width, value_width]),
        Spacer(1, 3 * mm),
        para(_("Attachments and photos"), "label"),
        _files_table(data["files"], para),
        *_batch_story(data["batch"], para),
        Spacer(1, 4 * mm),
        _table(_signature_cells(data["signatures"], para), [PAGE_WIDTH / 2] * 2, grid=False),
        Spacer(1, 2 * mm),
        para(
            _("Printed from the website management system on %(date)s")
            % {"date": data["printed_at"]},
            "small",
        ),
    ]
    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=20 * mm,
        rightMargin=20 * mm,
        topMargin=12 * mm,
        bottomMargin=12 * mm,
        title=publication_request.item.title_th,
        author=str(municipality or ""),
        subject=FORM_TITLE,
    )
    document.build(story)
    return buffer.getvalue()


FILE_COLUMNS = [16 * mm, 30 * mm, 74 * mm, 50 * mm]
BATCH_COLUMNS = [12 * mm, 62 * mm, 40 * mm, 56 * mm]


def _batch_story(entries, para):
    """The imported items, one row each, under a header that repeats on every page."""
    if not entries:
        return []
    header = [_("No."), _("Title"), _("Source and data period"), _("Files")]
    rows = [
        [
            para(text, "label", width - 2 * CELL_PADDING)
            for text, width in zip(header, BATCH_COLUMNS, strict=True)
        ]
    ]
    for entry in entries:
        cells = [
            thai_digits(str(entry.number)),
            f"{entry.title}\n{entry.category}",
            f"{entry.source}\n{entry.period}",
            "\n".join(f"{file.name} ({file.facts})" for file in entry.files) or "—",
        ]
        rows.append(
            [
                para(text, width=width - 2 * CELL_PADDING)
                for text, width in zip(cells, BATCH_COLUMNS, strict=True)
            ]
        )
    title = _("Items imported together in this request (%(count)s)") % {"count": len(entries)}
    return [Spacer(1, 3 * mm), para(title, "label"), _table(rows, BATCH_COLUMNS, header_rows=1)]


def _files_table(files, para):
    """One row per file under a header that repeats if the list runs onto the next page."""
    if not files:
        return para(_("No attachments or photos."))
    widths = [width - 2 * CELL_PADDING for width in FILE_COLUMNS]
    header = [_("No."), _("Kind"), _("Title and file name"), _("Type, size and pages")]
    rows = [[para(text, "label", width) for text, width in zip(header, widths, strict=True)]]
    for number, each in enumerate(files, start=1):
        title = f"{each.title}\n{each.name}" if each.title else each.name
        cells = [thai_digits(number), each.kind, title, each.facts]
        rows.append([para(text, width=width) for text, width in zip(cells, widths, strict=True)])
    return _table(rows, FILE_COLUMNS, header_rows=1)


def _signature_cells(signatures, para):
    width = PAGE_WIDTH / 2 - 2 * CELL_PADDING
    cells = []
    for signature in signatures:
        lines = [
            para(signature.role, "label", width),
            para(f"{_('Signed')} {BLANK}", width=width),
            para(f"({signature.name})", "centre", width),
            para(f"{_('Position')} {signature.position}", width=width),
            para(f"{_('Dated')} {signature.date}", width=width),
        ]
        if signature.note:
            lines.append(para(signature.note, "small", width))
        cells.append(lines)
    return [cells[index : index + 2] for index in range(0, len(cells), 2)]


def _table(rows, widths, grid=True, header_rows=0):
    table = Table(rows, colWidths=widths, repeatRows=header_rows)
    style = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
    ]
    if grid:
        style.append(("GRID", (0, 0), (-1, -1), 0.5, colors.grey))
        shaded = (-1, header_rows - 1) if header_rows else (0, -1)  # header row or label column
        style.append(("BACKGROUND", (0, 0), shaded, colors.HexColor("#f2f5f3")))
    table.setStyle(TableStyle(style))
    return table


# Thai paragraphs wrapped at word boundaries and the form's table, for the site's other
# official PDFs (publishing/procurement.py).
ThaiWriter = _Writer
official_table = _table
