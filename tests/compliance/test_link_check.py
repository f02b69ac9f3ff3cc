"""External links of live content checked against a local HTTP server (never the internet)."""

import io
import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from django.core.management import call_command
from django.test import override_settings

from catalog.models import Item
from compliance.links import check_url, collect, external_links
from compliance.models import LinkCheck
from tests.base import PersonaTestCase

from .helpers import make_item


class Handler(BaseHTTPRequestHandler):
    def do_HEAD(self):
        self.server.seen.append(("HEAD", self.path))
        if self.path == "/head-refused":
            self._reply(405)
        elif self.path == "/moved":
            self.send_response(301)
            self.send_header("Location", "/ok")
            self.end_headers()
        else:
            self._reply(200 if self.path == "/ok" else 404)

    def do_GET(self):
        self.server.seen.append(("GET", self.path))
        self._reply(200 if self.path in ("/ok", "/head-refused") else 404)

    def _reply(self, code):
        self.send_response(code)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@override_settings(LINK_CHECK_ALLOW_PRIVATE=True)  # the test server is on 127.0.0.1
class LinkCheckTests(PersonaTestCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        cls.server.seen = []
        threading.Thread(target=cls.server.serve_forever, daemon=True).start()
        cls.base = f"http://127.0.0.1:{cls.server.server_address[1]}"

    @classmethod
    def tearDownClass(cls):
        cls.server.shutdown()
        cls.server.server_close()
        super().tearDownClass()

    def test_a_working_link(self):
        result = check_url(f"{self.base}/ok", timeout=5)
        self.assertEqual((result.ok, result.status_code, result.method), (True, 200, "HEAD"))

    def test_a_missing_page(self):
        result = check_url(f"{self.base}/gone", timeout=5)
        self.assertEqual((result.ok, result.status_code), (False, 404))

    def test_get_when_the_server_refuses_head(self):
        result = check_url(f"{self.base}/head-refused", timeout=5)
        self.assertEqual((result.ok, result.status_code, result.method), (True, 200, "GET"))

    def test_redirects_are_followed_with_head(self):
        self.server.seen.clear()
        result = check_url(f"{self.base}/moved", timeout=5)
        self.assertEqual((result.ok, result.status_code), (True, 200))
        self.assertEqual(self.server.seen, [("HEAD", "/moved"), ("HEAD", "/ok")])

    def test_connection_refused(self):
        result = check_url(f"http://127.0.0.1:{free_port()}/", timeout=5)
        self.assertFalse(result.ok)
        self.assertIsNone(result.status_code)
        self.assertIn("refused", result.error.lower())

    def test_the_command_stores_results_for_the_live_items_only(self):
        link = make_item(
            "links/agencies", kind="link", title_th="หน่วยงาน", external_url=f"{self.base}/ok"
        )
        body = f'<p>ดู <a href="{self.base}/gone">แบบฟอร์ม</a> และ <a href="/general/">หน้าใน</a></p>'
        news = make_item("news/general-news", title_th="ข่าว", body_th=body)
        make_item(
            "links/agencies",
            title_th="ร่าง",
            external_url=f"{self.base}/draft",
            status=Item.Status.DRAFT,
        )
        out = io.StringIO()
        call_command("check_links", "--timeout", "5", stdout=out)
        self.assertIn("2 links checked, 1 broken", out.getvalue())
        broken = LinkCheck.objects.broken().get()
        self.assertEqual((broken.url, broken.status_code), (f"{self.base}/gone", 404))
        self.assertEqual(list(broken.items.all()), [news])
        self.assertEqual(list(LinkCheck.objects.get(ok=True).items.all()), [link])

    def test_a_link_fixed_or_removed_leaves_the_list(self):
        item = make_item("links/agencies", title_th="หน่วยงาน", external_url=f"{self.base}/gone")
        call_command("check_links", stdout=io.StringIO())
        first = LinkCheck.objects.get()
        Item.objects.filter(pk=item.pk).update(external_url=f"{self.base}/ok")
        call_command("check_links", stdout=io.StringIO())
        self.assertEqual(
            list(LinkCheck.objects.values_list("url", "ok")), [(f"{self.base}/ok", True)]
        )
        self.assertFalse(LinkCheck.objects.filter(pk=first.pk).exists())

    def test_failing_since_is_kept_across_checks(self):
        make_item("links/agencies", title_th="หน่วยงาน", external_url=f"{self.base}/gone")
        call_command("check_links", stdout=io.StringIO())
        since = LinkCheck.objects.get().failing_since
        call_command("check_links", stdout=io.StringIO())
        self.assertEqual(LinkCheck.objects.get().failing_since, since)

    def test_webmasters_see_the_broken_links(self):
        make_item("links/agencies", title_th="หน่วยงาน", external_url=f"{self.base}/gone")
        call_command("check_links", stdout=io.StringIO())
        self.client.force_login(self.webmaster)
        response = self.client.get("/admin/compliance/linkcheck/?ok__exact=0")
        self.assertContains(response, f"{self.base}/gone")
        self.assertContains(response, "HTTP 404")


class ExtractionTests(PersonaTestCase):
    def test_only_external_http_links_are_collected(self):
        item = Item(
            external_url="https://www.dla.go.th/",
            body_th='<a href="https://example.org/a?x=1&amp;y=2">ก</a> <a href="mailto:a@b.c">',
            body_en='<a href="/en/general/">in</a> <a href="HTTP://EXAMPLE.ORG/B">b</a>',
        )
        self.assertEqual(
            external_links(item),
            {"https://www.dla.go.th/", "https://example.org/a?x=1&y=2", "HTTP://EXAMPLE.ORG/B"},
        )

    def test_collect_groups_items_by_address(self):
        first = make_item("links/agencies", title_th="ก", external_url="https://www.dla.go.th/")
        second = make_item(
            "news/general-news", title_th="ข", body_th='<a href="https://www.dla.go.th/">ก</a>'
        )
        self.assertEqual(collect(), {"https://www.dla.go.th/": {first.pk, second.pk}})
