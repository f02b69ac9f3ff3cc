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
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from catalog.models import Item, Subcategory
from chiangkhian.thaidates import fiscal_year, fiscal_year_bounds

from . import checklist


class Status(models.TextChoices):
    SATISFIED = "satisfied", _("Satisfied")
    STALE = "stale", _("Stale")
    MISSING = "missing", _("Missing")


def window_start(freshness, today):
    """The first day an item's date must reach for the entry to count as current.

    annual: the current Thai fiscal year (1 October). monthly and quarterly: the previous
    month or quarter too, because the report on a period is published after the period ends.
    once and on_change: no window (None).
    """
    if freshness == checklist.ANNUAL:
        return fiscal_year_bounds(fiscal_year(today))[0]
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
    """The date an item speaks for: its publication date, or the end of its data period if later.

    The budget of fiscal year 2569 is published in September 2568 and covers 2569: it is
    current for 2569. Editing an old item does not make it current; new data does.
    """
    publish_day = timezone.localdate(item.publish_at)
    data_day = item.data_to or item.data_from
    return max(publish_day, data_day) if data_day else publish_day


@dataclass
class EntryStatus:
    entry: checklist.Entry
    status: str
    items: list = field(default_factory=list)
    fresh_items: list = field(default_factory=list)
    window_start: datetime.date | None = None
    unknown_slugs: list = field(default_factory=list)
    subcategories: list = field(default_factory=list)

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


def build_report(checklists, *, now=None):
    """The status of every entry of the given checklists at `now`."""
    now = now or timezone.now()
    entries = [entry for c in checklists for entry in c.entries]
    slug_map = _subcategories_by_slug()
    resolved = {entry.code: _resolve(entry, slug_map) for entry in entries}
    wanted = {sub.pk for subs, _unknown in resolved.values() for sub in subs}
    by_subcategory = defaultdict(list)
    live = (
        Item.objects.live(now)
        .filter(subcategory_id__in=wanted)
        .select_related("subcategory__category", "owner_unit")
        .order_by("-publish_at", "-pk")
    )
    for item in live:
        by_subcategory[item.subcategory_id].append(item)
    today = timezone.localdate(now)
    statuses = []
    for entry in entries:
        subcategories, unknown = resolved[entry.code]
        candidates = [item for sub in subcategories for item in by_subcategory[sub.pk]]
        candidates.sort(key=lambda item: (item.publish_at, item.pk), reverse=True)
        statuses.append(_status(entry, candidates, subcategories, unknown, today))
    return Report(now=now, checklists=list(checklists), statuses=statuses)


def _status(entry, candidates, subcategories, unknown, today):
    items = [item for item in candidates if entry.matches(item)]
    start = window_start(entry.freshness, today)
    fresh = [item for item in items if start is None or reference_date(item) >= start]
    if not items:
        status = Status.MISSING
    elif not fresh:
        status = Status.STALE
    else:
        status = Status.SATISFIED
    return EntryStatus(
        entry=entry,
        status=status,
        items=items,
        fresh_items=fresh if start else [],
        window_start=start,
        unknown_slugs=unknown,
        subcategories=subcategories,
    )


def _subcategories_by_slug():
    slug_map = defaultdict(list)
    for sub in Subcategory.objects.select_related("category"):
        slug_map[sub.category.slug].append(sub)
        slug_map[f"{sub.category.slug}/{sub.slug}"].append(sub)
    return slug_map


def _resolve(entry, slug_map):
    subcategories, unknown = [], []
    for slug in entry.satisfied_by:
        found = slug_map.get(slug)
        if not found:
            unknown.append(slug)
        for sub in found or []:
            if sub not in subcategories:
                subcategories.append(sub)
    return subcategories, unknown
