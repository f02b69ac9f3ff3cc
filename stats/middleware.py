import logging

from django.conf import settings
from django.utils import timezone

from . import buffer
from .pages import page_path
from .visitors import is_bot, is_prefetch, visitor_id

logger = logging.getLogger(__name__)


class VisitCounterMiddleware:
    """Counts the public pages people see, after everything else has answered.

    It sits above any cache middleware, so a page served from Django's cache is counted like
    one rendered by its view; the views themselves count nothing. It costs a few cache
    operations and no database query (see buffer.py).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        path = counted_page(request, response)
        if path is not None:
            try:
                self.count(request, path)
            except Exception:
                # Statistics must never break a page (e.g. the cache is down).
                logger.exception("stats: could not count a visit to %s", path)
        return response

    def count(self, request, path):
        day = timezone.localdate()
        waiting = buffer.record_visit(day=day, path=path, visitor=visitor_id(request, day))
        threshold = settings.STATS_FLUSH_THRESHOLD
        if threshold and waiting % threshold == 0:
            buffer.flush(today=day)


def counted_page(request, response):
    """The page this request counts as a view of, or None: only people reading public pages."""
    if request.method != "GET" or not 200 <= response.status_code < 300:
        return None
    if not response.get("Content-Type", "").startswith("text/html"):
        return None
    if is_bot(request) or is_prefetch(request):
        return None
    path = page_path(request.path_info)
    if path is None:
        return None
    user = getattr(request, "user", None)  # read last: it may cost a session query
    if user is not None and user.is_authenticated and user.is_staff:
        return None
    return path
