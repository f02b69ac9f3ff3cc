"""Hostile input never gets a server error (issue 11, part 7): every page of the public site
and of the back office, reached by following the links as each role, is sent NUL bytes,
over-long values, broken percent-encodings and invalid UTF-8, and values of the wrong type in
its query string and in every field of its forms; each answer is below 500 (a 400, a form
error, a redirect or a 404)."""

import contextlib
import io
import os
import re
import shutil
import tempfile
import time
from html.parser import HTMLParser
from urllib.parse import urlencode, urljoin, urlsplit

from django.contrib.auth.models import Group
from django.core.management import call_command
from django.test import Client, override_settings
from django.urls import resolve
from django.urls.exceptions import NoReverseMatch, Resolver404
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase

from chiangkhian.models import User

# Values no form expects: NUL, over-long, wrong types, broken dates, markup and injection.
CORPUS = [
    "\x00",
    "ก\x00ข",
    "x" * 5000,
    "ภาษี" * 700,
    "-1",
    "0",
    "99999999999999999999999999",
    "1e309",
    "NaN",
    "abc",
    "3.5",
    "2569-02-31",
    "31/02/2569",
    "๑๒/๑๓/๒๕๖๙",
    "' OR 1=1 --",
    '<script>alert(1)</script>"',
    "../../etc/passwd",
    "%",
    "%zz",
    "[]",
    '{"a": 1}',
    "\r\n\t ",
    "",
    "\u202e🙂\ufeff",
]
# Query strings and bodies that are not even valid text: WSGI hands them over as bytes.
RAW_QUERIES = [b"q=%ff%fe", b"q=%", b"%zz=1&page=%00", b"page=\xff\xfe", b"q=%C0%AF&o=%E0%A4%A"]
RAW_BODY = b"name=%ff%fe&title_th=\xff\xfe\xfd&%=1&score=%00"
# Query parameters the pages read (search, paging, sorting, admin filters, dates).
QUERY_KEYS = [
    "q",
    "page",
    "p",
    "o",
    "year",
    "month",
    "sort",
    "next",
    "status",
    "kind",
    "_changelist_filters",
]
# POSTs that would end the walk itself.
NO_POST = {"admin:logout", "logout", "set_language"}
ROLES = ["requester", "checker", "approver", "webmaster"]
TRACE = os.environ.get("FUZZ_TRACE")  # print each request and its time
START = time.monotonic()

hostile = st.one_of(
    st.sampled_from(CORPUS),
    st.text(st.characters(exclude_categories=["Cs"]), max_size=300),
    st.integers(min_value=-(2**70), max_value=2**70).map(str),
)


FIELD_TAGS = ("input", "select", "textarea", "button")


class _Page(HTMLParser):
    """The links and the forms (action, method, field names) of one HTML page."""

    def __init__(self):
        super().__init__()
        self.links, self.forms, self._form = [], [], None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "a" and attrs.get("href"):
            self.links.append(attrs["href"])
        elif tag == "form":
            self._form = {
                "action": attrs.get("action") or "",
                "method": (attrs.get("method") or "get").lower(),
                "fields": [],
            }
            self.forms.append(self._form)
        elif tag in FIELD_TAGS and attrs.get("name") and self._form is not None:
            self._form["fields"].append(attrs["name"])

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None


def _internal(base, href):
    url = urljoin(base, href)
    parts = urlsplit(url)
    if parts.scheme not in ("", "http") or parts.netloc not in ("", "testserver"):
        return None
    return parts.path + (f"?{parts.query}" if parts.query else "")


def _kind(url):
    """The view behind a URL, with the admin's model left out (admin:change, catalog:item)."""
    name = _url_name(url) or ""
    if name.startswith("admin:") and name.count("_") >= 2:
        return "admin:" + name.rsplit("_", 1)[1]
    return name


def _url_name(path):
    try:
        match = resolve(urlsplit(path).path)
    except Resolver404:
        return None
    return match.view_name


class Walker:
    """Follows the links from the start pages as one client: pages of a kind not seen yet
    first (the admin's list, add, change, history pages of each model...), once per path."""

    def __init__(self, client, starts, limit, within="/"):
        self.client, self.pages, self.files, self.failures = client, {}, [], []
        seen_paths, seen_kinds, queue = set(), set(), list(starts)
        while queue and len(self.pages) + len(self.files) < limit:
            queue.sort(key=lambda url: _kind(url) in seen_kinds)  # stable: BFS within each
            url = queue.pop(0)
            path = urlsplit(url).path
            if path in seen_paths or "logout" in path or not path.startswith(within):
                continue
            seen_paths.add(path)
            seen_kinds.add(_kind(url))
            response = self.request("get", url)
            if response is None or response.status_code != 200:
                continue
            if not response.get("Content-Type", "").startswith("text/html"):
                self.files.append(url)
                continue
            page = _Page()
            page.feed(response.content.decode("utf-8", "replace"))
            self.pages[url] = page
            queue += [link for href in page.links if (link := _internal(url, href))]

    def request(self, method, url, **kwargs):
        if TRACE:
            print(f"{time.monotonic() - START:7.2f} {method.upper()} {url[:100]}", flush=True)
        try:
            response = getattr(self.client, method)(url, **kwargs)
        except Exception as error:  # the test client re-raises a view's exception
            self.failures.append(f"{method.upper()} {url[:120]}: {type(error).__name__}: {error}")
            return None
        if response.status_code >= 500:
            self.failures.append(f"{method.upper()} {url[:120]}: {response.status_code}")
        return response

    def forms(self):
        for url, page in self.pages.items():
            for form in page.forms:
                action = _internal(url, form["action"]) or url
                if _url_name(action) not in NO_POST:
                    yield action, form


def _fuzz_page(walker, url, values):
    """Hostile query strings, and every number of the path out of any column's range."""
    path = urlsplit(url).path
    walker.request("get", f"{path}?{urlencode([(key, next(values)) for key in QUERY_KEYS])}")
    raw = RAW_QUERIES[len(path) % len(RAW_QUERIES)]
    walker.request("get", path, QUERY_STRING=raw.decode("latin-1"))  # as WSGI passes bytes
    if re.search(r"/\d+/", path):
        walker.request("get", re.sub(r"/\d+/", "/99999999999999999999999/", path))


def _fuzz_form(walker, action, form, values):
    data = {name: next(values) for name in form["fields"] if name != "csrfmiddlewaretoken"}
    if form["method"] == "post":
        walker.request("post", action, data=data)
        if len(action) % 2:  # half the forms (a stable half) also get a body that is not UTF-8
            walker.request(
                "post", action, data=RAW_BODY, content_type="application/x-www-form-urlencoded"
            )
    else:
        walker.request("get", action, data=data)


def _cycle(items):
    while True:
        yield from items


class HostileInputTests(TestCase):
    """On the demo site, loaded once (every kind of object the pages show)."""

    @classmethod
    def setUpTestData(cls):
        # One media folder for the class: the demo's files stay where its rows say they are.
        cls.media = tempfile.mkdtemp(prefix="ck-fuzz-media-")
        with override_settings(DEBUG=True, MEDIA_ROOT=cls.media):  # the loader wants DEBUG
            call_command("load_demo", stdout=io.StringIO())
        cls.root = User.objects.create_superuser("fuzz-root", "root@example.test", "x")

    @classmethod
    def tearDownClass(cls):
        super().tearDownClass()
        shutil.rmtree(cls.media, ignore_errors=True)

    def setUp(self):
        self.enterContext(override_settings(MEDIA_ROOT=self.media))

    def walk_and_fuzz(self, client, starts, limit, within="/"):
        walker = Walker(client, starts, limit, within)
        values = _cycle(CORPUS)
        for url in list(walker.pages) + walker.files:
            _fuzz_page(walker, url, values)
        for action, form in list(walker.forms()):
            _fuzz_form(walker, action, form, values)
        return walker

    def test_public_pages_never_answer_5xx_to_hostile_input(self):
        walker = self.walk_and_fuzz(Client(), ["/", "/en/", "/e-service/", "/statistics/"], 40)
        self.assertGreater(len(walker.pages), 20)
        self.assertEqual(walker.failures, [])

    def test_back_office_never_answers_5xx_to_hostile_input_for_any_role(self):
        visited = set()
        for role in ROLES:
            user = Group.objects.get(name=role).user_set.order_by("pk").first()
            client = Client()
            client.force_login(user)
            walker = self.walk_and_fuzz(client, ["/admin/", "/admin/workflow/"], 8, "/admin/")
            with self.subTest(role=role):
                self.assertEqual(walker.failures, [])
            visited |= {_url_name(url) for url in walker.pages}
        client = Client()
        client.force_login(self.root)
        walker = self.walk_and_fuzz(client, ["/admin/", "/admin/workflow/"], 40, "/admin/")
        self.assertEqual(walker.failures, [])
        visited |= {_url_name(url) for url in walker.pages}
        # The admin's list, add, change and history pages, the workflow's and sign-in pages.
        kinds = {_kind(url) for url in walker.pages}
        self.assertGreater(len(kinds), 12, sorted(kinds))
        self.assertGreater(len(visited), 20, sorted(map(str, visited)))

    # Not only the forms the walks happen to reach: every model of the back office (its list
    # with hostile filters, its add form and the change form of its first row) and every
    # public path without arguments, each sent the corpus.
    def test_every_admin_list_and_form_never_answers_5xx(self):
        from django.contrib import admin
        from django.urls import reverse

        client = Client()
        client.force_login(self.root)
        walker = Walker(client, [], 0)
        values = _cycle(CORPUS)
        models = 0
        for model in admin.site._registry:
            prefix = f"admin:{model._meta.app_label}_{model._meta.model_name}"
            if not model._meta.managed:  # a page in the admin's menu, no table (the dashboard)
                continue
            first = model._default_manager.order_by("pk").first()
            urls = []
            for view, args in [("changelist", []), ("add", []), ("change", [first and first.pk])]:
                if args == [None]:
                    continue
                with contextlib.suppress(NoReverseMatch):  # an admin with its own URLs
                    urls.append(reverse(f"{prefix}_{view}", args=args))
            models += bool(urls)
            for url in urls:
                _fuzz_page(walker, url, values)
                response = walker.request("get", url)
                if response is None or not response.get("Content-Type", "").startswith("text/html"):
                    continue
                page = _Page()
                page.feed(response.content.decode("utf-8", "replace"))
                for form in page.forms:
                    action = _internal(url, form["action"]) or url
                    if form["method"] == "post" and _url_name(action) not in NO_POST:
                        _fuzz_form(walker, action, form, values)
        self.assertGreater(models, 20)
        self.assertEqual(walker.failures, [])

    def test_every_public_page_never_answers_5xx_to_hostile_input(self):
        from django.urls import URLResolver, get_resolver

        def fixed_paths(patterns, prefix):
            """The paths of the URLconf that take no argument."""
            for pattern in patterns:
                route = str(pattern.pattern)
                if "<" in route or "(" in route or route.startswith("^"):
                    continue
                if isinstance(pattern, URLResolver):
                    yield from fixed_paths(pattern.url_patterns, prefix + route)
                else:
                    yield prefix + route

        walker = Walker(Client(), [], 0)
        values = _cycle(CORPUS)
        paths = {p for p in fixed_paths(get_resolver().url_patterns, "/") if "admin/" not in p}
        paths |= {"/en" + p for p in paths}
        self.assertGreater(len(paths), 30, sorted(paths))
        data = {key: next(values) for key in QUERY_KEYS + ["score", "title", "body", "email"]}
        for path in sorted(paths):
            _fuzz_page(walker, path, values)
            walker.request("post", path, data=data)
            walker.request(
                "post", path, data=RAW_BODY, content_type="application/x-www-form-urlencoded"
            )
        self.assertEqual(walker.failures, [])

    # Hypothesis draws the values for a fixed sample of forms and lists of each kind.
    TARGETS = [
        ("get", "/search/", ["q", "page", "category", "year"]),
        ("post", "/statistics/satisfaction/", ["score", "comment", "page"]),
        ("get", "/e-service/track/", ["code"]),
        ("get", "/admin/catalog/item/", ["q", "o", "p", "status__exact", "publish_at__gte"]),
        ("post", "/admin/catalog/item/add/", ["title_th", "subcategory", "publish_at_0"]),
        ("get", "/admin/compliance/trafficlog/", ["q", "at__gte", "at__lt", "o"]),
    ]

    @settings(
        max_examples=60,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.differing_executors],
    )
    @given(data=st.data())
    def test_generated_values_never_get_a_server_error(self, data):
        method, url, fields = data.draw(st.sampled_from(self.TARGETS))
        values = data.draw(st.lists(hostile, min_size=len(fields), max_size=len(fields)))
        client = Client()
        client.force_login(self.root)
        response = getattr(client, method)(url, dict(zip(fields, values, strict=True)))
        self.assertLess(response.status_code, 500)
