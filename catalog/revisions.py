"""Copying a revision onto its live item, and what an item still lacks before publication.

A change to live content is made on a draft copy (Item.revision_of) that goes through the
workflow; when it is published its content replaces the live item's, which keeps its pk and
URL so links and search engines keep working.
"""

from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

# publish_at is not copied: the live item keeps its first publication date and never drops
# out of live() while it is revised. The webmaster may correct the subcategory on publish.
COPIED_FIELDS = [
    "subcategory",
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
    "expire_at",
    "no_end_reason",
    "review_at",
    "document_date",
]


def apply_revision(item, revision):
    from .models import Item

    if revision.pk == item.pk or revision.revision_of_id != item.pk:
        raise ValueError(f"Item {revision.pk} is not a revision of item {item.pk}.")
    with transaction.atomic():
        for name in COPIED_FIELDS:
            setattr(item, name, getattr(revision, name))
        item.save(update_fields=[*COPIED_FIELDS, "updated_at"])
        _swap_parts(revision, item)
    for obj in (item, revision):
        Item.forget_parts(obj)


# The metadata a revision may change on a file that stays the same (same SHA-256).
FILE_FIELDS = {
    "Attachment": ["role", "title_th", "title_en", "order"],
    "Photo": ["alt_th", "alt_en", "caption_th", "caption_en", "order"],
}


def _swap_parts(revision, live):
    """Give the live item the revision's parts without deleting anything or moving addresses.

    A file that did not change (same SHA-256) keeps its row, so its public address
    (/files/<pk>/) stays valid; only its title or order follow the revision. Every other
    row of the live item moves to the merged revision, where it is kept (not public), and
    the revision's new rows move to the live item.
    """
    from .models import DETAIL_MODELS, ROW_MODELS

    for model in DETAIL_MODELS:
        model.objects.filter(item=live).delete()  # one-to-one: its history keeps it
    detail = revision.detail
    if detail is not None:
        _copy_row(detail, live)
    outgoing = {model: list(model.objects.filter(item=live)) for model in ROW_MODELS}
    incoming = {model: list(model.objects.filter(item=revision)) for model in ROW_MODELS}
    photos = {}  # revision photo pk → the pk it has on the live item
    for model in ROW_MODELS:
        fields = FILE_FIELDS.get(model.__name__)
        kept = {row.sha256: row for row in outgoing[model]} if fields else {}
        for row in incoming[model]:
            same = kept.pop(getattr(row, "sha256", None), None)
            if same is not None:
                for name in fields:
                    setattr(same, name, getattr(row, name))
                same.save(update_fields=fields)
                photos[row.pk] = same.pk
                continue
            if getattr(row, "photo_id", None):
                row.photo_id = photos.get(row.photo_id, row.photo_id)
            row.item = live
            row.save()
            photos[row.pk] = row.pk
        for row in outgoing[model]:
            if fields and row.sha256 not in kept:
                continue  # kept on the live item above
            row.item = revision
            row.save()


def copy_parts(source, target):
    """Replace target's typed detail and rows (files, steps, people) with copies of source's.

    Used both ways: a new revision draft starts as a copy of the live item, and a published
    revision's parts replace the live item's. Rows that go stay in their history, and their
    stored files stay: copies share the stored files, which never change.
    """
    from .models import DETAIL_MODELS, ROW_MODELS

    with transaction.atomic():
        for model in DETAIL_MODELS:
            model.objects.filter(item=target).delete()
        detail = source.detail  # only the detail of the source's kind counts
        if detail is not None:
            _copy_row(detail, target)
        for model in reversed(ROW_MODELS):
            for row in model.objects.filter(item=target):
                row.delete()
        photos = {}
        for model in ROW_MODELS:
            for row in model.objects.filter(item=source):
                old_pk = row.pk
                if getattr(row, "photo_id", None):
                    row.photo_id = photos.get(row.photo_id)
                _copy_row(row, target)
                if model.__name__ == "Photo":
                    photos[old_pk] = row.pk


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
