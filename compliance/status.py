"""Checklist status at a moment: satisfied, missing or stale, from what is live then.

Announcement 3.3. Everything is derived from `Item.objects.live(now)`, the one rule of what the
public sees, so the dashboard, the public ITA page and the evidence export can never claim an
item the public cannot open. Two queries whatever the amount of content: the subcategories and
the live items of the subcategories the checklist names.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from catalog.models import Item, Person, Subcategory
from chiangkhian.models import Municipality
from chiangkhian.thaidates import fiscal_year, fiscal_year_bounds

from . import checklist, features

# The one-to-one typed details the structural rules read, loaded with the items.
DETAILS = ["linkdetail", "newsdetail", "manualdetail", "procurementdetail"]


class Status(models.TextChoices):
    SATISFIED = "satisfied", _("Satisfied")
    STALE = "stale", _("Stale")
    MISSING = "missing", _("Missing")


# What the public ITA page says about an indicator's evidence.
PUBLIC_LABELS = {
    Status.SATISFIED: _("Current"),
    Status.STALE: _("Not current"),
    Status.MISSING: _("Not published yet"),
}


def window_start(freshness, today):
    """The first day an item's date must reach for the entry to count as current.

    annual: the current Thai fiscal year (1 October). monthly and quarterly: the previous
    month or quarter too, because the report on a period is published after the period ends.
    once and on_change: no window (None).
    """
    if freshness == checklist.ANNUAL:
        return fiscal_year_bounds(fiscal_year(today))[0]
    if freshness == checklist.PREVIOUS_YEAR:
        return fiscal_year_bounds(fiscal_year(today) - 1)[0]
    if freshness == checklist.MONTHLY:
        return _months_before(today.replace(day=1), 1)
    if freshness == checklist.QUARTERLY:
        quarter_start = today.replace(month=(today.month - 1) // 3 * 3 + 1, day=1)
        return _months_before(quarter_start, 3)
    return None


def _months_before(first_of_month, months):
    index = first_of_month.year * 12 + first_of_month.month - 1 - months
    return datetime.date(index // 12, index % 12 + 1, 1)


def reference_date(item):
    """The last day the item's data covers: the end of its data period (or its one date).

    Freshness follows the period the data covers, not the day it was published: the budget
    of fiscal year 2570 published in September 2569 is current from 1 October 2569, and the
    budget of 2569 published on 2 October 2569 is not evidence for 2570. Editing an old item
    does not make it current; new data does.
    """
    day = item.data_to or item.data_from
    return day or timezone.localdate(item.publish_at)


@dataclass
class EntryStatus:
    entry: checklist.Entry
    status: str
    items: list = field(default_factory=list)
    fresh_items: list = field(default_factory=list)
    window_start: datetime.date | None = None
    unknown_slugs: list = field(default_factory=list)
    subcategories: list = field(default_factory=list)
    # [(Feature, Finding)] of the site features the entry names.
    features: list = field(default_factory=list)
    # Listings that still lack a matching item when the entry needs one in each.
    empty_subcategories: list = field(default_factory=list)

    @property
    def evidence(self):
        """The items that make the entry current (all matching items when time does not matter)."""
        return self.fresh_items if self.window_start else self.items

    @property
    def last_update(self):
        return max((item.updated_at for item in self.items), default=None)

    @property
    def latest_reference(self):
        return max((reference_date(item) for item in self.items), default=None)

    @property
    def units(self):
        names = {item.owner_unit.name if item.owner_unit else item.source for item in self.items}
        return sorted(name for name in names if name)

    @property
    def status_label(self):
        return Status(self.status).label

    @property
    def public_label(self):
        if self.status == Status.MISSING and (self.items or self.present_features):
            return _("Incomplete")  # some evidence is there, a required part is not
        return PUBLIC_LABELS[Status(self.status)]

    @property
    def present_features(self):
        """[(Feature, Finding)] of the named features the site has, with their address."""
        return [(feature, finding) for feature, finding in self.features if finding.present]

    @property
    def missing_features(self):
        return [feature for feature, finding in self.features if not finding.present]


@dataclass
class Report:
    now: datetime.datetime
    checklists: list
    statuses: list

    @property
    def score(self):
        """Per cent of entries satisfied (stale and missing count as not done)."""
        if not self.statuses:
            return 0
        return round(100 * self.count(Status.SATISFIED) / len(self.statuses))

    def count(self, status):
        return sum(1 for s in self.statuses if s.status == status)

    @property
    def summary(self):
        """[(status, label, count)] in the order of Status."""
        return [(value, label, self.count(value)) for value, label in Status.choices]

    def filtered(self, *, source=None, status=None):
        return [
            s
            for s in self.statuses
            if (not source or s.entry.source == source) and (not status or s.status == status)
        ]


_LOAD = object()


def build_report(checklists, *, now=None, municipality=_LOAD):
    """The status of every entry of the given checklists at `now`.

    Two queries (the listings and their live items); the site-feature checks read those items
    and the municipality profile, which a page passes in (its frame shows it anyway) and which
    is otherwise read only if a check needs it.
    """
    now = now or timezone.now()
    entries = [entry for c in checklists for entry in c.entries]
    slug_map = _subcategories_by_slug()
    resolved = {entry.code: _resolve(entry.satisfied_by, slug_map) for entry in entries}
    names = sorted({name for e in entries for name in (*e.features, *e.or_features)})
    reads = {slug for name in names for slug in features.get(name).reads}
    read_subs = {slug: _resolve([slug], slug_map)[0] for slug in reads}
    wanted = {sub.pk for subs, _unknown in resolved.values() for sub in subs}
    wanted |= {sub.pk for subs in read_subs.values() for sub in subs}
    words = sorted({word for entry in entries for word in entry.person_position_any})
    by_subcategory = defaultdict(list)
    for item in _live_items(now, wanted, words):
        by_subcategory[item.subcategory_id].append(item)
    site = features.SiteState(
        items_by_slug={
            slug: [item for sub in subs for item in by_subcategory[sub.pk]]
            for slug, subs in read_subs.items()
        },
        municipality=_LazyMunicipality() if municipality is _LOAD else municipality,
    )
    findings = {name: (features.get(name), features.evaluate(name, site)) for name in names}
    today = timezone.localdate(now)
    statuses = []
    for entry in entries:
        subcategories, unknown = resolved[entry.code]
        groups = [by_subcategory[sub.pk] for sub in subcategories]
        named = [findings[name] for name in (*entry.features, *entry.or_features)]
        statuses.append(_status(entry, subcategories, groups, unknown, today, named))
    return Report(now=now, checklists=list(checklists), statuses=statuses)


def _live_items(now, wanted, words):
    people = Person.objects.filter(item=OuterRef("pk"))
    incomplete = people.filter(
        Q(name="") | Q(position="") | Q(photo__isnull=True) | (Q(phone="") & Q(email=""))
    )
    annotations = {"has_people": Exists(people), "has_incomplete_person": Exists(incomplete)}
    for index, word in enumerate(words):
        annotations[f"position_word_{index}"] = Exists(people.filter(position__icontains=word))
    items = list(
        Item.objects.live(now)
        .filter(subcategory_id__in=wanted)
        .select_related("subcategory__category", "owner_unit", *DETAILS)
        .annotate(**annotations)
        .order_by("-publish_at", "-pk")
    )
    for item in items:
        item.position_words = {
            word for index, word in enumerate(words) if getattr(item, f"position_word_{index}")
        }
    return items


class _LazyMunicipality:
    """The profile, read on first use only (most checks never look at it)."""

    def __getattr__(self, name):
        if "_profile" not in self.__dict__:
            self.__dict__["_profile"] = Municipality.current()
        return getattr(self.__dict__["_profile"], name)

    def __bool__(self):
        if "_profile" not in self.__dict__:
            self.__dict__["_profile"] = Municipality.current()
        return self.__dict__["_profile"] is not None


def _status(entry, subcategories, groups, unknown, today, named):
    start = window_start(entry.freshness, today)

    def current(items):
        return [item for item in items if start is None or reference_date(item) >= start]

    matching = [[item for item in group if entry.matches(item)] for group in groups]
    items = sorted(
        {item.pk: item for group in matching for item in group}.values(),
        key=lambda item: (item.publish_at, item.pk),
        reverse=True,
    )
    fresh = current(items)
    empty = [sub for sub, group in zip(subcategories, matching, strict=True) if not group]
    if not entry.satisfied_by:
        status = Status.SATISFIED
    elif not items or (entry.each_subcategory and (empty or unknown)):
        status = Status.MISSING
    elif not fresh or (entry.each_subcategory and not all(current(g) for g in matching)):
        status = Status.STALE
    else:
        status = Status.SATISFIED
    present = {feature.name for feature, finding in named if finding.present}
    if any(name in present for name in entry.or_features):
        status = Status.SATISFIED
    elif any(name not in present for name in entry.features) or (
        not entry.satisfied_by and not entry.features
    ):
        status = Status.MISSING
    return EntryStatus(
        entry=entry,
        status=status,
        items=items,
        fresh_items=fresh if start else [],
        window_start=start,
        unknown_slugs=unknown,
        subcategories=subcategories,
        features=named,
        empty_subcategories=empty if entry.each_subcategory else [],
    )


def _subcategories_by_slug():
    slug_map = defaultdict(list)
    for sub in Subcategory.objects.select_related("category"):
        slug_map[sub.category.slug].append(sub)
        slug_map[f"{sub.category.slug}/{sub.slug}"].append(sub)
    return slug_map


def _resolve(slugs, slug_map):
    subcategories, unknown = [], []
    for slug in slugs:
        found = slug_map.get(slug)
        if not found:
            unknown.append(slug)
        for sub in found or []:
            if sub not in subcategories:
                subcategories.append(sub)
    return subcategories, unknown
