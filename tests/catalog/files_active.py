"""Builders of files with active content, for the upload tests (made here, never downloaded)."""

import io
import struct
import zipfile

from pypdf import PdfWriter
from pypdf.generic import ArrayObject, DictionaryObject, NameObject, TextStringObject


def _pdf(change=None):
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    if change:
        change(writer)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def pdf_with_javascript():
    """A document-level script in the /Names tree, as Acrobat writes it."""

    def change(writer):
        action = writer._add_object(
            DictionaryObject(
                {
                    NameObject("/S"): NameObject("/JavaScript"),
                    NameObject("/JS"): TextStringObject("app.alert('hello');"),
                }
            )
        )
        scripts = DictionaryObject(
            {NameObject("/Names"): ArrayObject([TextStringObject("init"), action])}
        )
        names = DictionaryObject({NameObject("/JavaScript"): writer._add_object(scripts)})
        writer._root_object[NameObject("/Names")] = writer._add_object(names)

    return _pdf(change)


def pdf_with_open_action(kind="/Launch"):
    def change(writer):
        action = DictionaryObject(
            {NameObject("/S"): NameObject(kind), NameObject("/F"): TextStringObject("cmd.exe")}
        )
        writer._root_object[NameObject("/OpenAction")] = writer._add_object(action)

    return _pdf(change)


def pdf_opening_on_first_page():
    """What LibreOffice writes: an OpenAction that is only a destination."""

    def change(writer):
        page = writer.pages[0].indirect_reference
        writer._root_object[NameObject("/OpenAction")] = ArrayObject([page, NameObject("/Fit")])

    return _pdf(change)


def pdf_with_embedded_file():
    return _pdf(lambda w: w.add_attachment("setup.exe", b"MZ not really a program"))


def pdf_with_xfa():
    def change(writer):
        form = DictionaryObject({NameObject("/XFA"): TextStringObject("<xdp/>")})
        writer._root_object[NameObject("/AcroForm")] = writer._add_object(form)

    return _pdf(change)


def encrypted_pdf():
    return _pdf(lambda w: w.encrypt("secret"))


def zip_document(members, mimetype=None):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        if mimetype:
            archive.writestr("mimetype", mimetype, compress_type=zipfile.ZIP_STORED)
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


CONTENT_TYPES = '<Types><Override ContentType="{0}" PartName="/word/document.xml"/></Types>'
DOCX_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
DOCM_MAIN = "application/vnd.ms-word.document.macroEnabled.main+xml"


def docm_bytes():
    """A macro-enabled Word document (.docm), as it is when renamed to .docx."""
    return zip_document(
        {
            "[Content_Types].xml": CONTENT_TYPES.format(DOCM_MAIN),
            "word/document.xml": "<w:document/>",
            "word/vbaProject.bin": b"\xd0\xcf\x11\xe0 VBA",
        }
    )


def odt_with_basic_macro():
    return zip_document(
        {
            "content.xml": "<office:document-content/>",
            "META-INF/manifest.xml": "<manifest/>",
            "Basic/Standard/Module1.xml": "<script:module>Sub Main</script:module>",
        },
        mimetype="application/vnd.oasis.opendocument.text",
    )


def docx_bomb():
    return zip_document(
        {
            "[Content_Types].xml": CONTENT_TYPES.format(DOCX_MAIN),
            "word/document.xml": "<w:document/>",
            "word/media/huge.xml": b"\0" * (8 * 1024 * 1024),
        }
    )


def docx_with_many_parts(count=2100):
    members = {
        "[Content_Types].xml": CONTENT_TYPES.format(DOCX_MAIN),
        "word/document.xml": "<w:document/>",
    }
    members.update({f"word/part{i}.xml": "<x/>" for i in range(count)})
    return zip_document(members)


def ole_bytes(storages=("Macros", "VBA")):
    """A minimal compound file (old .doc) with a WordDocument stream and the given storages."""
    end, free, fat_sector, none = 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFD, 0xFFFFFFFF
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 16
    header += struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6) + b"\0" * 6
    header += struct.pack("<IIIIIIIII", 0, 1, 1, 0, 4096, end, 0, end, 0)
    header += struct.pack("<I", 0) + struct.pack("<I", free) * 108
    fat = struct.pack("<II", fat_sector, end) + struct.pack("<I", free) * 126

    def entry(name, kind, right=none, child=none):
        raw = name.encode("utf-16-le") + b"\0\0"
        return (
            raw.ljust(64, b"\0")
            + struct.pack("<HBB", len(raw), kind, 1)
            + struct.pack("<III", none, right, child)
            + b"\0" * 36
            + struct.pack("<IQ", end, 0)
        )

    entries = [entry("Root Entry", 5, child=1)]
    entries.append(entry("WordDocument", 2, right=2 if storages else none))
    for i, name in enumerate(storages):
        entries.append(entry(name, 1, child=3 + i if i + 1 < len(storages) else none))
    return header + fat + b"".join(entries).ljust(512, b"\0")
