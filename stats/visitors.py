"""Telling visitors apart without knowing who they are (PDPA: data minimisation).

A visitor is a keyed hash of their connection (IP address and browser) with a random salt
that lives in the cache for one day only and is never written anywhere else. The same
visitor gets the same pseudonym all day, so uniques and "one response a day" work; the next
day the salt is gone and nobody, the municipality included, can link the two days or
recover the address.
"""

import datetime
import hashlib
import hmac
import re
import secrets

from django.core.cache import cache
from django.utils import timezone

from chiangkhian.network import client_ip

# Crawlers, link previews, monitors, scripts and headless browsers. Real browsers always
# send a user agent, so an empty one is not a person either. In-app browsers (LINE, Facebook)
# are people: "Line/" and "FBAN" are deliberately not here, nor the Cubot phone.
BOT_PATTERN = re.compile(
    r"(?<!cu)bot|crawl|spider|slurp|archiver|fetch|scrap|preview|facebookexternalhit|"
    r"whatsapp|telegram|discord|skype|curl|wget|python|httpx|aiohttp|go-http|java/|okhttp|"
    r"libwww|perl|ruby|php/|node-fetch|axios|headless|phantom|selenium|playwright|puppeteer|"
    r"lighthouse|pagespeed|gtmetrix|pingdom|uptime|monitor|check|scan|nmap|nikto|zgrab|"
    r"masscan|validator|feed|rss",
    re.IGNORECASE,
)


def is_bot(request):
    agent = request.META.get("HTTP_USER_AGENT", "")
    return not agent.strip() or bool(BOT_PATTERN.search(agent))


def is_prefetch(request):
    purpose = request.META.get("HTTP_SEC_PURPOSE", "") or request.META.get("HTTP_PURPOSE", "")
    return "prefetch" in purpose.lower() or "prerender" in purpose.lower()


def _seconds_left(day):
    midnight = datetime.datetime.combine(
        day + datetime.timedelta(days=1), datetime.time.min, tzinfo=timezone.get_current_timezone()
    )
    return max(1, int((midnight - timezone.now()).total_seconds()))


def daily_salt(day):
    """The day's random salt, shared by every process through the cache, gone at midnight."""
    key = f"stats:salt:{day:%Y%m%d}"
    salt = cache.get(key)
    if salt is None:
        cache.add(key, secrets.token_hex(16), timeout=_seconds_left(day))
        salt = cache.get(key) or secrets.token_hex(16)
    return salt


def visitor_id(request, day=None):
    """This visitor's pseudonym for the day (32 hex characters)."""
    day = day or timezone.localdate()
    agent = request.META.get("HTTP_USER_AGENT", "")[:512]
    message = f"{client_ip(request) or ''}|{agent}".encode()
    return hmac.new(daily_salt(day).encode(), message, hashlib.sha256).hexdigest()[:32]
