"""Refusing what a script sends: a rate limit per visitor (in the cache) and the honeypot.

A refused filing stores nothing, so it never becomes a case and never moves the statistics.
The visitor is the keyed, daily-salted pseudonym of stats.visitors: no address is kept.
"""

import functools

from django.conf import settings
from django.core.cache import cache
from django.shortcuts import render
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


NO_CHALLENGE = _(
    "The automatic check against spam did not complete. Wait a moment and send again; "
    "if it keeps failing, turn JavaScript on or call the municipality."
)
TOO_LARGE = _(
    "What you sent is too large (more than %(mb)s MB in all). Send fewer or smaller photos; "
    "a phone photo is usually 2-5 MB."
)


def body_limit(megabytes):
    """Refuse a POST whose declared body is over the limit, before any of it is read."""

    def decorator(view):
        @functools.wraps(view)
        def wrapper(request, *args, **kwargs):
            limit = int(megabytes() * 1024 * 1024)
            try:
                length = int(request.META.get("CONTENT_LENGTH") or 0)
            except ValueError:
                length = limit + 1
            if request.method == "POST" and length > limit:
                response = render(
                    request,
                    "eservices/refused.html",
                    {"message": TOO_LARGE % {"mb": round(limit / 1024 / 1024)}},
                )
                response.status_code = 413
                return response
            return view(request, *args, **kwargs)

        return wrapper

    return decorator


def form_body_mb():
    return settings.ESERVICES_MAX_BODY_MB


def text_body_mb():
    return 0.1  # a follow-up lookup is a code and a phone number
