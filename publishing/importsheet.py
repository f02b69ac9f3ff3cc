"""Reading what an old website's content arrives in: a spreadsheet and a zip of its files.

The spreadsheet is a CSV file (UTF-8 with or without a byte-order mark, or TIS-620 / Windows-874
as old Thai Excel saves it) or an Excel .xlsx workbook (its first sheet). The zip is opened
without extracting anything: its member count and inflated size are held to limits before a
byte is inflated (a zip bomb is refused), and every member name is normalised; a name that
climbs out of the folder (`../`, an absolute path, a drive letter) refuses the whole zip.
"""

import csv
import datetime
import io
import re
import unicodedata
import zipfile
from pathlib import PurePosixPath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext as _

from catalog import filetypes

ENCODINGS = ["auto", "utf-8", "cp874"]
UTF8_BOM = b"\xef\xbb\xbf"
# Folders and files a desktop adds to a zip by itself.
IGNORED = re.compile(r"(^|/)(__MACOSX/|\.DS_Store$|Thumbs\.db$|desktop\.ini$)", re.IGNORECASE)
ZIP_UTF8_FLAG = 0x800


class SheetError(Exception):
    """The spreadsheet or the zip cannot be read at all; `message` says why, in Thai."""

    def __init__(self, message):
        super().__init__(message)
        self.message = str(message)


def read_table(name, content, encoding="auto"):
    """The spreadsheet's rows as lists of cells (str, or date for an Excel date cell)."""
    extension = PurePosixPath(name or "").suffix.lower()
    if extension == ".xlsx":
        rows = _xlsx_rows(name, content)
    elif extension in {".csv", ".txt"}:
        rows = _csv_rows(decode(content, encoding))
    else:
        raise SheetError(_("The spreadsheet must be a CSV file or an Excel workbook (.xlsx)."))
    return rows


def decode(content, encoding="auto"):
    """CSV text: UTF-8 (with or without BOM) or TIS-620/Windows-874, detected or as chosen."""
    if encoding == "auto":
        if content.startswith(UTF8_BOM):
            encoding = "utf-8"
        else:
            try:
                return content.decode("utf-8")
            except UnicodeDecodeError:
                # Old Thai Excel saves "CSV" in Windows-874, a superset of TIS-620.
                encoding = "cp874"
    try:
        return content.decode("utf-8-sig" if encoding == "utf-8" else "cp874")
    except UnicodeDecodeError as error:
        raise SheetError(
            _(
                "The file's text is not in the chosen encoding (%(encoding)s). Choose another "
                "encoding, or save the spreadsheet again as CSV UTF-8."
            )
            % {"encoding": encoding}
        ) from error


def _csv_rows(text):
    sample = text[:4096]
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    return _limited(csv.reader(io.StringIO(text, newline=""), dialect))


def _xlsx_rows(name, content):
    import openpyxl

    # The same inspection as any upload: a real workbook, no macros, no zip bomb.
    try:
        filetypes.inspect_upload(
            ContentFile(content, name=name), field="spreadsheet", only=["xlsx"]
        )
    except ValidationError as error:
        raise SheetError(" ".join(error.messages)) from error
    try:
        workbook = openpyxl.load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a damaged workbook
        raise SheetError(
            _("The Excel workbook cannot be read; save it again and retry.")
        ) from error
    try:
        sheet = workbook.worksheets[0]
        return _limited(
            [_xlsx_cell(value) for value in row] for row in sheet.iter_rows(values_only=True)
        )
    finally:
        workbook.close()


def _xlsx_cell(value):
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _limited(rows):
    """The rows, refusing a sheet with more than IMPORT_MAX_ROWS rows below its header."""
    limit = settings.IMPORT_MAX_ROWS
    found = []
    for row in rows:
        found.append(row)
        if len(found) > limit + 1:
            raise SheetError(
                _("The spreadsheet has more than %(limit)s rows; split it into several imports.")
                % {"limit": limit}
            )
    return found


def normalise_name(name):
    """A file name as the spreadsheet and the zip are matched on: NFC, `/`, no case."""
    name = unicodedata.normalize("NFC", str(name)).replace("\\", "/").strip().strip("/")
    return name.casefold()


class Archive:
    """The files of a zip, by normalised path, read one at a time on demand."""

    def __init__(self, zip_file, members):
        self._zip = zip_file
        self.members = members  # normalised path -> ZipInfo
        self.by_basename = {}
        for path, info in members.items():
            self.by_basename.setdefault(PurePosixPath(path).name, []).append(info)

    def find(self, name):
        """(ZipInfo or None, error message or None) for a file name written in the sheet."""
        key = normalise_name(name)
        if key in self.members:
            return self.members[key], None
        matches = self.by_basename.get(PurePosixPath(key).name, [])
        if len(matches) == 1:
            return matches[0], None
        if matches:
            return None, _(
                "Several files in the zip are called %(name)s: write its folder too."
            ) % {"name": name}
        return None, _("The file %(name)s is not in the zip.") % {"name": name}

    def read(self, info):
        """The member's bytes; never more than it declared, nor than an upload may be."""
        limit = min(info.file_size, settings.UPLOAD_MAX_MB * 1024 * 1024)
        with self._zip.open(info) as handle:
            content = handle.read(limit + 1)
        if len(content) > limit:
            raise SheetError(
                _("The file %(name)s in the zip is larger than it claims or than allowed.")
                % {"name": info.filename}
            )
        return content

    def close(self):
        self._zip.close()


def open_archive(file):
    """An Archive of the zip at `file` (a path or a binary file); SheetError when refused."""
    try:
        zip_file = zipfile.ZipFile(file)
    except (zipfile.BadZipFile, OSError) as error:
        raise SheetError(
            _("The folder of files must be a zip file; this one cannot be opened.")
        ) from error
    try:
        return Archive(zip_file, _checked_members(zip_file.infolist()))
    except SheetError:
        zip_file.close()
        raise


def _checked_members(infos):
    if len(infos) > settings.IMPORT_ZIP_MAX_MEMBERS:
        raise SheetError(
            _("The zip holds more than %(limit)s files; split it into several imports.")
            % {"limit": settings.IMPORT_ZIP_MAX_MEMBERS}
        )
    inflated = sum(info.file_size for info in infos)
    if inflated > settings.IMPORT_ZIP_MAX_INFLATED_MB * 1024 * 1024:
        raise SheetError(
            _("Unpacked, the zip would take more than %(limit)s MB; it is refused.")
            % {"limit": settings.IMPORT_ZIP_MAX_INFLATED_MB}
        )
    members = {}
    for info in infos:
        name = _member_name(info)
        if info.is_dir() or IGNORED.search(name):
            continue
        if info.file_size > 1024 * 1024 and info.file_size > 200 * max(info.compress_size, 1):
            raise SheetError(
                _(
                    "The file %(name)s in the zip inflates far beyond its packed size "
                    "(a zip bomb); the zip is refused."
                )
                % {"name": name}
            )
        members[normalise_name(name)] = info
    return members


def _member_name(info):
    name = info.filename
    if not info.flag_bits & ZIP_UTF8_FLAG:
        # Without the UTF-8 flag zipfile read the name as CP437; Thai Windows wrote CP874.
        raw = name.encode("cp437")
        try:
            name = raw.decode("utf-8")
        except UnicodeDecodeError:
            name = raw.decode("cp874", errors="replace")
    name = unicodedata.normalize("NFC", name).replace("\\", "/")
    parts = name.split("/")
    if (
        name.startswith("/")
        or re.match(r"^[A-Za-z]:", name)
        or ".." in parts
        or any(not ch.isprintable() for ch in name)
    ):
        raise SheetError(
            _(
                "The zip contains %(name)s, a path that leads outside its folder; "
                "the zip is refused."
            )
            % {"name": name}
        )
    return name
