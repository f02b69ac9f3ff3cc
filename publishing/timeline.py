"""A request's full history for the back office: every transition and every field change.

Transitions come from StatusChange rows; field changes from django-simple-history records of
the request and of its item, diffed pairwise.
"""

import dataclasses
import datetime

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from catalog import richtext
from catalog.models import DETAIL_ACCESSORS, Attachment, Item, Photo
from chiangkhian.thaidates import format_date

from .models import ITEM_FIELDS, PublicationRequest, StatusChange

REQUEST_FIELDS = ["unit", "remarks"]
BODY_FIELDS = {"body_th", "body_en"}


@dataclasses.dataclass
class Change:
    label: str
    old: str
    new: str


@dataclasses.dataclass
class Event:
    at: datetime.datetime
    by: object
    title: str
    note: str = ""
    changes: list = dataclasses.field(default_factory=list)
    action: str = "edit"


def timeline(publication_request):
    """Every transition and field change of the request, oldest first."""
    pr = publication_request
    events = [
        Event(change.at, change.by, change.get_action_display(), change.note, [], change.action)
        for change in pr.changes.select_related("by")
    ]
    events += _edits(pr.item.history.all(), Item, ITEM_FIELDS)
    events += _detail_edits(pr.item)
    events += _file_events(pr.item)
    events += _edits(pr.history.all(), PublicationRequest, REQUEST_FIELDS)
    return sorted(events, key=lambda event: event.at)


def _detail_edits(item):
    """Edits of the typed detail of the item's kind (news kind, law source, ...)."""
    accessor = DETAIL_ACCESSORS.get(item.kind)
    if accessor is None:
        return []
    model = Item._meta.get_field(accessor).related_model
    fields = [field.name for field in model._meta.concrete_fields if field.name != "item"]
    return _edits(model.history.filter(item_id=item.pk), model, fields)


def _file_events(item):
    """Files and photos added to or removed from the item (their own history records)."""
    titles = {
        Attachment: {"+": _("Attached a file"), "-": _("Removed a file")},
        Photo: {"+": _("Added a photo"), "-": _("Removed a photo")},
    }
    for model, by_type in titles.items():
        records = model.history.filter(item_id=item.pk, history_type__in=by_type)
        for record in _ordered(records):
            name = record.alt_th if model is Photo else record.title_th or record.original_name
            title = by_type[record.history_type]
            action = "file_added" if record.history_type == "+" else "file_removed"
            yield Event(record.history_date, record.history_user, title, name, [], action)


def changes_since_last_seen(publication_request, user):
    """What changed in a resubmitted request since `user` last acted on it (or since its return).

    None when the request was never returned: then there is nothing to compare with.
    """
    pr = publication_request
    returns = pr.changes.filter(action=StatusChange.Action.RETURN)
    if user.pk == pr.requester_id or not returns.exists():
        return None
    seen = (
        pr.changes.filter(by=user).exclude(action=StatusChange.Action.FILE).last() or returns.last()
    )
    changes = _diff_since(pr.item.history.all(), Item, ITEM_FIELDS, seen.at)
    changes += _diff_since(pr.history.all(), PublicationRequest, REQUEST_FIELDS, seen.at)
    # A file swapped after the return is a change the checker must see too.
    for event in _file_events(pr.item):
        if event.at > seen.at:
            added = event.action == "file_added"
            changes.append(
                Change(event.title, "—" if added else event.note, event.note if added else "—")
            )
    return changes


def changes_from_live(publication_request):
    """For a revision: how its content differs from the version on the website now."""
    revision = publication_request.item
    live = revision.revision_of
    return [
        _change(Item, name, getattr(live, name), getattr(revision, name))
        for name in ITEM_FIELDS
        if name != "publish_at"
        and getattr(live, name) != getattr(revision, name)
        and not _same_body(Item, name, getattr(live, name), getattr(revision, name))
    ]


def _ordered(records):
    return records.select_related("history_user").order_by("history_date", "history_id")


def _edits(records, model, fields):
    records = list(_ordered(records))
    for old, new in zip(records, records[1:], strict=False):
        changes = _delta(model, new, old, fields)
        if changes:
            yield Event(new.history_date, new.history_user, _("Edited"), "", changes)


def _diff_since(records, model, fields, moment):
    records = list(_ordered(records))
    before = [record for record in records if record.history_date <= moment]
    if not before or not records:
        return []
    return _delta(model, records[-1], before[-1], fields)


def _delta(model, new, old, fields):
    delta = new.diff_against(old, included_fields=fields, foreign_keys_are_objs=True)
    order = {name: index for index, name in enumerate(fields)}
    return [
        _change(model, change.field, change.old, change.new)
        for change in sorted(delta.changes, key=lambda change: order[change.field])
        if not _same_body(model, change.field, change.old, change.new)
    ]


def _change(model, name, old, new):
    label = str(model._meta.get_field(name).verbose_name)
    old_text, new_text = _show(model, name, old), _show(model, name, new)
    if old_text == new_text:
        new_text = _("%(text)s (formatting changed)") % {"text": new_text}
    return Change(label, old_text, new_text)


def _same_body(model, name, old, new):
    # Plain text stored anew as the same paragraphs of HTML (catalog migration 0008).
    return model is Item and name in BODY_FIELDS and richtext.clean(old) == richtext.clean(new)


def _show(model, name, value):
    if value in (None, ""):
        return "—"
    field = model._meta.get_field(name)
    if model is Item and name in BODY_FIELDS:
        return richtext.to_text(value) or "—"
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(field, models.DateTimeField):
        return format_date(value, "datetime")
    if isinstance(field, models.DateField):
        return format_date(value)
    return str(value)


def waited(since, now=None):
    """How long a request has waited, for a queue: "3 days 4 hours", "2 hours", "5 minutes"."""
    if since is None:
        return ""
    delta = (now or timezone.now()) - since
    days, hours, minutes = delta.days, delta.seconds // 3600, delta.seconds % 3600 // 60
    day_text = ngettext("%(count)d day", "%(count)d days", days) % {"count": days}
    hour_text = ngettext("%(count)d hour", "%(count)d hours", hours) % {"count": hours}
    if days:
        return f"{day_text} {hour_text}" if hours else day_text
    if hours:
        return hour_text
    return ngettext("%(count)d minute", "%(count)d minutes", minutes) % {"count": minutes}
