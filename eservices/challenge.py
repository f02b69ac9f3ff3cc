"""The self-hosted proof-of-work challenge of the public forms (ALTCHA protocol, v1).

The form carries a signed challenge; the visitor's browser finds the number whose SHA-256
with the salt matches it (static/js/eservices-pow.js, a fraction of a second on a phone)
and sends it back. A script that posts a thousand forms must do that work a thousand times.
No external service and no cookie: the signature (HMAC with a key derived from SECRET_KEY)
proves the challenge is ours, its expiry is in the signed salt, and a solved challenge is
remembered in the cache until it expires so that it cannot be sent twice.
"""

import base64
import datetime
import hashlib
import json

import altcha.v1 as altcha
from django.conf import settings
from django.core.cache import cache
from django.utils import timezone

LIFETIME = datetime.timedelta(minutes=30)


def _key():
    return hashlib.sha256(f"eservices-pow:{settings.SECRET_KEY}".encode()).hexdigest()


def enabled():
    return settings.ESERVICES_POW_MAX_NUMBER > 0


def new_challenge():
    """A fresh signed challenge for one form, as the widget reads it (or None when off)."""
    if not enabled():
        return None
    challenge = altcha.create_challenge(
        algorithm="SHA-256",
        max_number=settings.ESERVICES_POW_MAX_NUMBER,
        hmac_key=_key(),
        expires=timezone.now() + LIFETIME,
    )
    return challenge.to_dict()


def verify(payload: str) -> bool:
    """True for a solved, signed, unexpired challenge seen for the first time."""
    if not enabled():
        return True
    if not payload or len(payload) > 2000:
        return False
    try:
        solved, _error = altcha.verify_solution(payload, _key(), check_expires=True)
    except (ValueError, TypeError, KeyError, AttributeError):
        return False
    if not solved:
        return False
    signature = json.loads(base64.b64decode(payload))["signature"]
    return cache.add(f"eservices:pow:{signature}", 1, int(LIFETIME.total_seconds()))


def solve_for_tests(challenge):
    """The payload a browser would send (for tests and scripts that check the server)."""
    solution = altcha.solve_challenge(
        challenge["challenge"], challenge["salt"], "SHA-256", challenge["maxNumber"]
    )
    payload = {**challenge, "number": solution.number}
    payload.pop("maxNumber")
    return base64.b64encode(json.dumps(payload).encode()).decode()
