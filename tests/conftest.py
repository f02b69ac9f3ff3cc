import os
import shutil

import pytest
from django.test import override_settings

CHROMIUM = "/usr/bin/chromium"


@pytest.fixture(autouse=True)
def _media_in_tmp(tmp_path_factory):
    """Every test writes uploads (and staged imports) to temporary folders, never to var/."""
    with override_settings(
        MEDIA_ROOT=tmp_path_factory.mktemp("media"),
        IMPORT_STAGING_DIR=tmp_path_factory.mktemp("import"),
    ):
        yield


@pytest.fixture(autouse=True)
def _empty_cache():
    """Every test starts with an empty cache: visit buffers, rate limits, the cached counter."""
    from django.core.cache import cache

    cache.clear()
    yield


@pytest.fixture(autouse=True)
def _thai_first():
    """Every test starts in Thai: a request to /en/ leaves English active in the thread."""
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


def _allow_truncate_in_tests(sender, connection, **kwargs):
    # The traffic log refuses TRUNCATE (compliance migration 0004) unless the session allows
    # it; Django's test flush of a throw-away test database truncates every table.
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET chiangkhian.allow_truncate = 'on'")


def pytest_configure(config):
    from django.db.backends.signals import connection_created

    connection_created.connect(_allow_truncate_in_tests, dispatch_uid="tests-allow-truncate")


@pytest.fixture(autouse=True, scope="session")
def _fast_password_hashing():
    """Personas are created in every test class: a deliberately slow hasher would dominate."""
    with override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]):
        yield


def pytest_collection_modifyitems(config, items):
    if shutil.which(CHROMIUM) or os.path.exists(CHROMIUM):
        return
    browser_items = [item for item in items if "browser" in item.keywords]
    if not browser_items:
        return
    if os.environ.get("REQUIRE_BROWSER"):
        # CI installs chromium: a skipped browser test there is a failure.
        raise pytest.UsageError(f"REQUIRE_BROWSER is set but {CHROMIUM} is missing.")
    skip = pytest.mark.skip(reason=f"{CHROMIUM} not installed (apt-get install chromium)")
    for item in browser_items:
        item.add_marker(skip)
    config._browser_skipped = len(browser_items)


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    skipped = getattr(config, "_browser_skipped", 0)
    if skipped:
        terminalreporter.write_sep(
            "!",
            f"{skipped} real-browser tests SKIPPED: {CHROMIUM} is not installed "
            "(sudo apt-get install chromium)",
            yellow=True,
            bold=True,
        )


@pytest.fixture(scope="session")
def s3_server():
    """moto's S3 emulator on a free loopback port, for the whole run (no network needed)."""
    import logging

    from moto.server import ThreadedMotoServer

    logging.getLogger("werkzeug").setLevel(logging.WARNING)  # one line per request otherwise
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    yield f"http://{host}:{port}"
    server.stop()


@pytest.fixture
def s3_media(s3_server, settings):
    """MEDIA_STORAGE=s3 for one test: a fresh private bucket; yields a boto3 client on it."""
    import uuid

    import boto3

    from chiangkhian.settings import s3_storage

    bucket = f"media-{uuid.uuid4().hex[:12]}"
    credentials = {"aws_access_key_id": "test", "aws_secret_access_key": "test"}
    client = boto3.client("s3", endpoint_url=s3_server, region_name="us-east-1", **credentials)
    client.create_bucket(Bucket=bucket)
    storage = s3_storage(
        bucket_name=bucket,
        endpoint_url=s3_server,
        region_name="us-east-1",
        access_key="test",
        secret_key="test",
    )
    settings.STORAGES = {**settings.STORAGES, "default": storage}
    client.bucket = bucket
    yield client
