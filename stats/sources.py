"""What one source may add to the public figures in a day: a small, configurable cap.

A source is the client's address (chiangkhian.network.client_ip: REMOTE_ADDR, or the entry
the trusted proxy wrote, never a forged X-Forwarded-For), whatever its User-Agent says: a
script that changes its User-Agent on every request is still one source. Per source and day:
- at most STATS_SOURCE_DAILY_VIEWS page views are counted,
- at most STATS_SOURCE_DAILY_VISITORS different visitors (address + browser) are counted;
  the rest of that source's views count as one more visitor,
- at most STATS_SOURCE_DAILY_ANSWERS survey answers are recorded.
Many real people behind one address (an office, a school, a phone network's NAT) are then
undercounted: the public figures err on the side of what people did, not what a script did.

Like the visitor pseudonym (stats.visitors), the source is a keyed hash with the day's salt,
kept in the cache only: nothing here can give the address back.
"""

import contextlib
import hashlib
import hmac

from django.conf import settings
from django.core.cache import cache

from chiangkhian.network import client_ip

from .visitors import daily_salt

KEEP = 2 * 24 * 3600


def source_id(request, day):
    """This source's pseudonym for the day: its address only, not its browser."""
    message = f"source|{client_ip(request) or 'unknown'}".encode()
    return hmac.new(daily_salt(day).encode(), message, hashlib.sha256).hexdigest()[:32]


def _incr(key):
    cache.add(key, 0, KEEP)
    try:
        return cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, KEEP)
        return 1


def take(kind, *, source, day, cap):
    """Use one of the source's `cap` allowances of `kind` today; False once none is left."""
    return _incr(f"stats:src:{kind}:{day:%Y%m%d}:{source}") <= cap


def give_back(kind, *, source, day):
    """Return an allowance that was taken for something not recorded after all."""
    with contextlib.suppress(ValueError):
        cache.decr(f"stats:src:{kind}:{day:%Y%m%d}:{source}")


def counted_visitor(visitor, *, source, day):
    """The visitor to count: theirs while the source is under its cap, else the source's one
    overflow visitor (so a User-Agent per request adds one visitor, not hundreds)."""
    if not cache.add(f"stats:src:seen:{day:%Y%m%d}:{source}:{visitor}", 1, KEEP):
        return visitor  # already one of this source's counted visitors today
    if take("visitors", source=source, day=day, cap=settings.STATS_SOURCE_DAILY_VISITORS):
        return visitor
    cache.delete(f"stats:src:seen:{day:%Y%m%d}:{source}:{visitor}")
    return f"overflow-{source}"
