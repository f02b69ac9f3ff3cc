"""Parts of the public pages kept in the cache until what they show changes.

Every public page draws the same frame (the municipality profile, the ten categories and their
subcategories) and parts that change only when content does (the home page's lists, a listing
page, an item's article). Rendering them costs far more than reading them back, so they are
cached under one *generation*: a token that every change of public content replaces.

- A change (publish, revision, withdrawal, expiry, any save in the admin of a catalog model,
  the municipality profile, a unit or an e-service) drops the generation after its transaction
  commits; the next request makes a new one, and every part cached under the old one is never
  read again (it ages out of the cache). So a change is visible at the next request.
- What time alone changes (a scheduled item whose start comes, an end of publication, the
  date on the home page) ends the generation too: each generation lives until the next such
  moment, read from the data when it is made.

Correctness needs one cache for all the site's processes (Redis, `CACHE_URL`, in production
and `make serve`); the embedded default's per-process memory cache is right for `make run`'s
single process.
"""

import datetime
import uuid
from dataclasses import dataclass

from django.core.cache import cache
from django.core.cache.utils import make_template_fragment_key
from django.db import transaction
from django.db.models import Min, Q
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils import timezone
from django.utils.translation import get_language

GENERATION_KEY = "public:generation"
FRAME_KEY = "public:frame:{}"
# How long a rendered part stays when unused; a change retires it long before that.
FRAGMENT_SECONDS = 3600
# A safety net for a change made without the models (raw SQL, a restored backup).
MAX_GENERATION_SECONDS = 600
# Besides the whole catalog app: what the public pages show of the other apps.
PUBLIC_MODELS = {"chiangkhian.municipality", "chiangkhian.unit", "eservices.service"}


_frames = {}


@dataclass
class Frame:
    """What every public page shows around its content."""

    municipality: object
    categories: list
    subcategories: dict  # (category slug, subcategory slug) -> Subcategory


def generation():
    """The token of what the public sees now; a new one after every change."""
    value = cache.get(GENERATION_KEY)
    now = timezone.now()
    if value is None or value[1] <= now.timestamp():
        ends = _next_moment(now)
        value = (uuid.uuid4().hex, ends.timestamp())
        seconds = max(1, int(ends.timestamp() - now.timestamp()))
        cache.set(GENERATION_KEY, value, seconds)
    return value[0]


def changed(**kwargs):
    """Public content changed: retire every cached part, now and once the transaction commits.

    Now, so that the rest of this transaction (and a test inside one) reads fresh parts; again
    after the commit, because a request in between may have cached what was not committed yet.
    """
    cache.delete(GENERATION_KEY)
    transaction.on_commit(lambda: cache.delete(GENERATION_KEY), robust=True)


def for_request(request):
    """generation(), read once per request."""
    token = getattr(request, "_public_generation", None)
    if token is None:
        token = request._public_generation = generation()
    return token


def frame(token=None):
    """The municipality profile and the categories with their subcategories (cached).

    Kept in this process too, for its generation: a frame never changes under its token, and
    reading it back from this process's memory costs no unpickling of some 70 model instances.
    """
    token = token or generation()
    found = _frames.get(token)
    if found is None:
        key = FRAME_KEY.format(token)
        found = cache.get(key)
        if found is None:
            found = _load_frame()
            cache.set(key, found, FRAGMENT_SECONDS)
        _frames.clear()  # only the current generation's
        _frames[token] = found
    return found


def _load_frame():
    from chiangkhian.models import Municipality

    from .models import Category

    categories = list(Category.objects.prefetch_related("subcategories"))
    subcategories = {}
    for category in categories:
        for sub in category.subcategories.all():
            sub.category = category  # sub.get_absolute_url() without a query
            subcategories[category.slug, sub.slug] = sub
    return Frame(Municipality.current(), categories, subcategories)


def _next_moment(now):
    """When time alone next changes a public page: a start, an end, midnight, or the cap."""
    from .models import Item

    found = Item.objects.filter(status=Item.Status.PUBLISHED).aggregate(
        start=Min("publish_at", filter=Q(publish_at__gt=now)),
        end=Min("expire_at", filter=Q(expire_at__gt=now)),
    )
    today = timezone.localtime(now).date()
    midnight = datetime.datetime.combine(
        today + datetime.timedelta(days=1), datetime.time(), tzinfo=timezone.get_current_timezone()
    )
    cap = now + datetime.timedelta(seconds=MAX_GENERATION_SECONDS)
    return min(moment for moment in [found["start"], found["end"], midnight, cap] if moment)


def _on_change(sender, **kwargs):
    meta = getattr(sender, "_meta", None)
    if meta is not None and (meta.app_label == "catalog" or meta.label_lower in PUBLIC_MODELS):
        changed()


def connect():
    """Every save or delete of what the public pages show retires the cached parts."""
    for name, signal in [("save", post_save), ("delete", post_delete), ("m2m", m2m_changed)]:
        signal.connect(_on_change, dispatch_uid=f"catalog.fragments.{name}")


def cached(request, name, *vary, build):
    """What build() returns, kept under this generation, the language and `vary`."""
    key = ":".join(["public:part", for_request(request), get_language(), name, *map(str, vary)])
    found = cache.get(key)
    if found is None:
        found = build()
        cache.set(key, found, FRAGMENT_SECONDS)
    return found


def has_template_part(request, name, *vary):
    """Whether the page's {% cache 3600 name public_generation LANGUAGE_CODE *vary %} is kept."""
    key = make_template_fragment_key(name, [for_request(request), get_language(), *vary])
    return cache.has_key(key)
