"""The typed details, rows and files of a request's draft item, on the request's own page.

The rows point at catalog.Item, not at the request, so these inlines are built against Item
(PublicationRequestAdmin.get_inline_instances) and bound to the request's item. They follow
the request, not the item: editable exactly while its filer may edit it (access.why_not), and
read-only for everyone else who may see it. Files are never linked by their media path: each
links to the access-checked back-office download (publishing.views.attachment / photo).
"""

from django import forms
from django.contrib import admin
from django.db import models
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from catalog import admin as catalog_admin
from catalog.models import Attachment, Item, Photo

from .admin import may_edit

TEMPLATE = "admin/publishing/publicationrequest/inline.html"


class RequestPartMixin:
    """An inline of the draft item that follows the request's edit right."""

    template = TEMPLATE
    extra = 1
    view_on_site = False  # a file's own address is the public view: not for a draft
    kind = None  # Item.Kind this section belongs to; None: every kind
    hidden = False  # set per request: a section of another kind than the chosen one
    publication_request = None  # set per request by PublicationRequestAdmin
    formfield_overrides = {
        **catalog_admin.URL_FIELDS,
        # No "Currently: <media path>" link: the file's link is the checked download.
        models.FileField: {"widget": forms.FileInput},
    }

    def has_add_permission(self, request, obj=None):
        return may_edit(request, obj)

    def has_change_permission(self, request, obj=None):
        return may_edit(request, obj)

    def has_delete_permission(self, request, obj=None):
        return obj is not None and may_edit(request, obj)

    def has_view_permission(self, request, obj=None):
        return True

    def get_fields(self, request, obj=None):
        fields = list(super().get_fields(request, obj))
        if not may_edit(request, obj):
            # Read-only: the stored file shows as its checked link, never as a media path.
            fields = [name for name in fields if name not in {"file", "image"}]
        return fields

    def file_url(self, name, row):
        pr = self.publication_request
        if pr is None or pr.pk is None or row.pk is None:
            return ""
        return reverse(f"publishing:{name}", args=[pr.pk, row.pk])


class DetailPart(RequestPartMixin):
    # The detail is optional on a draft: what is missing is listed before it is submitted.
    min_num = 0
    max_num = 1


class LawPart(DetailPart, catalog_admin.LawInline):
    kind = Item.Kind.LAW
    # The law's own date window (decades back), with the request form's file widget.
    formfield_overrides = {
        **RequestPartMixin.formfield_overrides,
        **catalog_admin.LawInline.formfield_overrides,
    }


class KnowledgePart(DetailPart, catalog_admin.KnowledgeInline):
    kind = Item.Kind.KNOWLEDGE


class LinkPart(DetailPart, catalog_admin.LinkInline):
    kind = Item.Kind.LINK


class ManualPart(DetailPart, catalog_admin.ManualInline):
    kind = Item.Kind.MANUAL


class NewsPart(DetailPart, catalog_admin.NewsInline):
    kind = Item.Kind.NEWS


class ProcurementPart(DetailPart, catalog_admin.ProcurementInline):
    kind = Item.Kind.PROCUREMENT


class ProcurementBidPart(RequestPartMixin, catalog_admin.ProcurementBidInline):
    kind = Item.Kind.PROCUREMENT


class CouncilPart(DetailPart, catalog_admin.CouncilInline):
    kind = Item.Kind.COUNCIL


class ManualStepPart(RequestPartMixin, catalog_admin.ManualStepInline):
    kind = Item.Kind.MANUAL


class ManualDocumentPart(RequestPartMixin, catalog_admin.ManualDocumentInline):
    kind = Item.Kind.MANUAL


class PersonPart(RequestPartMixin, catalog_admin.PersonInline):
    kind = Item.Kind.PERSON

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "photo":
            # A portrait is one of this request's own photos.
            pr = self.publication_request
            item_id = pr.item_id if pr is not None else None
            kwargs["queryset"] = Photo.objects.filter(item_id=item_id)
        return super(catalog_admin.PersonInline, self).formfield_for_foreignkey(
            db_field, request, **kwargs
        )


class AttachmentPart(RequestPartMixin, admin.StackedInline):
    model = Attachment
    fields = ["file", "title_th", "role", "order", "file_link"]
    readonly_fields = ["file_link"]

    @admin.display(description=_("file type, size, pages"))
    def file_link(self, row):
        url = self.file_url("attachment", row)
        if not url:
            return "—"
        return format_html('<a href="{}">{}</a> ({})', url, row.title, row.facts)


class PhotoPart(RequestPartMixin, admin.StackedInline):
    model = Photo
    fields = ["image", "alt_th", "caption_th", "order", "photo_link"]
    readonly_fields = ["photo_link"]

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if db_field.name == "image":
            # Phones offer the camera and the gallery for an image input.
            field.widget.attrs["accept"] = "image/jpeg,image/png,image/webp"
        return field

    @admin.display(description=_("photo"))
    def photo_link(self, row):
        url = self.file_url("photo", row)
        if not url:
            return "—"
        return format_html(
            '<a href="{}"><img src="{}?width={}" alt="{}" class="request-thumbnail"></a> '
            "({} · {} · {} × {} px)",
            url,
            url,
            row.widths[0] if row.widths else 0,
            row.alt_th,
            row.type_label,
            row.size_label,
            row.width,
            row.height,
        )


# The sections of the page after the request's own fields: the kind's detail and rows, then
# the files every kind may carry.
PARTS = [
    LawPart,
    KnowledgePart,
    LinkPart,
    ManualPart,
    ManualStepPart,
    ManualDocumentPart,
    NewsPart,
    ProcurementPart,
    ProcurementBidPart,
    CouncilPart,
    PersonPart,
    AttachmentPart,
    PhotoPart,
]
