"""Refusing what a script sends: a rate limit per visitor (in the cache) and the honeypot.

A refused filing stores nothing, so it never becomes a case and never moves the statistics.
The visitor is the keyed, daily-salted pseudonym of stats.visitors: no address is kept.
"""

from django.conf import settings
from django.core.cache import cache
from django.utils.translation import gettext_lazy as _

from stats.visitors import visitor_id

WINDOW = 3600
TOO_MANY = _(
    "You have sent many times in a short while, so this was not accepted. "
    "Please try again in an hour, or call the municipality."
)
NOT_ACCEPTED = _("What you sent could not be accepted.")


def over_limit(request, bucket, limit=None):
    """Count one attempt of this visitor in `bucket`; True once over the hourly limit."""
    limit = settings.ESERVICES_RATE_LIMIT if limit is None else limit
    key = f"eservices:rate:{bucket}:{visitor_id(request)}"
    cache.add(key, 0, WINDOW)
    try:
        attempts = cache.incr(key)
    except ValueError:  # expired between add and incr: a fresh window
        cache.add(key, 1, WINDOW)
        attempts = 1
    return attempts > limit
