"""Checking the external links of live content (announcement 1.4 and 3.2: content stays current).

The addresses are the external_url of every live item (the web links of category 1.4 and the
other items that point elsewhere) and the href= of links inside their Thai and English text.
Each address is checked once however many items use it: HEAD first, GET when the server
refuses HEAD, redirects followed, a timeout, a few at a time. The server never requests its own
network on staff's behalf (server-side request forgery): an address that resolves to a
loopback, private, link-local or metadata address is refused, after DNS resolution and on every
redirect.
"""

import http.client
import ipaddress
import socket
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from html.parser import HTMLParser
from urllib.parse import urlsplit

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

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


class BlockedAddress(OSError):
    """The address is on the server's own network: the link checker does not go there."""


def is_public(ip):
    ip = ipaddress.ip_address(ip)
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    return ip.is_global and not ip.is_multicast


def guarded_connection(host, port, timeout):
    """A socket to host:port, refused when any address it resolves to is not public.

    The check and the connection use the same resolved addresses, so a name that resolves
    to a public address for the check and to 127.0.0.1 for the connection (DNS rebinding)
    gets nowhere; loopback, private, link-local and cloud metadata (169.254.169.254,
    fd00:ec2::254) addresses are all not public.
    """
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    if not settings.LINK_CHECK_ALLOW_PRIVATE:
        for *_rest, address in infos:
            if not is_public(address[0].split("%")[0]):
                raise BlockedAddress(
                    _("refused: %(host)s is an internal address (%(ip)s)")
                    % {"host": host, "ip": address[0]}
                )
    error = OSError(f"{host}: no address")
    for family, kind, proto, _name, address in infos:
        sock = socket.socket(family, kind, proto)
        sock.settimeout(timeout)
        try:
            sock.connect(address)
            return sock
        except OSError as failure:
            error = failure
            sock.close()
    raise error


class _GuardedHTTPConnection(http.client.HTTPConnection):
    def connect(self):
        self.sock = guarded_connection(self.host, self.port, self.timeout)


class _GuardedHTTPSConnection(http.client.HTTPSConnection):
    def connect(self):
        sock = guarded_connection(self.host, self.port, self.timeout)
        self.sock = self._context.wrap_socket(sock, server_hostname=self.host)


class _GuardedHTTPHandler(urllib.request.HTTPHandler):
    def http_open(self, req):
        return self.do_open(_GuardedHTTPConnection, req)


class _GuardedHTTPSHandler(urllib.request.HTTPSHandler):
    def https_open(self, req):
        return self.do_open(_GuardedHTTPSConnection, req)


class _KeepMethodRedirect(urllib.request.HTTPRedirectHandler):
    # urllib turns a redirected HEAD into a GET; a link check wants HEAD all the way. Every
    # redirect goes through the guarded connections again; only http(s) targets are followed.
    def redirect_request(self, req, fp, code, msg, headers, newurl):
        if urlsplit(newurl).scheme.lower() not in {"http", "https"}:
            raise urllib.error.URLError(_("refused: a redirect to a non-web address"))
        new = super().redirect_request(req, fp, code, msg, headers, newurl)
        if new is not None:
            new.method = req.get_method()
        return new


# No proxy from the environment, no ftp:// or file://: only the guarded web handlers.
_opener = urllib.request.OpenerDirector()
for _handler in (
    _GuardedHTTPHandler(),
    _GuardedHTTPSHandler(),
    _KeepMethodRedirect(),
    urllib.request.HTTPErrorProcessor(),
    urllib.request.HTTPDefaultErrorHandler(),
    urllib.request.UnknownHandler(),
):
    _opener.add_handler(_handler)


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
