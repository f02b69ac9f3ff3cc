"""/healthz tells a monitor whether the database and the cache answer, and nothing more."""

from unittest import mock

from django.test import TestCase


class HealthTests(TestCase):
    def test_healthy_site_answers_ok(self):
        response = self.client.get("/healthz")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.content, b"ok\n")
        self.assertIn("no-cache", response["Cache-Control"])

    def test_a_broken_cache_answers_503_without_details(self):
        with mock.patch("chiangkhian.health.cache.get", side_effect=ConnectionError("redis:6379")):
            response = self.client.get("/healthz")
        self.assertEqual(response.status_code, 503)
        self.assertEqual(response.content, b"unavailable\n")

    def test_a_broken_database_answers_503_without_details(self):
        failure = RuntimeError("password authentication failed for user x")
        with mock.patch("chiangkhian.health.check_database", side_effect=failure):
            response = self.client.get("/healthz")
        self.assertEqual(response.status_code, 503)
        self.assertNotIn(b"password", response.content)
