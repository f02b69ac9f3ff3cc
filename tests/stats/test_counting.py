"""Which requests count as a visit (announcement 1.10), and that a visit costs no query."""

import datetime
from unittest import mock

from django.http import HttpResponse
from django.test import RequestFactory, override_settings
from django.urls import include, path
from django.utils import timezone
from django.views.decorators.cache import cache_page

from stats import buffer, visits
from stats.visitors import visitor_id
from tests.base import PersonaTestCase

from .helpers import FIREFOX, GOOGLEBOT, PHONE, flushed, make_item, visit


class CountingRulesTests(PersonaTestCase):
    def test_a_page_view_counts_one_view_and_one_visitor(self):
        visit(self.client, "/news/")
        pages, site = flushed()
        self.assertEqual(pages, {"/news/": (1, 1)})
        self.assertEqual(site, (1, 1))

    def test_a_visitor_counts_once_a_day_per_page_and_for_the_site(self):
        for url in ["/news/", "/news/", "/", "/news/"]:
            visit(self.client, url)
        pages, site = flushed()
        self.assertEqual(pages, {"/news/": (3, 1), "/": (1, 1)})
        self.assertEqual(site, (4, 1))

    def test_another_browser_or_address_is_another_visitor(self):
        visit(self.client, "/news/")
        visit(self.client, "/news/", agent=PHONE)
        visit(self.client, "/news/", ip="198.51.100.20")
        pages, site = flushed()
        self.assertEqual(pages["/news/"], (3, 3))
        self.assertEqual(site, (3, 3))

    def test_the_same_visitor_is_new_again_the_next_day(self):
        visit(self.client, "/news/")
        tomorrow = timezone.localdate() + datetime.timedelta(days=1)
        with mock.patch("django.utils.timezone.localdate", return_value=tomorrow):
            visit(self.client, "/news/")
            buffer.flush(today=tomorrow)
        self.assertEqual(
            sorted(self._page_rows("/news/")),
            [(tomorrow - datetime.timedelta(days=1), 1, 1), (tomorrow, 1, 1)],
        )

    def test_english_and_thai_are_one_page_and_the_query_string_is_dropped(self):
        visit(self.client, "/news/?page=2&name=somchai")
        visit(self.client, "/en/news/")
        pages, _site = flushed()
        self.assertEqual(pages, {"/news/": (2, 1)})

    def test_bots_and_empty_user_agents_are_not_counted(self):
        visit(self.client, "/news/", agent=GOOGLEBOT)
        visit(self.client, "/news/", agent="")
        visit(self.client, "/news/", agent="curl/8.5.0")
        visit(self.client, "/news/", agent="Mozilla/5.0 HeadlessChrome/126.0")
        self.assertEqual(flushed(), ({}, (0, 0)))

    def test_logged_in_staff_are_not_counted(self):
        self.client.force_login(self.webmaster)
        visit(self.client, "/news/")
        self.assertEqual(flushed(), ({}, (0, 0)))

    def test_the_back_office_is_not_counted_in_either_language(self):
        for url in ["/admin/login/", "/en/admin/login/"]:
            self.assertEqual(visit(self.client, url).status_code, 200)
        self.assertEqual(flushed(), ({}, (0, 0)))

    def test_errors_redirects_posts_files_and_prefetches_are_not_counted(self):
        visit(self.client, "/no-such-page/")  # 404
        visit(self.client, "/statistics/visitors/")  # 302
        self.client.post("/statistics/satisfaction/", HTTP_USER_AGENT=PHONE)
        visit(self.client, "/static/css/site.css")
        visit(self.client, "/news/", HTTP_SEC_PURPOSE="prefetch")
        self.assertEqual(flushed(), ({}, (0, 0)))

    def test_a_beacon_for_a_page_that_does_not_exist_is_not_counted(self):
        for reported in ["/admin/", "/statistics/seen.gif", "no-slash", "/a/b/c/d/e/", ""]:
            self.client.get("/statistics/seen.gif", {"p": reported}, HTTP_USER_AGENT=FIREFOX)
        self.assertEqual(flushed(), ({}, (0, 0)))

    def test_public_pages_set_no_cookie_and_carry_nothing_per_visitor(self):
        item = make_item()
        pages = ["/", "/news/", "/news/general-news/", item.get_absolute_url(), "/en/news/"]
        for url in pages:
            first, second = visit(self.client, url), visit(self.client, url, agent=PHONE)
            self.assertEqual(first.cookies, {}, url)
            self.assertEqual(first.content, second.content, url)
        self.assertEqual(self.client.cookies, {})

    def _page_rows(self, path):
        from stats.models import DailyPageStats

        return DailyPageStats.objects.filter(path=path).values_list("date", "views", "visitors")


class CachedPagesTests(PersonaTestCase):
    calls = 0

    def test_a_page_served_from_the_cache_is_still_counted(self):
        """The beacon in the cached page counts each view: three views, one rendering."""
        with override_settings(ROOT_URLCONF=__name__):
            for _n in range(3):
                response = visit(self.client, "/cached/")
                self.assertEqual(response.status_code, 200)
        self.assertEqual(CachedPagesTests.calls, 1)
        pages, _site = flushed()
        self.assertEqual(pages, {"/cached/": (3, 1)})


@cache_page(60)
def cached_view(request):
    from django.template import Context, Template

    CachedPagesTests.calls += 1
    page = Template("{% load stats %}<p>ข่าว</p>{% visit_beacon %}")
    return HttpResponse(page.render(Context({"request": request})))


urlpatterns = [path("cached/", cached_view), path("", include("stats.urls"))]


class NoDatabaseOnTheHotPathTests(PersonaTestCase):
    def test_counting_a_visit_makes_no_query(self):
        request = RequestFactory().get("/statistics/seen.gif?p=/news/", HTTP_USER_AGENT=PHONE)
        with self.assertNumQueries(0):
            for _n in range(20):
                visits.record(request)
        self.assertEqual(flushed()[0], {"/news/": (20, 1)})

    @override_settings(STATS_FLUSH_THRESHOLD=3)
    def test_the_buffer_flushes_itself_at_the_size_threshold(self):
        for _n in range(2):
            visit(self.client, "/news/")
        self.assertEqual(self._written(), 0)
        visit(self.client, "/news/")
        self.assertEqual(self._written(), 3)

    def test_a_broken_cache_never_breaks_the_page(self):
        with (
            mock.patch("stats.buffer.cache.add", side_effect=ConnectionError),
            self.assertLogs("stats.visits", "ERROR"),
        ):
            self.assertEqual(visit(self.client, "/news/").status_code, 200)

    def _written(self):
        from stats.models import DailyPageStats

        return sum(DailyPageStats.objects.values_list("views", flat=True))


class PseudonymTests(PersonaTestCase):
    def test_the_pseudonym_hides_the_address_and_changes_every_day(self):
        request = RequestFactory().get("/", HTTP_USER_AGENT=PHONE, REMOTE_ADDR="203.0.113.7")
        today = timezone.localdate()
        first = visitor_id(request, today)
        self.assertEqual(visitor_id(request, today), first)
        self.assertNotEqual(visitor_id(request, today + datetime.timedelta(days=1)), first)
        self.assertNotIn("203", first)
        self.assertEqual(len(first), 32)

    @override_settings(TRUSTED_PROXY_COUNT=1)
    def test_behind_a_proxy_the_forwarded_address_tells_visitors_apart(self):
        factory = RequestFactory()
        proxy = {"HTTP_USER_AGENT": PHONE, "REMOTE_ADDR": "10.0.0.1"}
        one = factory.get("/", HTTP_X_FORWARDED_FOR="203.0.113.7", **proxy)
        two = factory.get("/", HTTP_X_FORWARDED_FOR="203.0.113.8", **proxy)
        self.assertNotEqual(visitor_id(one), visitor_id(two))
