"""Backups: the database and the media in one archive, with a SHA-256 per member.

The archive is a gzipped tar: `db/<table>.jsonl` per table (a header line with the model and
its columns, then one JSON array per row in primary-key order), `media/<path>` per uploaded
file, `manifest.json` (the release's applied migrations, row counts, the id sequences and the
SHA-256 and size of every member) and `manifest.hmac`, a keyed hash of the manifest with a key
derived from SECRET_KEY, so that a member changed together with its manifest entry is refused
too.

Why not `dumpdata`/`loaddata`: Django's JSON encoder cuts datetimes to milliseconds, and the
Computer Crime Act traffic log hashes each row's time to the microsecond (compliance/chain.py);
a restored log would fail `verify_traffic_log`. Values here go through each field's own
`value_to_string()` / `to_python()` (full precision; the same code path Django's XML
serialiser uses), and rows are written back raw, as loaddata does, but in batches and with no
`save()`: the traffic log's `save()` would re-chain the rows, and auto_now fields would take
the time of the restore. Why not `pg_dump`: one format for SQLite and PostgreSQL (a
development database can seed a server and back), readable with any JSON tool, and the
checksums cover the database and the files alike. Rows keep their primary keys, so generic
relations (guardian's object permissions, the admin log, content types) and the history tables
stay consistent; id sequences are restored to where they were, never to the highest id left,
so an id of a deleted object (still named in its history or an object permission) is never
handed out again.
"""

import base64
import datetime
import hashlib
import hmac
import json
import os
import tarfile
import tempfile
from pathlib import Path, PurePosixPath

from django.apps import apps as global_apps
from django.conf import settings
from django.db import connections, models, transaction
from django.db.migrations.recorder import MigrationRecorder
from django.utils.crypto import salted_hmac

FORMAT = 1
MANIFEST = "manifest.json"
SIGNATURE = "manifest.hmac"
BATCH = 2000


class BackupError(Exception):
    """A backup that cannot be made or an archive that must not be restored; the message says
    why in words an operator can act on."""


def archive_models(apps=global_apps):
    """Every model with a table of its own (m2m tables included), in a stable order."""
    found = [
        model
        for model in apps.get_models(include_auto_created=True)
        if model._meta.managed and not model._meta.proxy
    ]
    return sorted(found, key=lambda model: model._meta.db_table)


def _columns(model):
    return [field for field in model._meta.local_concrete_fields if not field.generated]


def _encode(field, obj):
    value = field.value_from_object(obj)
    if value is None or isinstance(field, models.JSONField):
        return value
    if type(value) in (str, int, bool, float):
        return value
    if isinstance(field, models.BinaryField):
        return base64.b64encode(bytes(value)).decode("ascii")
    return field.value_to_string(obj)  # full precision: isoformat() keeps microseconds


def _decode(field, value):
    if value is None or isinstance(field, models.JSONField):
        return value
    if isinstance(field, models.BinaryField):
        return base64.b64decode(value)
    return field.to_python(value)


def _signature(manifest_bytes):
    key_salt = "chiangkhian.backup.manifest"
    mac = salted_hmac(key_salt, manifest_bytes, secret=settings.SECRET_KEY, algorithm="sha256")
    return mac.hexdigest()


# --- id sequences ----------------------------------------------------------------------------


def _auto_pk(model):
    pk = model._meta.pk
    return pk if isinstance(pk, models.fields.AutoFieldMixin) else None


def read_sequences(connection, model_list):
    """{table: last id handed out} for the tables with an automatic id."""
    result = {}
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_sequence'")
            if cursor.fetchone():
                cursor.execute("SELECT name, seq FROM sqlite_sequence")
                result = {name: int(seq) for name, seq in cursor.fetchall()}
            return result
        for model in model_list:
            pk = _auto_pk(model)
            if pk is None:
                continue
            cursor.execute(
                "SELECT pg_get_serial_sequence(%s, %s)", [model._meta.db_table, pk.column]
            )
            sequence = cursor.fetchone()[0]
            if sequence:
                cursor.execute(f"SELECT last_value, is_called FROM {sequence}")
                last, called = cursor.fetchone()
                result[model._meta.db_table] = int(last) if called else int(last) - 1
    return result


def write_sequences(connection, model_list, sequences):
    with connection.cursor() as cursor:
        for model in model_list:
            table, pk = model._meta.db_table, _auto_pk(model)
            last = sequences.get(table, 0)
            if pk is None or last <= 0:
                continue
            if connection.vendor == "sqlite":
                cursor.execute("UPDATE sqlite_sequence SET seq = %s WHERE name = %s", [last, table])
                if cursor.rowcount == 0:
                    cursor.execute(
                        "INSERT INTO sqlite_sequence (name, seq) VALUES (%s, %s)", [table, last]
                    )
            else:
                cursor.execute(
                    "SELECT setval(pg_get_serial_sequence(%s, %s), %s, true)",
                    [table, pk.column, last],
                )


# --- writing ---------------------------------------------------------------------------------


class _HashingFile:
    def __init__(self, path):
        self.file = open(path, "w", encoding="utf-8")  # noqa: SIM115 (closed by close())
        self.digest = hashlib.sha256()
        self.size = 0

    def write_line(self, value):
        data = json.dumps(value, ensure_ascii=False, separators=(",", ":")) + "\n"
        raw = data.encode("utf-8")
        self.digest.update(raw)
        self.size += len(raw)
        self.file.write(data)

    def close(self):
        self.file.close()
        return {"sha256": self.digest.hexdigest(), "size": self.size}


def _dump_table(model, path, using):
    columns = _columns(model)
    out = _HashingFile(path)
    out.write_line({"model": model._meta.label, "columns": [f.attname for f in columns]})
    rows, max_pk = 0, 0
    queryset = model._base_manager.using(using).order_by("pk")
    for obj in queryset.iterator(chunk_size=BATCH):
        out.write_line([_encode(field, obj) for field in columns])
        rows += 1
        if isinstance(obj.pk, int):
            max_pk = max(max_pk, obj.pk)
    return out.close(), rows, max_pk


def _file_digest(path):
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def media_files(root):
    """(relative posix name, path) of every regular file under the media folder, sorted."""
    root = Path(root)
    if not root.is_dir():
        return []
    found = []
    for directory, dirnames, filenames in os.walk(root):
        dirnames.sort()
        for name in sorted(filenames):
            path = Path(directory) / name
            if path.is_file() and not path.is_symlink():
                found.append((path.relative_to(root).as_posix(), path))
    return found


def _applied_migrations(connection):
    recorder = MigrationRecorder(connection)
    return sorted([app, name] for app, name in recorder.applied_migrations())


def create(target, *, using="default", media_root=None, with_media=True):
    """Write the database and the media folder to the archive `target`; returns the manifest.

    `with_media=False` (media in an S3 bucket) writes the database alone: the bucket is backed
    up by its own versioning or replication, and the manifest says the media are not here."""
    connection = connections[using]
    media_root = Path(media_root or settings.MEDIA_ROOT)
    target = Path(target)
    partial = target.with_name(target.name + ".partial")
    model_list = archive_models() + [MigrationRecorder.Migration]
    members, tables = {}, {}
    with tempfile.TemporaryDirectory(dir=target.parent, prefix=".backup-") as work:
        with _snapshot(connection):
            for index, model in enumerate(model_list):
                name = f"db/{model._meta.db_table}.jsonl"
                path = Path(work) / f"{index}.jsonl"
                members[name], rows, max_pk = _dump_table(model, path, using)
                tables[name] = {"path": path, "rows": rows, "max_pk": max_pk}
            sequences = read_sequences(connection, model_list)
            migrations = _applied_migrations(connection)
        for name, info in tables.items():
            table = name[3:-6]
            sequences[table] = max(sequences.get(table, 0), info["max_pk"])
        files = media_files(media_root) if with_media else []
        for name, path in files:
            members[f"media/{name}"] = {"sha256": _file_digest(path), "size": path.stat().st_size}
        manifest = {
            "format": FORMAT,
            "created_at": datetime.datetime.now(datetime.UTC).isoformat(),
            "vendor": connection.vendor,
            "migrations": migrations,
            "rows": {name: info["rows"] for name, info in tables.items()},
            "sequences": {table: last for table, last in sorted(sequences.items()) if last > 0},
            "members": members,
            "media": "archived" if with_media else "not archived (MEDIA_STORAGE=s3)",
        }
        manifest_bytes = json.dumps(manifest, ensure_ascii=False, indent=1).encode("utf-8")
        fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as raw, tarfile.open(fileobj=raw, mode="w:gz") as tar:
            for name, info in tables.items():
                tar.add(info["path"], arcname=name, recursive=False)
            for name, path in files:
                tar.add(path, arcname=f"media/{name}", recursive=False)
            _add_bytes(tar, MANIFEST, manifest_bytes)
            _add_bytes(tar, SIGNATURE, _signature(manifest_bytes).encode("ascii"))
    os.replace(partial, target)
    return manifest


class _snapshot:
    """One consistent view of every table: a read-only REPEATABLE READ transaction on
    PostgreSQL (the site keeps writing meanwhile); SQLite's read transaction is one already."""

    def __init__(self, connection):
        self.connection = connection
        self.atomic = transaction.atomic(using=connection.alias)

    def __enter__(self):
        outermost = not self.connection.in_atomic_block
        self.atomic.__enter__()
        if outermost and self.connection.vendor == "postgresql":
            with self.connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")

    def __exit__(self, *exc):
        return self.atomic.__exit__(*exc)


def _add_bytes(tar, name, data):
    import io

    info = tarfile.TarInfo(name)
    info.size, info.mode = len(data), 0o600
    info.mtime = int(datetime.datetime.now(datetime.UTC).timestamp())
    tar.addfile(info, io.BytesIO(data))


def file_sha256(path):
    return _file_digest(path)


# --- reading ---------------------------------------------------------------------------------


def _safe_member_name(name):
    path = PurePosixPath(name)
    if path.is_absolute() or ".." in path.parts or not path.parts:
        return False
    return name in (MANIFEST, SIGNATURE) or path.parts[0] in ("db", "media") and len(path.parts) > 1


def verify(archive, *, check_signature=True):
    """The archive's manifest once every member matches its SHA-256 (raises BackupError)."""
    digests, manifest_bytes, signature = {}, None, None
    try:
        with tarfile.open(archive, mode="r|gz") as tar:
            for member in tar:
                if not _safe_member_name(member.name) or not member.isfile():
                    raise BackupError(f"unexpected member {member.name!r} in the archive")
                if member.name in digests:
                    raise BackupError(f"member {member.name!r} appears twice")
                handle = tar.extractfile(member)
                if member.name in (MANIFEST, SIGNATURE):
                    data = handle.read()
                    manifest_bytes, signature = (
                        (data, signature) if member.name == MANIFEST else (manifest_bytes, data)
                    )
                    continue
                digest = hashlib.sha256()
                for block in iter(lambda h=handle: h.read(1 << 20), b""):
                    digest.update(block)
                digests[member.name] = digest.hexdigest()
    except (tarfile.TarError, OSError, EOFError) as error:
        raise BackupError(f"the archive cannot be read ({error})") from error
    if manifest_bytes is None:
        raise BackupError("the archive has no manifest: not a backup of this site, or truncated")
    if check_signature:
        expected = _signature(manifest_bytes)
        given = (signature or b"").decode("ascii", "replace")
        if not hmac.compare_digest(expected, given):
            raise BackupError(
                "the manifest's signature does not match: the archive was altered, or it was "
                "made with another SECRET_KEY (restore with that key in the environment)"
            )
    manifest = json.loads(manifest_bytes)
    if manifest.get("format") != FORMAT:
        raise BackupError(f"archive format {manifest.get('format')!r} is not {FORMAT}")
    expected = {name: info["sha256"] for name, info in manifest["members"].items()}
    for name in sorted(set(expected) | set(digests)):
        if name not in digests:
            raise BackupError(f"member {name} is missing from the archive")
        if name not in expected:
            raise BackupError(f"member {name} is not in the manifest")
        if digests[name] != expected[name]:
            raise BackupError(f"member {name} does not match its SHA-256 checksum")
    return manifest


# --- restoring -------------------------------------------------------------------------------


def check_target(connection, media_root):
    """Refuse anything but an empty database and an empty (or missing) media folder."""
    tables = connection.introspection.table_names()
    if tables:
        raise BackupError(
            f"the database {connection.settings_dict['NAME']} is not empty ({len(tables)} tables, "
            f"e.g. {', '.join(tables[:3])}). A restore never overwrites: create a new, empty "
            "database (PostgreSQL: createdb; SQLite: a new file name in DATABASE_URL) and "
            "restore into it; restore runs the migrations itself"
        )
    media_root = Path(media_root)
    if media_root.exists() and (not media_root.is_dir() or any(media_root.iterdir())):
        raise BackupError(
            f"the media folder {media_root} is not empty: point MEDIA_ROOT at a new, empty "
            "folder (or move the old one aside) and restore again"
        )


def migration_targets(loader, applied):
    """Per app, the last migration the archive's release had applied."""
    graph, applied = loader.graph, {tuple(node) for node in applied}
    unknown = sorted(applied - set(graph.nodes))
    if unknown:
        raise BackupError(
            "the archive was made by a release with migrations this code does not have "
            f"({', '.join('.'.join(n) for n in unknown[:5])}): restore with that release or a "
            "later one"
        )
    targets = []
    for app in sorted({app for app, _ in applied}):
        nodes = [node for node in applied if node[0] == app]
        targets.append(max(nodes, key=lambda node: len(graph.forwards_plan(node))))
    reached = {node for target in targets for node in graph.forwards_plan(target)}
    if reached != applied:
        raise BackupError("the archive's migration history is not one this code can rebuild")
    return targets


def restore(archive, manifest, *, using="default", media_root=None, stdout=None):
    """Schema as the archive's release had it, then every row and file, then today's schema."""
    from django.core.management import call_command
    from django.db.migrations.executor import MigrationExecutor

    connection = connections[using]
    media_root = Path(media_root or settings.MEDIA_ROOT)
    executor = MigrationExecutor(connection)
    targets = migration_targets(executor.loader, manifest["migrations"])
    # No post_migrate here: content types and permissions come from the archive, with their ids.
    executor.migrate(targets, plan=executor.migration_plan(targets))
    historical = executor.loader.project_state(targets).apps
    by_table = {model._meta.db_table: model for model in archive_models(historical)}
    by_table[MigrationRecorder.Migration._meta.db_table] = MigrationRecorder.Migration
    media_root.mkdir(parents=True, exist_ok=True)
    with transaction.atomic(using=using):
        _clear(connection, by_table.values())
        with tarfile.open(archive, mode="r|gz") as tar:
            for member in tar:
                if member.name.startswith("db/"):
                    _load_table(connection, by_table, member, tar.extractfile(member), manifest)
                elif member.name.startswith("media/"):
                    _write_media(media_root, member.name[len("media/") :], tar.extractfile(member))
        write_sequences(connection, by_table.values(), manifest["sequences"])
    call_command("migrate", database=using, interactive=False, verbosity=0, stdout=stdout)


def _clear(connection, model_list):
    # Rows that data migrations seeded (role groups, categories) make way for the archive's.
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        for model in model_list:
            if model._base_manager.using(connection.alias).exists():
                cursor.execute(f"DELETE FROM {quote(model._meta.db_table)}")


def _load_table(connection, by_table, member, handle, manifest):
    table = member.name[len("db/") : -len(".jsonl")]
    model = by_table.get(table)
    if model is None:
        raise BackupError(f"table {table} of the archive has no model in its release's schema")
    lines = iter(handle)  # bytes lines; json.loads reads UTF-8
    header = json.loads(next(lines))
    fields = {field.attname: field for field in _columns(model)}
    names = header["columns"]
    if sorted(names) != sorted(fields):
        raise BackupError(f"table {table}: the archive's columns do not match its release's schema")
    columns = [fields[name] for name in names]
    manager = model._base_manager.db_manager(connection.alias)
    size = max(1, min(BATCH, connection.ops.bulk_batch_size(columns, [None] * BATCH)))
    concrete = [field.attname for field in model._meta.concrete_fields]
    batch, count = [], 0
    for line in lines:
        row = {
            field.attname: _decode(field, value)
            for field, value in zip(columns, json.loads(line), strict=True)
        }
        # In the model's own field order; a parent's fields (another table) stay deferred.
        values = [row.get(name, models.DEFERRED) for name in concrete]
        batch.append(model.from_db(connection.alias, concrete, values))
        if len(batch) >= size:
            count += _insert(manager, batch, columns, connection)
            batch = []
    count += _insert(manager, batch, columns, connection)
    if count != manifest["rows"][member.name]:
        raise BackupError(f"table {table}: {count} rows restored, the manifest says otherwise")


def _insert(manager, batch, columns, connection):
    # raw=True: the values as stored, no auto_now, no save() (the traffic log's would re-chain).
    if batch:
        manager._insert(batch, fields=columns, using=connection.alias, raw=True)
    return len(batch)


def _write_media(media_root, name, handle):
    root = media_root.resolve()
    target = (root / name).resolve()
    if root not in target.parents:
        raise BackupError(f"media file {name!r} would land outside the media folder")
    target.parent.mkdir(parents=True, exist_ok=True, mode=0o750)
    mode = settings.FILE_UPLOAD_PERMISSIONS or 0o640
    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode)
    with os.fdopen(fd, "wb") as out:
        for block in iter(lambda: handle.read(1 << 20), b""):
            out.write(block)
