"""Counting the public pages people read: a visit beacon, so pages can come from a cache.

Every public page carries the same small image (`{% visit_beacon %}`, templates/base.html):
`/statistics/seen.gif?p=<the page>`. A browser that shows the page loads it, whether the page
was rendered by Django or served by nginx's page cache, and that request is counted here.
The image is the same for every visitor (nothing personal in the page, no cookie), never
cached (`no-store`), and same-origin (no third party sees who reads what). Crawlers, link
previews and scripts rarely load images, and those that announce themselves are refused
below anyway. It costs a few cache operations and no database query (see buffer.py).
"""

import base64
import logging

from django.conf import settings
from django.urls import Resolver404, resolve
from django.utils import timezone, translation

from . import buffer, sources
from .pages import page_path
from .visitors import is_bot, is_prefetch, visitor_id

logger = logging.getLogger(__name__)

# A transparent 1×1 GIF.
PIXEL = base64.b64decode("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7")
BEACON_VIEW = "stats:seen"


def counted_page(request, reported):
    """The page a beacon request counts as a view of, or None: only people reading pages."""
    if request.method != "GET" or is_bot(request) or is_prefetch(request):
        return None
    if not reported.startswith("/") or "\x00" in reported:
        return None
    path = page_path(reported)
    if path is None or not _is_page(path):
        return None
    user = getattr(request, "user", None)  # read last: it may cost a session query
    if user is not None and user.is_authenticated and user.is_staff:
        return None
    return path


def _is_page(path):
    """A path of this site's public pages (anything else would only pad the statistics)."""
    try:
        # The reported page is given without its language prefix: resolve it as Thai.
        with translation.override(settings.LANGUAGE_CODE):
            match = resolve(path.split("?", 1)[0])
    except Resolver404:
        return False
    return match.view_name != BEACON_VIEW and not match.route.startswith("admin")


def count(request, path):
    """Count one view of `path` by this visitor (cache only; a flush at the threshold).

    Within the source's daily caps only (stats.sources): a burst from one address moves the
    public figures by a small amount, whatever User-Agent each request gives.
    """
    day = timezone.localdate()
    source = sources.source_id(request, day)
    if not sources.take("views", source=source, day=day, cap=settings.STATS_SOURCE_DAILY_VIEWS):
        return
    visitor = sources.counted_visitor(visitor_id(request, day), source=source, day=day)
    waiting = buffer.record_visit(day=day, path=path, visitor=visitor)
    threshold = settings.STATS_FLUSH_THRESHOLD
    if threshold and waiting % threshold == 0:
        buffer.flush(today=day)


def record(request):
    """Count the page a beacon reports; statistics never break anything (a cache down)."""
    path = counted_page(request, request.GET.get("p", ""))
    if path is None:
        return
    try:
        count(request, path)
    except Exception:
        logger.exception("stats: could not count a visit to %s", path)
