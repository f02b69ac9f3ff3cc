"""Where an import's upload waits between its preview and its confirmation.

Outside MEDIA_ROOT (settings.IMPORT_STAGING_DIR), under a random token bound to the user:
nothing the site serves or counts, and nobody else's token opens it. Swept after
IMPORT_STAGING_HOURS by the next preview.
"""

import json
import re
import secrets
import shutil
import time
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings

from catalog import filetypes


@dataclass
class Staged:
    token: str
    folder: Path
    spreadsheet_name: str
    archive_name: str
    encoding: str

    @property
    def spreadsheet(self):
        return self.folder / "spreadsheet"

    @property
    def archive(self):
        path = self.folder / "archive.zip"
        return path if path.exists() else None


def stage(user, spreadsheet, archive, encoding):
    """Keep an upload for its confirmation, outside MEDIA_ROOT; old uploads are swept."""
    _sweep()
    token = secrets.token_urlsafe(24)
    folder = _folder(user, token)
    folder.mkdir(parents=True)
    _copy(spreadsheet, folder / "spreadsheet")
    if archive:
        _copy(archive, folder / "archive.zip")
    meta = {
        "spreadsheet_name": filetypes.safe_download_name(spreadsheet.name),
        "archive_name": filetypes.safe_download_name(archive.name) if archive else "",
        "encoding": encoding,
    }
    (folder / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
    return Staged(token=token, folder=folder, **meta)


def load(user, token):
    """The user's staged upload for `token`, or None (expired, someone else's, or made up)."""
    if not re.fullmatch(r"[A-Za-z0-9_-]{20,64}", token or ""):
        return None
    folder = _folder(user, token)
    try:
        meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return Staged(token=token, folder=folder, **meta)


def discard(staged):
    shutil.rmtree(staged.folder, ignore_errors=True)


def _folder(user, token):
    return Path(settings.IMPORT_STAGING_DIR) / f"{user.pk}-{token}"


def _copy(uploaded, path):
    with path.open("wb") as target:
        for chunk in uploaded.chunks():
            target.write(chunk)


def _sweep():
    root = Path(settings.IMPORT_STAGING_DIR)
    if not root.exists():
        return
    oldest = time.time() - settings.IMPORT_STAGING_HOURS * 3600
    for folder in root.iterdir():
        if folder.is_dir() and folder.stat().st_mtime < oldest:
            shutil.rmtree(folder, ignore_errors=True)
