"""What an uploaded file really is, decided from its content (announcement 2.2: file type).

The name and the browser's Content-Type are never trusted: python-magic reads the bytes, the
extension must agree with what it found, the type must be allowed (settings.UPLOAD_ALLOWED_TYPES)
and the size under settings.UPLOAD_MAX_MB. Images are re-encoded by Pillow without their EXIF
(GPS included), turned upright, and refused when they would decompress into too many pixels.
"""

import hashlib
import io
import logging
import warnings
import zipfile
from dataclasses import dataclass
from pathlib import PurePath

import magic
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from PIL import Image, ImageOps

from chiangkhian.thaidates import thai_digits

from . import filechecks

# What a library said about a damaged file goes to the log, never to the person uploading:
# Pillow's "cannot identify image file <_io.BytesIO object at 0x...>" means nothing to them.
logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class FileType:
    key: str
    label: str
    mimes: frozenset
    extensions: tuple


_OLE = {"application/msword", "application/vnd.ms-office", "application/CDFV2"}
_OOXML = "application/vnd.openxmlformats-officedocument"
TYPES = {
    t.key: t
    for t in [
        FileType("pdf", "PDF", frozenset({"application/pdf"}), ("pdf",)),
        # Old Office files are OLE containers; libmagic often cannot tell Word from Excel.
        FileType("doc", "DOC", frozenset(_OLE), ("doc",)),
        FileType("xls", "XLS", frozenset(_OLE | {"application/vnd.ms-excel"}), ("xls",)),
        FileType("docx", "DOCX", frozenset({f"{_OOXML}.wordprocessingml.document"}), ("docx",)),
        FileType("xlsx", "XLSX", frozenset({f"{_OOXML}.spreadsheetml.sheet"}), ("xlsx",)),
        FileType("odt", "ODT", frozenset({"application/vnd.oasis.opendocument.text"}), ("odt",)),
        FileType(
            "ods", "ODS", frozenset({"application/vnd.oasis.opendocument.spreadsheet"}), ("ods",)
        ),
        FileType("jpeg", "JPEG", frozenset({"image/jpeg"}), ("jpg", "jpeg")),
        FileType("png", "PNG", frozenset({"image/png"}), ("png",)),
        FileType("webp", "WebP", frozenset({"image/webp"}), ("webp",)),
    ]
}
IMAGE_TYPES = {"jpeg", "png", "webp"}
PILLOW_FORMATS = {"jpeg": "JPEG", "png": "PNG", "webp": "WEBP"}
RENDITION_WIDTHS = (320, 640, 1280)


@dataclass
class Inspection:
    """What the content of a file turned out to be."""

    type: FileType
    mime: str
    extension: str
    size: int
    sha256: str
    page_count: int | None
    content: bytes
    image: "CleanImage | None" = None


def allowed_types(only=None):
    keys = [key for key in settings.UPLOAD_ALLOWED_TYPES if key in TYPES]
    return [TYPES[key] for key in keys if only is None or key in only]


def detect_mime(content):
    """The MIME type libmagic reads from the bytes; zip containers are looked inside."""
    mime = magic.from_buffer(content[:262144], mime=True)
    if mime in {"application/zip", "application/octet-stream"} and zipfile.is_zipfile(
        io.BytesIO(content)
    ):
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            names = set(archive.namelist())
            if "mimetype" in names:
                return archive.read("mimetype").decode("ascii", "replace").strip()
            if "[Content_Types].xml" in names:
                if "word/document.xml" in names:
                    return f"{_OOXML}.wordprocessingml.document"
                if "xl/workbook.xml" in names:
                    return f"{_OOXML}.spreadsheetml.sheet"
    return mime


def describe(content, mime):
    """A person-readable name of a detected type: 'PDF', or libmagic's words for the rest."""
    for file_type in TYPES.values():
        if mime in file_type.mimes and mime not in _OLE:
            return file_type.label
    words = magic.from_buffer(content[:262144]).split(",")[0]
    return f"{words} ({mime})"


def human_size(size):
    """1234567 → '1.2 MB' (binary units, as file managers show them)."""
    for unit, limit in [("KB", 1024**2), ("MB", 1024**3)]:
        if size < limit:
            value = size / (limit / 1024)
            return thai_digits(f"{value:.0f} {unit}" if value >= 10 else f"{value:.1f} {unit}")
    return thai_digits(f"{size / 1024**3:.1f} GB")


def pages_label(count):
    return ngettext("%(count)s page", "%(count)s pages", count) % {"count": thai_digits(count)}


# Extensions that a server or a desktop would run: never left before the real extension, so
# that "report.php.pdf" cannot be taken for a script by a misconfigured server or a person.
RISKY_EXTENSIONS = {
    "php",
    "php3",
    "php4",
    "php5",
    "php7",
    "php8",
    "phtml",
    "phar",
    "pht",
    "phps",
    "asp",
    "aspx",
    "ashx",
    "asmx",
    "cer",
    "jsp",
    "jspx",
    "cgi",
    "pl",
    "py",
    "pyc",
    "rb",
    "sh",
    "bash",
    "cfm",
    "shtml",
    "shtm",
    "html",
    "htm",
    "xhtml",
    "svg",
    "svgz",
    "js",
    "mjs",
    "hta",
    "htaccess",
    "exe",
    "com",
    "bat",
    "cmd",
    "msi",
    "msp",
    "scr",
    "pif",
    "vbs",
    "vbe",
    "wsf",
    "wsh",
    "ps1",
    "jar",
    "war",
    "dll",
    "lnk",
    "reg",
    "cpl",
    "apk",
    "app",
    "elf",
    "so",
}


def safe_download_name(name):
    """The name a file is downloaded under: no folders, no control or quote characters, and no
    executable or server-side extension before the last one (report.php.pdf → report-php.pdf)."""
    name = PurePath((name or "").replace("\\", "/")).name
    name = "".join(ch for ch in name if ch.isprintable() and ch not in '"<>|:*?;')
    stem, dot, last = name.rpartition(".")
    if dot:
        parts = stem.split(".")
        stem = parts[0]
        for part in parts[1:]:
            stem += ("-" if part.lower().strip() in RISKY_EXTENSIONS else ".") + part
        name = f"{stem.strip(' .') or 'file'}.{last}"
    return name.strip(" .")[-200:] or "file"


def inspect_upload(uploaded, *, field, only=None, renditions=False):
    """Check an uploaded file and return what it is; ValidationError({field: ...}) if refused.

    `only` narrows the allowed types (a photo accepts only images); images come back cleaned,
    with smaller renditions when asked.
    """
    name = PurePath(uploaded.name or "").name
    extension = PurePath(name).suffix.lower().lstrip(".")
    limit = settings.UPLOAD_MAX_MB * 1024 * 1024
    # The size is known before reading: an oversized file is never loaded into memory.
    size = getattr(uploaded, "size", None)
    if size is not None and size > limit:
        raise ValidationError({field: _too_large(size, limit)})
    uploaded.seek(0)
    content = uploaded.read(limit + 1)
    if not content:
        message = _("The file %(name)s is empty.") if name else _("The file is empty.")
        raise ValidationError({field: message % {"name": name}})
    if len(content) > limit:
        raise ValidationError({field: _too_large(len(content), limit)})
    filechecks.check_not_markup(content, field)
    mime = detect_mime(content)
    allowed = allowed_types(only)
    detected = next((t for t in allowed if mime in t.mimes and extension in t.extensions), None)
    if detected is None:
        raise ValidationError({field: _refusal(content, mime, extension, allowed)})
    page_count = image = None
    if detected.key == "pdf":
        page_count = filechecks.check_pdf(content, field)
    elif detected.key in filechecks.ZIP_TYPES:
        filechecks.check_zip_document(content, field)
    elif detected.key in filechecks.OLE_TYPES:
        filechecks.check_ole_document(content, field)
    filechecks.scan_for_viruses(content, field)
    if detected.key in IMAGE_TYPES:
        image = clean_image(content, detected.key, field=field, renditions=renditions)
        content = image.content
    return Inspection(
        type=detected,
        mime=mime,
        extension=detected.extensions[0] if extension == "jpeg" else extension,
        size=len(content),
        sha256=hashlib.sha256(content).hexdigest(),
        page_count=page_count,
        content=content,
        image=image,
    )


def _refusal(content, mime, extension, allowed):
    detected = describe(content, mime)
    if not extension:
        return _("The file name has no extension; its content is %(type)s.") % {"type": detected}
    named_as_allowed = any(extension in t.extensions for t in allowed)
    if named_as_allowed or any(mime in t.mimes for t in allowed):
        return _(
            "The file name ends in .%(extension)s but its content is %(type)s; "
            "rename it or upload the right file."
        ) % {"extension": extension, "type": detected}
    return _("Files of type %(type)s are not accepted (accepted: %(allowed)s).") % {
        "type": detected,
        "allowed": ", ".join(t.label for t in allowed),
    }


def _too_large(size, limit):
    return _("The file is %(size)s; the largest accepted is %(max)s.") % {
        "size": human_size(size),
        "max": human_size(limit),
    }


@dataclass
class CleanImage:
    content: bytes
    width: int
    height: int
    renditions: dict  # width → bytes, only for widths smaller than the image


def clean_image(content, key, *, field, renditions=False):
    """Re-encode an image upright and without metadata; refuse decompression bombs."""
    image = _open_image(content, field)
    with image:
        image = _to_srgb(ImageOps.exif_transpose(image))
        if key == "jpeg" and image.mode not in {"RGB", "L"}:
            image = image.convert("RGB")
        # Pillow writes back what image.info holds (JPEG comments, ICC, EXIF, XMP, PNG text):
        # keep only what the pixels need.
        image.info = {k: v for k, v in image.info.items() if k == "transparency"}
        cleaned = _encode(image, key)
        sizes = _resized(image, key) if renditions else {}
        return CleanImage(cleaned, image.width, image.height, sizes)


def renditions_of(content, key):
    """The smaller sizes of an image cleaned already (width → bytes), for phones."""
    with Image.open(io.BytesIO(content)) as image:
        image.load()
        return _resized(image, key)


def _resized(image, key):
    sizes = {}
    for width in RENDITION_WIDTHS:
        if width < image.width:
            height = max(1, round(image.height * width / image.width))
            sizes[width] = _encode(image.resize((width, height), Image.LANCZOS), key)
    return sizes


def _to_srgb(image):
    """Pixels converted to sRGB when the image carries another colour profile; the profile is
    then not needed (and is dropped with the rest of the metadata)."""
    icc = image.info.get("icc_profile")
    if not icc or image.mode not in {"RGB", "RGBA", "CMYK"}:
        return image
    from PIL import ImageCms

    try:
        source = ImageCms.ImageCmsProfile(io.BytesIO(icc))
        output = "RGBA" if image.mode == "RGBA" else "RGB"
        return ImageCms.profileToProfile(
            image, source, ImageCms.createProfile("sRGB"), outputMode=output
        )
    except (ImageCms.PyCMSError, OSError, ValueError):
        return image  # an unreadable profile is dropped; the colours stay as they are


def _open_image(content, field):
    refused = ValidationError(
        {
            field: _("The image is larger than %(pixels)s megapixels and is refused.")
            % {"pixels": settings.IMAGE_MAX_PIXELS // 1_000_000 or 1}
        }
    )
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(content))
            if image.width * image.height > settings.IMAGE_MAX_PIXELS:
                raise refused
            image.load()
    except (Image.DecompressionBombWarning, Image.DecompressionBombError) as error:
        raise refused from error
    except (OSError, SyntaxError, ValueError) as error:
        logger.info("Unreadable image refused: %r", error)
        message = _(
            "The image is damaged or incomplete and cannot be read. Save it again as JPEG or "
            "PNG (or take the photo again) and upload the new file."
        )
        raise ValidationError({field: message}) from error
    return image


def _encode(image, key):
    buffer = io.BytesIO()
    options = {"quality": 85, "optimize": True} if key in {"jpeg", "webp"} else {"optimize": True}
    image.save(buffer, PILLOW_FORMATS[key], **options)
    return buffer.getvalue()
