import os
import subprocess
import sys
import unittest
from pathlib import Path

from django.test import SimpleTestCase

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION = {
    "DEBUG": "0",
    "SECRET_KEY": "x7Hq9-production-like-secret-key-that-is-long-and-random-3bV8kPz2",
    "ALLOWED_HOSTS": "www.chiangkhian.go.th",
    "DATABASE_URL": "sqlite:////tmp/chiangkhian-check.sqlite3",
    "CACHE_URL": "redis://127.0.0.1:6379/1",
}


def run_manage(*args, **env):
    dropped = {"DEBUG", "SECRET_KEY", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    clean = {k: v for k, v in os.environ.items() if k not in dropped}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


class ProductionSettingsTests(SimpleTestCase):
    def test_production_refuses_to_start_without_a_secret_key(self):
        env = {k: v for k, v in PRODUCTION.items() if k != "SECRET_KEY"}
        result = run_manage("check", **env)
        self.assertNotEqual(result.returncode, 0)
        self.assertIn("SECRET_KEY must be set", result.stderr)

    def test_deploy_check_is_clean_with_production_values(self):
        result = run_manage("check", "--deploy", "--fail-level", "WARNING", **PRODUCTION)
        self.assertEqual(result.returncode, 0, result.stderr + result.stdout)

    @unittest.skipUnless(
        os.environ.get("DATABASE_URL", "").startswith("postgres"), "needs DATABASE_URL=postgres"
    )
    def test_deploy_check_is_clean_on_postgresql(self):
        env = {**PRODUCTION, "DATABASE_URL": os.environ["DATABASE_URL"]}
        args = ("check", "--deploy", "--database", "default", "--fail-level", "WARNING")
        result = run_manage(*args, **env)
        self.assertEqual(result.returncode, 0, result.stderr + result.stdout)

    def test_production_cannot_switch_the_second_factor_off(self):
        code = "from django.conf import settings; print(settings.STAFF_OTP_REQUIRED)"
        result = run_manage("shell", "-c", code, STAFF_OTP_REQUIRED="0", **PRODUCTION)
        self.assertEqual(result.stdout.strip().splitlines()[-1], "True", result.stderr)

    def test_development_needs_no_environment(self):
        result = run_manage("check", DEBUG="1")
        self.assertEqual(result.returncode, 0, result.stderr)
