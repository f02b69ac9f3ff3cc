"""Copying a revision onto its live item, and what an item still lacks before publication.

A change to live content is made on a draft copy (Item.revision_of) that goes through the
workflow; when it is published its content replaces the live item's, which keeps its pk and
URL so links and search engines keep working.
"""

from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

COPIED_FIELDS = [
    "kind",
    "title_th",
    "title_en",
    "summary_th",
    "summary_en",
    "body_th",
    "body_en",
    "external_url",
    "owner_unit",
    "source",
    "data_from",
    "data_to",
    "publish_at",
    "expire_at",
    "no_end_reason",
    "review_at",
]


def apply_revision(item, revision):
    from .models import DETAIL_MODELS, ROW_MODELS

    if revision.pk == item.pk or revision.revision_of_id != item.pk:
        raise ValueError(f"Item {revision.pk} is not a revision of item {item.pk}.")
    with transaction.atomic():
        for name in COPIED_FIELDS:
            setattr(item, name, getattr(revision, name))
        item.save(update_fields=[*COPIED_FIELDS, "updated_at"])
        for model in DETAIL_MODELS:
            model.objects.filter(item=item).delete()
        detail = revision.detail  # only the detail of the revision's kind counts
        if detail is not None:
            _copy_row(detail, item)
        # Rows of the live item go (their history keeps them, their files stay stored);
        # the revision's rows are copied and share its stored files, which never change.
        for model in reversed(ROW_MODELS):
            for row in model.objects.filter(item=item):
                row.delete()
        photos = {}
        for model in ROW_MODELS:
            for row in model.objects.filter(item=revision):
                old_pk = row.pk
                if getattr(row, "photo_id", None):
                    row.photo_id = photos.get(row.photo_id)
                _copy_row(row, item)
                if model.__name__ == "Photo":
                    photos[old_pk] = row.pk
    item._state.fields_cache.clear()  # the detail read before the copy is stale
    revision._state.fields_cache.clear()
    item._prefetched_objects_cache = {}


def _copy_row(row, item):
    row.pk = None
    if hasattr(row, "id"):
        row.id = None
    row.item = item
    row._state.adding = True
    row.save(force_insert=True)


def completeness_errors(item):
    """Thai messages for whatever the item, its detail or its rows still lack."""
    from .models import Item

    errors = _validation_messages(item)
    detail = item.detail
    if item.kind in _detail_kinds() and detail is None:
        errors.append(
            _("The details of this %(kind)s are missing.") % {"kind": item.get_kind_display()}
        )
    elif detail is not None:
        errors.extend(_validation_messages(detail, exclude=["item"]))
    needs = {
        Item.Kind.DOCUMENT: (item.attachments, _("Attach at least one file.")),
        Item.Kind.MANUAL: (item.manual_steps, _("A manual needs at least one step.")),
        Item.Kind.PERSON: (item.people, _("Add at least one person.")),
    }
    if item.kind in needs and not needs[item.kind][0].exists():
        errors.append(needs[item.kind][1])
    if (
        item.kind == Item.Kind.NEWS
        and detail is not None
        and detail.news_kind == detail.NewsKind.ACTIVITY
        and not item.photos.exists()
    ):
        errors.append(_("Activity news needs at least one photo."))
    return errors


def _detail_kinds():
    from .models import DETAIL_ACCESSORS

    return set(DETAIL_ACCESSORS)


def _validation_messages(obj, exclude=None):
    try:
        obj.full_clean(exclude=exclude)
    except ValidationError as error:
        return [
            f"{_field_label(obj, field)}: {message}" if field != "__all__" else message
            for field, messages in error.message_dict.items()
            for message in messages
        ]
    return []


def _field_label(obj, field):
    try:
        return str(obj._meta.get_field(field).verbose_name)
    except FieldDoesNotExist:
        return field
