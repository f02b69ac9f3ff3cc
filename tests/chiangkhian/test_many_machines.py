"""The settings of several app servers: tasks in the database queue, sessions in Redis, media
in S3, all from the environment."""

from django.contrib.sessions.models import Session
from django.core.cache import caches
from django.test import TestCase, override_settings
from django.urls import reverse

from tests.base import PASSWORD, make_user
from tests.chiangkhian.test_settings import PRODUCTION, run_manage

MANY_MACHINES = {
    **PRODUCTION,
    "TASK_BACKEND": "database",
    "SESSION_CACHE_URL": "redis://127.0.0.1:6379/4",
    "MEDIA_STORAGE": "s3",
    "S3_ENDPOINT_URL": "https://s3.example.go.th",
    "S3_BUCKET": "chiangkhian-media",
    "S3_REGION": "ap-southeast-1",
    "S3_ACCESS_KEY_ID": "key",
    "S3_SECRET_ACCESS_KEY": "secret",
}
SHOW = (
    "from django.conf import settings as s; print(s.TASKS['default']['BACKEND'], "
    "s.SESSION_ENGINE, s.STORAGES['default']['BACKEND'], s.STORAGES['default']['OPTIONS']"
    "['bucket_name'], s.STORAGES['default']['OPTIONS']['querystring_expire'])"
)


class SettingsTests(TestCase):
    def test_the_environment_of_several_app_servers_is_read(self):
        result = run_manage("shell", "--no-imports", "-c", SHOW, **MANY_MACHINES)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(
            result.stdout.split(),
            [
                "django_tasks_db.DatabaseBackend",
                "django.contrib.sessions.backends.cache",
                "storages.backends.s3.S3Storage",
                "chiangkhian-media",
                "60",
            ],
        )
        result = run_manage("check", "--deploy", "--fail-level", "WARNING", **MANY_MACHINES)
        self.assertEqual(result.returncode, 0, result.stderr + result.stdout)

    def test_s3_without_a_bucket_or_an_unknown_backend_refuses_to_start(self):
        result = run_manage("check", **{**MANY_MACHINES, "S3_BUCKET": ""})
        self.assertIn("MEDIA_STORAGE=s3 needs S3_BUCKET", result.stderr)
        result = run_manage("check", **{**MANY_MACHINES, "TASK_BACKEND": "celery"})
        self.assertIn("TASK_BACKEND must be one of", result.stderr)


REDIS_SESSIONS = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "sessions": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": "redis://127.0.0.1:6379/4",
        "KEY_PREFIX": "test-sessions",
    },
}


@override_settings(
    CACHES=REDIS_SESSIONS,
    SESSION_ENGINE="django.contrib.sessions.backends.cache",
    SESSION_CACHE_ALIAS="sessions",
)
class RedisSessionTests(TestCase):
    def test_a_staff_session_lives_in_redis_not_in_the_database(self):
        make_user("palat", "requester")
        self.assertTrue(self.client.login(username="palat", password=PASSWORD))
        key = self.client.session.session_key
        self.assertFalse(Session.objects.exists())
        stored = caches["sessions"].get(f"django.contrib.sessions.cache{key}")
        self.assertIsNotNone(stored)
        self.assertEqual(self.client.get(reverse("admin:index")).status_code, 200)
        self.client.logout()
        self.assertIsNone(caches["sessions"].get(f"django.contrib.sessions.cache{key}"))
