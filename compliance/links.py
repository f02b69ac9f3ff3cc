"""Checking the external links of live content (announcement 1.4 and 3.2: content stays current).

The addresses are the external_url of every live item (the web links of category 1.4 and the
other items that point elsewhere) and the href= of links inside their Thai and English text.
Each address is checked once however many items use it: HEAD first, GET when the server
refuses HEAD, redirects followed, a timeout, a few at a time.
"""

import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from html.parser import HTMLParser

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from catalog.models import Item

from .models import LinkCheck

USER_AGENT = "ChiangKhianCMS-LinkChecker/1.0 (municipal website link check)"
MAX_URL_LENGTH = LinkCheck._meta.get_field("url").max_length


@dataclass(frozen=True)
class Result:
    url: str
    ok: bool
    status_code: int | None = None
    error: str = ""
    method: str = ""


class _Hrefs(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.hrefs = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            self.hrefs.extend(value for name, value in attrs if name == "href" and value)


def external_links(item):
    """The http(s) addresses an item points to: its external_url and the links in its text."""
    found = [item.external_url] if item.external_url else []
    for text in (item.body_th, item.body_en):
        if "href" in text:
            parser = _Hrefs()
            parser.feed(text)
            found.extend(parser.hrefs)
    return {
        url.strip()
        for url in found
        if url.strip().lower().startswith(("http://", "https://"))
        and len(url.strip()) <= MAX_URL_LENGTH
    }


def collect(now=None):
    """{address: {item ids}} over the live items, read in one streamed query."""
    urls = {}
    fields = ["pk", "external_url", "body_th", "body_en"]
    for item in Item.objects.live(now).only(*fields).iterator(chunk_size=500):
        for url in external_links(item):
            urls.setdefault(url, set()).add(item.pk)
    return urls


class _KeepMethodRedirect(urllib.request.HTTPRedirectHandler):
    # urllib turns a redirected HEAD into a GET; a link check wants HEAD all the way.
    def redirect_request(self, req, fp, code, msg, headers, newurl):
        new = super().redirect_request(req, fp, code, msg, headers, newurl)
        if new is not None:
            new.method = req.get_method()
        return new


_opener = urllib.request.build_opener(_KeepMethodRedirect)


def check_url(url, *, timeout=None):
    """HEAD, then GET if the server answers HEAD with an error; redirects are followed."""
    timeout = timeout or settings.LINK_CHECK_TIMEOUT
    result = _request(url, "HEAD", timeout)
    if result.status_code and result.status_code >= 400:
        result = _request(url, "GET", timeout)
    return result


def _request(url, method, timeout):
    request = urllib.request.Request(url, method=method, headers={"User-Agent": USER_AGENT})
    try:
        with _opener.open(request, timeout=timeout) as response:
            return Result(url, ok=True, status_code=response.status, method=method)
    except urllib.error.HTTPError as error:
        return Result(url, ok=False, status_code=error.code, method=method)
    except urllib.error.URLError as error:
        return Result(url, ok=False, error=str(error.reason)[:300], method=method)
    except (OSError, ValueError) as error:  # timeouts, resets, malformed addresses
        return Result(url, ok=False, error=f"{type(error).__name__}: {error}"[:300], method=method)


def check_links(*, now=None, timeout=None, workers=None):
    """Check every external address of live content and store the results; returns them."""
    now = now or timezone.now()
    urls = collect(now)
    workers = max(1, workers or settings.LINK_CHECK_WORKERS)
    with ThreadPoolExecutor(max_workers=workers) as pool:
        results = list(pool.map(lambda url: check_url(url, timeout=timeout), sorted(urls)))
    with transaction.atomic():
        for result in results:
            _store(result, urls[result.url], now)
        # Addresses no live item uses any more are not the webmasters' concern.
        LinkCheck.objects.exclude(url__in=list(urls)).delete()
    return results


def _store(result, item_ids, now):
    previous = LinkCheck.objects.filter(url=result.url).first()
    failing_since = None
    if not result.ok:
        failing_since = previous.failing_since if previous and not previous.ok else now
    check, _ = LinkCheck.objects.update_or_create(
        url=result.url,
        defaults={
            "ok": result.ok,
            "status_code": result.status_code,
            "error": result.error,
            "method": result.method,
            "checked_at": now,
            "failing_since": failing_since,
        },
    )
    check.items.set(item_ids)
