"""Page views counted in the cache and flushed into daily rows: no database write per visit.

A visit costs a handful of cache operations (atomic INCR and SET NX in Redis, a lock in
locmem) and no database query. flush() moves the counters into DailyPageStats and
DailySiteStats: it reads each counter, adds it to its row and subtracts exactly what it read,
so visits counted meanwhile stay for the next flush, and a second flush finds nothing to add.

Keys, per day (YYYYMMDD) and page (md5 of the path, to keep keys short and safe):
    stats:n:<day>:<page>:views|visitors   counters waiting to be flushed
    stats:seen:<day>:<visitor>[:<page>]   "already counted today", for the uniques
    stats:pages:<day>:n, :<i>             the pages with counters that day (the cache has no
                                          key listing, so flush reads this index)
Everything expires after KEEP; flush must run at least once a day (cron runs it every minute).
"""

import contextlib
import datetime
import hashlib

from django.core.cache import cache
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from .models import DailyPageStats, DailySiteStats
from .summary import forget_counter

KEEP = 3 * 24 * 3600
DAYS_FLUSHED = 3
SITE = "*"  # the counters of the whole site, beside those of each page
FIELDS = ("views", "visitors")
LOCK = "stats:flush-lock"
LOCK_SECONDS = 300


def _page(path):
    return hashlib.md5(path.encode(), usedforsecurity=False).hexdigest()


def _counter(day, path, field):
    return f"stats:n:{day:%Y%m%d}:{_page(path)}:{field}"


def _incr(key):
    """Atomic increment of a key that may not exist yet; True in second place if created."""
    try:
        return cache.incr(key), False
    except ValueError:
        created = cache.add(key, 0, KEEP)
        return cache.incr(key), created


def _count(day, path, field):
    value, created = _incr(_counter(day, path, field))
    if created and field == "views":
        # A page's first view of the day (or since its counter expired): index it once.
        index, _ = _incr(f"stats:pages:{day:%Y%m%d}:n")
        cache.set(f"stats:pages:{day:%Y%m%d}:{index}", path, KEEP)
    return value


def record_visit(*, day, path, visitor):
    """Count one page view, and one visitor if new to this page (and to the site) today.

    Returns the number of site views waiting to be flushed, for the size threshold.
    """
    new_on_page = cache.add(f"stats:seen:{day:%Y%m%d}:{visitor}:{_page(path)}", 1, KEEP)
    new_on_site = new_on_page and cache.add(f"stats:seen:{day:%Y%m%d}:{visitor}", 1, KEEP)
    _count(day, path, "views")
    if new_on_page:
        _count(day, path, "visitors")
    if new_on_site:
        _count(day, SITE, "visitors")
    return _count(day, SITE, "views")


def _indexed_paths(day):
    last = cache.get(f"stats:pages:{day:%Y%m%d}:n") or 0
    keys = [f"stats:pages:{day:%Y%m%d}:{i}" for i in range(1, last + 1)]
    return set(cache.get_many(keys).values())


def flush(*, today=None):
    """Move every buffered count into the daily rows; returns the page views written.

    Idempotent and safe to run every minute: one flush at a time (a cache lock), and what is
    written is subtracted from the cache in the same database transaction.
    """
    if not cache.add(LOCK, 1, LOCK_SECONDS):
        return 0
    try:
        today = today or timezone.localdate()
        written = sum(
            _flush_day(today - datetime.timedelta(days=n)) for n in reversed(range(DAYS_FLUSHED))
        )
        forget_counter(today)  # the footer counter shows the new totals from now on
        return written
    finally:
        cache.delete(LOCK)


def _flush_day(day):
    keys = {
        (path, field): _counter(day, path, field)
        for path in _indexed_paths(day)
        for field in FIELDS
    }
    values = cache.get_many(list(keys.values()))
    counts = {key: values.get(cache_key) or 0 for key, cache_key in keys.items()}
    paths = {path for (path, _field), n in counts.items() if n}
    if not paths:
        return 0
    with transaction.atomic():
        for path in paths:
            _add_to_row(day, path, counts[path, "views"], counts[path, "visitors"])
        for key, n in counts.items():
            if n:
                # Expired after being read (ValueError): written already, nothing to remove.
                with contextlib.suppress(ValueError):
                    cache.decr(keys[key], n)
    return sum(counts[path, "views"] for path in paths if path != SITE)


def _add_to_row(day, path, views, visitors):
    if path == SITE:
        rows, lookup = DailySiteStats.objects, {"date": day}
    else:
        rows, lookup = DailyPageStats.objects, {"date": day, "path": path}
    updated = rows.filter(**lookup).update(
        views=F("views") + views, visitors=F("visitors") + visitors
    )
    if not updated:
        rows.create(**lookup, views=views, visitors=visitors)
