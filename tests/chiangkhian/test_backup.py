"""manage.py backup and restore (issue 11, part 9): a round trip keeps every row and every file
byte for byte, the traffic log's hash chain still verifies, and a damaged archive, a database
or a media folder that is not empty are refused before anything is written."""

import io
import os
import subprocess
import sys
import tarfile
import tempfile
import uuid
from pathlib import Path

import psycopg
from axes.models import AccessAttempt
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.db.utils import ConnectionHandler
from django.test import TestCase, override_settings
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice
from guardian.shortcuts import assign_perm

from catalog.models import Item
from chiangkhian import backup
from chiangkhian.models import User
from compliance.models import TrafficLog
from tests.base import make_municipality, make_user

BASE_DIR = Path(__file__).resolve().parents[2]
FTS_PREFIX = "catalog_searchdocument_fts"  # SQLite's full-text index (see _compare_search)


def run_manage(*args, env):
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


class FreshTarget:
    """A new, empty database of the test database's vendor, and an empty media folder."""

    def __init__(self, tmp):
        self.tmp = Path(tmp)
        self.media = self.tmp / "restored-media"
        source = connection.settings_dict
        if connection.vendor == "sqlite":
            self.url = f"sqlite:///{self.tmp / 'restored.sqlite3'}"
            self.settings_dict = {
                "ENGINE": source["ENGINE"],
                "NAME": str(self.tmp / "restored.sqlite3"),
            }
        else:
            self.name = f"ck_restore_{uuid.uuid4().hex[:10]}"
            self.server = {
                k: source[k.upper()]
                for k in ("user", "password", "host", "port")
                if source[k.upper()]
            }
            with psycopg.connect(dbname="postgres", autocommit=True, **self.server) as admin:
                admin.execute(f'CREATE DATABASE "{self.name}"')
            self.url = "postgres://{user}:{password}@{host}:{port}/{name}".format(
                name=self.name,
                **{"password": "", "host": "127.0.0.1", "port": 5432, **self.server},
            )
            self.settings_dict = {**source, "NAME": self.name}
        self.handler = ConnectionHandler({"default": self.settings_dict})

    @property
    def connection(self):
        return self.handler["default"]

    def env(self):
        return {
            **os.environ,
            "DATABASE_URL": self.url,
            "MEDIA_ROOT": str(self.media),
            "SECRET_KEY": settings.SECRET_KEY,
            "TRAFFIC_LOG_CHAIN_KEY": settings.TRAFFIC_LOG_CHAIN_KEY,
            "DEBUG": "1",
        }

    def close(self):
        self.handler.close_all()
        if connection.vendor == "postgresql":
            with psycopg.connect(dbname="postgres", autocommit=True, **self.server) as admin:
                admin.execute(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')


def table_rows(conn, table):
    quote = conn.ops.quote_name
    with conn.cursor() as cursor:
        cursor.execute(f"SELECT * FROM {quote(table)}")
        return sorted(cursor.fetchall(), key=repr)


def sequences(conn):
    with conn.cursor() as cursor:
        if conn.vendor == "sqlite":
            cursor.execute("SELECT name, seq FROM sqlite_sequence")
        else:
            cursor.execute("SELECT sequencename, last_value FROM pg_sequences")
        return sorted(cursor.fetchall(), key=repr)


def media_bytes(root):
    return {name: path.read_bytes() for name, path in backup.media_files(root)}


def rewrite_archive(source, target, change):
    """A copy of the archive with change(name, data) applied to every member."""
    with tarfile.open(source, "r:gz") as old, tarfile.open(target, "w:gz") as new:
        for member in old.getmembers():
            data = change(member.name, old.extractfile(member).read())
            member.size = len(data)
            new.addfile(member, io.BytesIO(data))


def _add_security_rows(user):
    """What must survive besides content: object rights, second factors, lockout records."""
    item = Item.objects.filter(status=Item.Status.PUBLISHED).first()
    assign_perm("catalog.change_item", user, item)
    TOTPDevice.objects.create(user=user, name="แอปยืนยันตัวตน", confirmed=True)
    StaticDevice.objects.create(user=user, name="backup").token_set.create(token="ab12cd34")
    AccessAttempt.objects.create(
        username="ผู้ไม่หวังดี", ip_address="203.0.113.9", user_agent="x", failures_since_start=3
    )
    # An id handed out and then freed: a restore must never give it out again.
    User.objects.create_user("ชั่วคราว", password="x").delete()


@override_settings(DEBUG=True)  # the demo loader refuses to run with DEBUG off
class BackupRoundTripTests(TestCase):
    def test_backup_restore_round_trip(self):
        call_command("load_demo", stdout=io.StringIO())
        _add_security_rows(User.objects.get(username="khwanwipa"))
        self.client.get("/")  # a traffic-log row through the middleware, microseconds and all
        # Times below the millisecond: what Django's JSON serialiser would cut off.
        self.assertTrue(any(row.at.microsecond % 1000 for row in TrafficLog.objects.all()))
        call_command("verify_traffic_log", stdout=io.StringIO())
        archive = Path(self.tmp()) / "site.tar.gz"
        call_command("backup", output=str(archive), stdout=io.StringIO())

        target = FreshTarget(self.tmp())
        self.addCleanup(target.close)
        result = run_manage("restore", str(archive), env=target.env())
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn("Restored", result.stdout)

        tables = [t for t in connection.introspection.table_names() if not t.startswith(FTS_PREFIX)]
        self.assertIn("compliance_trafficlog", tables)
        self.assertIn("guardian_userobjectpermission", tables)
        self.assertIn("catalog_historicalitem", tables)
        for table in tables + ["django_migrations"]:
            with self.subTest(table=table):
                self.assertEqual(
                    table_rows(target.connection, table), table_rows(connection, table)
                )
        self.assertEqual(sequences(target.connection), sequences(connection))
        self.assertGreater(len(media_bytes(settings.MEDIA_ROOT)), 50)
        self.assertEqual(media_bytes(target.media), media_bytes(settings.MEDIA_ROOT))

        verified = run_manage("verify_traffic_log", env=target.env())
        self.assertEqual(verified.returncode, 0, verified.stderr)
        self.assertIn("intact", verified.stdout)

    def tmp(self):
        directory = tempfile.TemporaryDirectory(prefix="ck-backup-test-")
        self.addCleanup(directory.cleanup)
        return directory.name


class RestoreRefusalTests(TestCase):
    """Nothing is restored from an archive that does not match its checksums, nor over data."""

    def setUp(self):
        make_municipality()
        make_user("somchai", "webmaster")
        (Path(settings.MEDIA_ROOT) / "photos").mkdir(parents=True)
        (Path(settings.MEDIA_ROOT) / "photos" / "ภาพ.jpg").write_bytes(b"\xff\xd8original")
        self.dir = tempfile.TemporaryDirectory(prefix="ck-backup-test-")
        self.addCleanup(self.dir.cleanup)
        self.archive = Path(self.dir.name) / "site.tar.gz"
        call_command("backup", output=str(self.archive), stdout=io.StringIO())

    def assert_refused(self, archive, message):
        with self.assertRaisesMessage(CommandError, message):
            call_command("restore", str(archive), check_only=True, stdout=io.StringIO())

    def test_tampered_media_file_is_refused(self):
        tampered = Path(self.dir.name) / "tampered.tar.gz"
        rewrite_archive(
            self.archive,
            tampered,
            lambda name, data: b"\xff\xd8replaced" if name.startswith("media/") else data,
        )
        self.assert_refused(tampered, "does not match its SHA-256 checksum")

    def test_tampered_row_with_a_matching_manifest_is_refused(self):
        import hashlib
        import json

        table = "db/chiangkhian_user.jsonl"
        with tarfile.open(self.archive, "r:gz") as tar:
            rows = tar.extractfile(table).read().replace(b"somchai", b"mallory")

        def change(name, data):
            if name == table:
                return rows
            if name == backup.MANIFEST:
                manifest = json.loads(data)
                manifest["members"][table]["sha256"] = hashlib.sha256(rows).hexdigest()
                return json.dumps(manifest).encode()
            return data

        tampered = Path(self.dir.name) / "tampered.tar.gz"
        rewrite_archive(self.archive, tampered, change)
        self.assert_refused(tampered, "the manifest's signature does not match")

    def test_truncated_archive_is_refused(self):
        data = self.archive.read_bytes()
        truncated = Path(self.dir.name) / "truncated.tar.gz"
        truncated.write_bytes(data[: len(data) // 2])
        self.assert_refused(truncated, "Refusing to restore truncated.tar.gz")

    def test_restore_refuses_a_database_that_is_not_empty(self):
        with self.assertRaisesMessage(CommandError, "is not empty"):
            call_command("restore", str(self.archive), stdout=io.StringIO())
        self.assertTrue(User.objects.filter(username="somchai").exists())

    def test_restore_refuses_a_media_folder_that_is_not_empty(self):
        target = FreshTarget(self.dir.name)
        self.addCleanup(target.close)
        target.media.mkdir()
        (target.media / "keep.txt").write_text("ของเดิม")
        result = run_manage("restore", str(self.archive), env=target.env())
        self.assertEqual(result.returncode, 1)
        self.assertIn("media folder", result.stderr)
        self.assertEqual(target.connection.introspection.table_names(), [])
        self.assertEqual((target.media / "keep.txt").read_text(), "ของเดิม")

    def test_backup_keeps_only_the_newest_archives(self):
        folder = Path(self.dir.name) / "daily"
        for _ in range(3):
            call_command("backup", output=str(folder), keep=2, stdout=io.StringIO())
        self.assertEqual(len(list(folder.glob("chiangkhian-*.tar.gz"))), 2)
        self.assertEqual(len(list(folder.glob("chiangkhian-*.tar.gz.sha256"))), 2)

    @override_settings(MEDIA_STORAGE="s3")
    def test_backup_with_media_in_a_bucket_says_the_media_are_not_in_it(self):
        archive = Path(self.dir.name) / "database-only.tar.gz"
        out = io.StringIO()
        call_command("backup", output=str(archive), stdout=out)
        self.assertIn("MEDIA_STORAGE=s3", out.getvalue())
        with tarfile.open(archive) as tar:
            names = tar.getnames()
        self.assertFalse([name for name in names if name.startswith("media/")])
        self.assertTrue([name for name in names if name.startswith("db/")])
        call_command("restore", str(archive), check_only=True, stdout=io.StringIO())  # intact
