from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError, connections

from chiangkhian import backup


class Command(BaseCommand):
    help = (
        "Restore an archive of `manage.py backup` into an EMPTY database and an empty media "
        "folder, after checking every member's SHA-256 and the manifest's signature."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive")
        parser.add_argument("--database", default="default")
        parser.add_argument(
            "--check-only",
            action="store_true",
            help="only verify the archive's checksums and signature (safe on a live server)",
        )
        parser.add_argument(
            "--ignore-signature",
            action="store_true",
            help="accept an archive signed with another SECRET_KEY (the checksums are still "
            "verified; the traffic log chain will not verify without its key)",
        )

    def handle(self, *args, archive, database, check_only, ignore_signature, **options):
        path = Path(archive)
        if not path.is_file():
            raise CommandError(f"{path} is not a file.")
        try:
            manifest = backup.verify(path, check_signature=not ignore_signature)
        except backup.BackupError as error:
            raise CommandError(f"Refusing to restore {path.name}: {error}.") from error
        members = len(manifest["members"])
        self.stdout.write(f"Archive intact: {members} members match their SHA-256 checksums.")
        if check_only:
            return
        connection = connections[database]
        try:
            backup.check_target(connection, settings.MEDIA_ROOT)
        except backup.BackupError as error:
            raise CommandError(f"Refusing to restore {path.name}: {error}.") from error
        try:
            backup.restore(path, manifest, using=database, stdout=self.stdout)
        except (backup.BackupError, ValidationError, DatabaseError, ValueError, OSError) as error:
            raise CommandError(
                f"Restoring {path.name} failed: {error}. The rows went in one transaction and "
                "were rolled back, but the schema and some media files may be there: drop and "
                "create the database, empty the media folder, then try again."
            ) from error
        rows = sum(manifest["rows"].values())
        self.stdout.write(
            self.style.SUCCESS(
                f"Restored {rows} rows and {members - len(manifest['rows'])} media files from "
                f"{path.name} (made {manifest['created_at']}). Next: manage.py "
                "verify_traffic_log, then grant the runtime role its rights (docs/deployment.md)."
            )
        )
