"""The link checker never requests the server's own network (server-side request forgery)."""

import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from unittest import mock

from django.test import SimpleTestCase

from compliance.links import check_url, is_public


class Redirector(BaseHTTPRequestHandler):
    def do_HEAD(self):
        self.server.hits.append(self.path)
        self.send_response(302)
        self.send_header("Location", self.server.target)
        self.send_header("Content-Length", "0")
        self.end_headers()

    do_GET = do_HEAD

    def log_message(self, *args):
        pass


class LinkCheckerAddressTests(SimpleTestCase):
    def test_link_checker_refuses_loopback(self):
        for url in ("http://127.0.0.1:8108/", "http://localhost/", "http://[::1]/"):
            result = check_url(url, timeout=2)
            self.assertFalse(result.ok, url)
            self.assertIsNone(result.status_code, url)
            self.assertIn("ที่อยู่ภายใน", result.error, url)

    def test_private_link_local_and_metadata_addresses_are_refused(self):
        for ip in (
            "10.0.0.5",
            "192.168.1.1",
            "172.16.3.4",
            "169.254.169.254",
            "100.64.0.1",
            "fd00:ec2::254",
            "fe80::1",
            "::ffff:127.0.0.1",
            "0.0.0.0",
            "224.0.0.1",
        ):
            self.assertFalse(is_public(ip), ip)
        self.assertTrue(is_public("203.144.200.10"))

    def test_a_public_name_that_resolves_to_an_internal_address_is_refused(self):
        internal = [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("10.1.2.3", 80))]
        with (
            mock.patch("socket.getaddrinfo", return_value=internal),
            mock.patch("socket.socket.connect", side_effect=AssertionError("connected")),
        ):
            result = check_url("http://intranet.chiangkhian.go.th/", timeout=2)
        self.assertIn("10.1.2.3", result.error)

    def test_a_redirect_to_an_internal_address_is_refused(self):
        server = ThreadingHTTPServer(("127.0.0.1", 0), Redirector)
        server.hits, server.target = [], "http://169.254.169.254/latest/meta-data/"
        threading.Thread(target=server.serve_forever, daemon=True).start()
        self.addCleanup(server.shutdown)
        port = server.server_address[1]
        real = socket.getaddrinfo

        def resolve(host, *args, **kwargs):
            # "public.example" stands for a public site that redirects inwards.
            if host == "public.example":
                return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("127.0.0.1", port))]
            return real(host, *args, **kwargs)

        with (
            mock.patch("socket.getaddrinfo", side_effect=resolve),
            mock.patch(
                "compliance.links.is_public", side_effect=lambda ip: not ip.startswith("169.254.")
            ),
        ):
            result = check_url(f"http://public.example:{port}/go", timeout=2)
        self.assertEqual(server.hits, ["/go"])
        self.assertIn("169.254.169.254", result.error)

    def test_a_redirect_to_a_file_address_is_refused(self):
        server = ThreadingHTTPServer(("127.0.0.1", 0), Redirector)
        server.hits, server.target = [], "file:///etc/passwd"
        threading.Thread(target=server.serve_forever, daemon=True).start()
        self.addCleanup(server.shutdown)
        with self.settings(LINK_CHECK_ALLOW_PRIVATE=True):
            result = check_url(f"http://127.0.0.1:{server.server_address[1]}/", timeout=2)
        self.assertFalse(result.ok)
        self.assertNotIn("root:", result.error)
