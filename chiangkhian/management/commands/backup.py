import datetime
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from chiangkhian import backup

PATTERN = "chiangkhian-*.tar.gz"


class Command(BaseCommand):
    help = (
        "Write the database and the media folder to one archive with a SHA-256 per member "
        "(chiangkhian/backup.py); keeps the newest --keep archives of the folder."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--output", default=None, help="archive file or folder (default: BACKUP_DIR)"
        )
        parser.add_argument(
            "--keep",
            type=int,
            default=settings.BACKUP_KEEP,
            help="archives to keep in the folder, newest first; 0 keeps all (default: BACKUP_KEEP)",
        )
        parser.add_argument("--database", default="default")

    def handle(self, *args, output, keep, database, **options):
        target = Path(output or settings.BACKUP_DIR)
        if target.is_dir() or not target.suffix:
            target.mkdir(parents=True, exist_ok=True, mode=0o700)
            stamp = datetime.datetime.now(datetime.UTC).strftime("%Y%m%dT%H%M%S%fZ")
            target = target / f"chiangkhian-{stamp}.tar.gz"
        if target.exists():
            raise CommandError(f"{target} exists: a backup never overwrites one.")
        in_bucket = settings.MEDIA_STORAGE == "s3"
        manifest = backup.create(target, using=database, with_media=not in_bucket)
        digest = backup.file_sha256(target)
        # `sha256sum -c` checks the off-site copy against this line.
        Path(f"{target}.sha256").write_text(f"{digest}  {target.name}\n", encoding="utf-8")
        rows = sum(manifest["rows"].values())
        files = sum(1 for name in manifest["members"] if name.startswith("media/"))
        self.stdout.write(
            f"Backup written: {target} ({target.stat().st_size} bytes, {rows} rows in "
            f"{len(manifest['rows'])} tables, {files} media files, SHA-256 {digest})."
        )
        if in_bucket:
            self.stdout.write(
                "MEDIA_STORAGE=s3: the uploads are in the bucket, not in this archive. Back the "
                "bucket up with its versioning or replication (docs/operations.md, Backups)."
            )
        if keep > 0 and target.name.startswith("chiangkhian-"):
            self._prune(target.parent, keep)

    def _prune(self, folder, keep):
        archives = sorted(folder.glob(PATTERN), reverse=True)
        for old in archives[keep:]:
            old.unlink()
            Path(f"{old}.sha256").unlink(missing_ok=True)
            self.stdout.write(f"Removed the old backup {old.name} (keeping {keep}).")
