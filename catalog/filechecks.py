"""Structural checks of uploaded files, one per format, each refusal with its own reason.

Called by filetypes.inspect_upload once the type is known from the content. Reading a file's
type is not enough: a real PDF can carry JavaScript, a real DOCX a macro, a real DOC a VBA
project. These checks open the file as its format and refuse active content (issue 11).
"""

import io
import logging
import socket
import struct
import zipfile

import olefile
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, gettext_noop

logger = logging.getLogger(__name__)
# What a library said about a damaged file goes to the log, never to the person uploading.
DAMAGED = gettext_noop(
    "The document is damaged or cannot be read. Open it on your computer, save it again and "
    "upload the new file."
)

# Zip containers (DOCX, XLSX, ODT, ODS): a document has tens to hundreds of members.
ZIP_MAX_MEMBERS = 2000
ZIP_MAX_INFLATED = 250 * 1024 * 1024
ZIP_MAX_RATIO = 200  # a member inflating more than this is a zip bomb, not a document
PDF_MAX_OBJECTS = 200_000
# Names in a PDF that run something or carry something: refused wherever they appear.
PDF_ACTIVE_KEYS = {
    "/JS": "JavaScript",
    "/JavaScript": "JavaScript",
    "/Launch": "Launch",
    "/EmbeddedFile": gettext_lazy("embedded file"),
    "/EmbeddedFiles": gettext_lazy("embedded file"),
    "/XFA": "XFA",
    "/RichMedia": "RichMedia",
}
PDF_ACTIVE_ACTIONS = {"/JavaScript", "/Launch", "/ImportData", "/SubmitForm", "/RichMediaExecute"}
MARKUP_STARTS = (b"<",)
ZIP_TYPES = {"docx", "xlsx", "odt", "ods"}
OLE_TYPES = {"doc", "xls"}


def refuse(field, message):
    raise ValidationError({field: message})


def check_not_markup(content, field):
    """HTML, XML or SVG is refused by its first bytes, whatever libmagic makes of the rest."""
    start = content[:1024].lstrip(b"\xef\xbb\xbf\xff\xfe\x00 \t\r\n\x0c")
    if start.startswith(MARKUP_STARTS):
        refuse(
            field,
            _(
                "The file begins like a web page or XML/SVG document, which a browser could run; "
                "it is refused. Save it as PDF and upload that."
            ),
        )


def check_pdf(content, field):
    """Refuse an encrypted, truncated or active PDF; return its page count."""
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(content))
        if reader.is_encrypted:
            refuse(
                field,
                _(
                    "The PDF file is encrypted or password-protected; the public could not open "
                    "it. Save it without a password and upload it again."
                ),
            )
        found = _pdf_active_content(reader)
        pages = len(reader.pages)
    except ValidationError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError, RecursionError) as error:
        # What pypdf said goes to the log; the person uploading needs to know what to do.
        logger.info("Unreadable PDF refused: %r", error)
        refuse(
            field,
            _(
                "The PDF file is damaged or cannot be read. Open it on your computer, save or "
                "export it again as PDF, and upload the new file."
            ),
        )
    if b"%%EOF" not in content[-2048:]:
        refuse(field, _("The PDF file is incomplete (cut off before its end); upload it again."))
    if found:
        refuse(
            field,
            _(
                "The PDF file contains active content (%(what)s) that could run on a reader's "
                "computer; it is refused. Print it to a new PDF (or export it again without "
                "scripts, attachments or forms) and upload that."
            )
            % {"what": found},
        )
    return pages


def _pdf_active_content(reader):
    """The first kind of active content found in the PDF's objects, or ''."""
    from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject

    root = reader.trailer["/Root"].get_object()
    opening = root.get("/OpenAction")
    opening = opening.get_object() if opening is not None else None
    # A destination ([page /Fit]) only picks the first view; any other action runs something.
    if isinstance(opening, DictionaryObject) and opening.get("/S") != "/GoTo":
        return "OpenAction"
    stack, seen = [reader.trailer], set()
    while stack:
        node = stack.pop()
        if isinstance(node, IndirectObject):
            if node.idnum in seen:
                continue
            seen.add(node.idnum)
            if len(seen) > PDF_MAX_OBJECTS:
                return _("too many objects")
            node = node.get_object()
        if isinstance(node, DictionaryObject):
            for key, value in node.items():
                if key in PDF_ACTIVE_KEYS:
                    return PDF_ACTIVE_KEYS[key]
                if key == "/S" and value in PDF_ACTIVE_ACTIONS:
                    return str(value).lstrip("/")
                if key not in {"/Parent", "/P"}:
                    stack.append(value)
        elif isinstance(node, ArrayObject):
            stack.extend(node)
    return ""


def check_zip_document(content, field):
    """OOXML and ODF: bounded size once inflated, and no macro or script parts."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(content))
    except zipfile.BadZipFile as error:
        logger.info("Unreadable document refused: %r", error)
        refuse(field, _(DAMAGED))
    with archive:
        members = archive.infolist()
        if len(members) > ZIP_MAX_MEMBERS:
            refuse(field, _("The document has too many parts to be a normal office file."))
        inflated = 0
        for member in members:
            inflated += member.file_size
            ratio = member.file_size / max(member.compress_size, 1)
            if inflated > ZIP_MAX_INFLATED or (
                member.file_size > 1_000_000 and ratio > ZIP_MAX_RATIO
            ):
                refuse(
                    field, _("The document would unpack to far more than its size (a zip bomb).")
                )
            if _is_macro_part(member.filename):
                refuse(field, _macro_message())
        for name in ("[Content_Types].xml", "META-INF/manifest.xml"):
            if name in archive.namelist():
                text = archive.read(name)[:2_000_000].lower()
                if b"macroenabled" in text or b"vbaproject" in text or b"basic/" in text:
                    refuse(field, _macro_message())


def _is_macro_part(name):
    lowered = name.lower()
    return (
        lowered.endswith(("vbaproject.bin", "vbadata.xml", ".bas", ".vbs"))
        or lowered.startswith(("basic/", "scripts/"))
        or "/activex/" in f"/{lowered}"
    )


def _macro_message():
    return _(
        "The document contains macros or scripts, which could run on a reader's computer; it "
        "is refused. Save it as a plain document (.docx, .xlsx, .odt, .ods) or as PDF."
    )


def check_ole_document(content, field):
    """Old .doc/.xls: refused when they hold a VBA project (macros)."""
    try:
        ole = olefile.OleFileIO(io.BytesIO(content))
    except OSError as error:
        logger.info("Unreadable document refused: %r", error)
        refuse(field, _(DAMAGED))
    with ole:
        streams = ["/".join(entry).lower() for entry in ole.listdir(streams=True, storages=True)]
    if any(
        part in {"macros", "_vba_project_cur", "vba", "_vba_project"}
        for path in streams
        for part in path.split("/")
    ):
        refuse(field, _macro_message())


def scan_for_viruses(content, field):
    """ClamAV through clamd's INSTREAM command, when CLAMD_SOCKET is set (fails closed)."""
    path = settings.CLAMD_SOCKET
    if not path:
        return
    try:
        verdict = _clamd_instream(path, content)
    except OSError as error:
        refuse(
            field,
            _("The virus scanner cannot be reached right now (%(error)s); try again later.")
            % {"error": error},
        )
    if verdict.endswith("FOUND"):
        name = verdict.removeprefix("stream:").removesuffix("FOUND").strip()
        refuse(
            field,
            _("The virus scanner found %(name)s in the file; it is refused.") % {"name": name},
        )
    if not verdict.endswith("OK"):
        refuse(
            field, _("The virus scanner could not check the file (%(error)s).") % {"error": verdict}
        )


def _clamd_instream(path, content, chunk=64 * 1024):
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
        sock.settimeout(settings.CLAMD_TIMEOUT)
        sock.connect(path)
        sock.sendall(b"zINSTREAM\0")
        for start in range(0, len(content), chunk):
            piece = content[start : start + chunk]
            sock.sendall(struct.pack("!L", len(piece)) + piece)
        sock.sendall(struct.pack("!L", 0))
        reply = b""
        while not reply.endswith(b"\0"):
            data = sock.recv(4096)
            if not data:
                break
            reply += data
    return reply.rstrip(b"\0").decode("utf-8", "replace").strip()
