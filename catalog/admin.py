from django.contrib import admin, messages
from django.db import models
from django.db.models import Q
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from guardian.shortcuts import get_objects_for_user

from chiangkhian.admin_base import BE_DATE_FIELDS, AuditedAdmin, BEDatesAdminMixin
from chiangkhian.dateinput import LAW_PAST_YEARS
from chiangkhian.limits import database_id
from publishing.admin import PublishingRightsAdminMixin

from .models import (
    DETAIL_ACCESSORS,
    Attachment,
    Category,
    CouncilDetail,
    Item,
    KnowledgeDetail,
    LawDetail,
    LinkDetail,
    ManualDetail,
    ManualDocument,
    ManualStep,
    NewsDetail,
    Person,
    Photo,
    ProcurementBid,
    ProcurementDetail,
    Subcategory,
)
from .permissions import can_change_item, grant_owner_rights
from .richtext import render
from .widgets import BodyEditorWidget

BODY_FIELDS = ("body_th", "body_en")


# A URL name is fixed once created: public addresses stay valid, and the code that finds a
# listing by its name (the statistics page, the checklists) keeps finding it. A category is
# found by its clause (code), fixed by the announcement.
FIXED_ONCE_CREATED = ["slug"]


class SubcategoryInline(BEDatesAdminMixin, admin.TabularInline):
    """The category's subcategories, for reading; each is changed or added on its own page."""

    model = Subcategory
    extra = 0
    fields = ["order", "slug", "name_th", "name_en"]
    readonly_fields = fields
    can_delete = False
    show_change_link = True

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Category)
class CategoryAdmin(PublishingRightsAdminMixin, AuditedAdmin):
    list_display = ["code", "name_th", "name_en", "slug"]
    readonly_fields = ["code", *FIXED_ONCE_CREATED]
    inlines = [SubcategoryInline]

    def has_add_permission(self, request):
        # The ten categories are fixed by the announcement (section 1).
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Subcategory)
class SubcategoryAdmin(AuditedAdmin):
    list_display = ["name_th", "name_en", "category", "slug", "order"]
    list_filter = ["category"]
    list_select_related = ["category"]
    prepopulated_fields = {"slug": ["name_en"]}

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        return fields + FIXED_ONCE_CREATED if obj is not None else fields

    def get_prepopulated_fields(self, request, obj=None):
        return {} if obj is not None else super().get_prepopulated_fields(request, obj)

    def delete_view(self, request, object_id, extra_context=None):
        subcategory = self.get_object(request, object_id)
        if subcategory is not None and subcategory.items.exists():
            # Items point at their subcategory with PROTECT; say why instead of a bare refusal.
            self.message_user(
                request,
                _(
                    "The subcategory %(name)s cannot be deleted: %(count)s content items are "
                    "filed in it. Move them first."
                )
                % {"name": subcategory.name_th, "count": subcategory.items.count()},
                messages.ERROR,
            )
            url = reverse("admin:catalog_subcategory_change", args=[subcategory.pk])
            return HttpResponseRedirect(url)
        return super().delete_view(request, object_id, extra_context)


# Links typed without a scheme are taken as https (Django 6's default, chosen now); dates B.E.
URL_FIELDS = {**BE_DATE_FIELDS, models.URLField: {"assume_scheme": "https"}}


class ItemChildMixin:
    """Inlines of an item follow the item: editable exactly when the item is."""

    extra = 0
    formfield_overrides = URL_FIELDS

    def has_add_permission(self, request, obj=None):
        return obj is None or can_change_item(request.user, obj)

    def has_change_permission(self, request, obj=None):
        return obj is None or can_change_item(request.user, obj)

    def has_delete_permission(self, request, obj=None):
        return obj is None or can_change_item(request.user, obj)

    def has_view_permission(self, request, obj=None):
        return True


class DetailInline(ItemChildMixin, admin.StackedInline):
    max_num = 1
    min_num = 1
    can_delete = False


class LawInline(DetailInline):
    model = LawDetail
    # The laws a municipality applies go back decades (the Municipality Act B.E. 2496).
    formfield_overrides = {
        **URL_FIELDS,
        models.DateField: {**BE_DATE_FIELDS[models.DateField], "past_years": LAW_PAST_YEARS},
    }


class KnowledgeInline(DetailInline):
    model = KnowledgeDetail


class LinkInline(DetailInline):
    model = LinkDetail


class ManualInline(DetailInline):
    model = ManualDetail


class NewsInline(DetailInline):
    model = NewsDetail


class ProcurementInline(DetailInline):
    model = ProcurementDetail


class ProcurementBidInline(ItemChildMixin, admin.TabularInline):
    model = ProcurementBid
    extra = 0


class CouncilInline(DetailInline):
    model = CouncilDetail


class ManualStepInline(ItemChildMixin, admin.TabularInline):
    model = ManualStep
    fields = ["order", "description_th", "responsible_unit", "duration_amount", "duration_unit"]


class ManualDocumentInline(ItemChildMixin, admin.TabularInline):
    model = ManualDocument
    fields = ["order", "name_th", "copies", "note"]


class PersonInline(ItemChildMixin, admin.TabularInline):
    model = Person
    fields = ["order", "name", "position", "unit", "phone", "photo", "on_home_page"]

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "photo":
            # A portrait is one of this item's own photos.
            item_id = request.resolver_match.kwargs.get("object_id")
            kwargs["queryset"] = Photo.objects.filter(item_id=item_id)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class AttachmentInline(ItemChildMixin, admin.TabularInline):
    model = Attachment
    fields = ["order", "role", "title_th", "file", "facts", "sha256"]
    readonly_fields = ["facts", "sha256"]

    @admin.display(description=gettext_lazy("file type, size, pages"))
    def facts(self, obj):
        return obj.facts if obj.pk else "—"


class PhotoInline(ItemChildMixin, admin.TabularInline):
    model = Photo
    fields = ["order", "image", "alt_th", "caption_th", "width", "height"]
    readonly_fields = ["width", "height"]


KIND_INLINES = {
    Item.Kind.LAW: [LawInline],
    Item.Kind.KNOWLEDGE: [KnowledgeInline],
    Item.Kind.LINK: [LinkInline],
    Item.Kind.MANUAL: [ManualInline, ManualStepInline, ManualDocumentInline],
    Item.Kind.NEWS: [NewsInline],
    Item.Kind.PROCUREMENT: [ProcurementInline, ProcurementBidInline],
    Item.Kind.PERSON: [PersonInline],
    Item.Kind.COUNCIL: [CouncilInline],
}
assert set(DETAIL_ACCESSORS) <= set(KIND_INLINES)  # noqa: S101 - every detail has its inline


@admin.register(Item)
class ItemAdmin(AuditedAdmin):
    formfield_overrides = URL_FIELDS
    list_display = ["title_th", "kind", "subcategory", "status", "publish_at", "expire_at"]
    list_filter = ["status", "kind", "subcategory__category"]
    list_select_related = ["subcategory__category"]
    search_fields = ["title_th", "title_en", "source"]
    date_hierarchy = "publish_at"
    readonly_fields = [
        "status",
        "published_at",
        "withdrawn_at",
        "withdrawal_reason",
        "withdrawn_in_error",
        "revision_of",
        "created_by",
    ]
    fieldsets = [
        (None, {"fields": ["subcategory", "kind", "title_th", "title_en"]}),
        (
            gettext_lazy("Content"),
            {"fields": ["summary_th", "summary_en", "body_th", "body_en", "external_url"]},
        ),
        (
            gettext_lazy("Announcement 2.2: source, period and publication"),
            {
                "fields": [
                    "owner_unit",
                    "source",
                    ("data_from", "data_to"),
                    "document_date",
                    ("publish_at", "expire_at"),
                    "no_end_reason",
                    "review_at",
                ]
            },
        ),
        (
            gettext_lazy("Publication record (set by the workflow)"),
            {"fields": readonly_fields},
        ),
    ]

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name in BODY_FIELDS:
            kwargs["widget"] = BodyEditorWidget  # its HTML is sanitised by Item.clean
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if obj is None or self.has_change_permission(request, obj):
            return fieldsets
        # Read only: the bodies as the public sees them, not their HTML source.
        shown = {"body_th": "shown_body_th", "body_en": "shown_body_en"}
        return [
            (name, {**options, "fields": [shown.get(field, field) for field in options["fields"]]})
            for name, options in fieldsets
        ]

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if obj is not None and not self.has_change_permission(request, obj):
            fields += ["shown_body_th", "shown_body_en"]
        return fields

    @admin.display(description=gettext_lazy("content (Thai)"))
    def shown_body_th(self, obj):
        return render(obj.body_th) or "—"

    @admin.display(description=gettext_lazy("content (English)"))
    def shown_body_en(self, obj):
        return render(obj.body_en) or "—"

    def get_inlines(self, request, obj):
        # The kind's own tables appear once the item is saved with its kind.
        kind_inlines = KIND_INLINES.get(obj.kind, []) if obj else []
        return [*kind_inlines, AttachmentInline, PhotoInline]

    def get_queryset(self, request):
        from publishing.models import PublicationRequest  # publishing.admin imports this module

        items = super().get_queryset(request)
        if request.user.has_perm("catalog.view_item") or request.user.has_perm(
            "catalog.change_item"
        ):
            if request.user.is_superuser:
                return items
            # A draft's content is its filer's until it is submitted: not in this list, its
            # search, its pages or its history for anyone else (issue 11, least privilege).
            private = PublicationRequest.objects.filter(
                status=PublicationRequest.Status.DRAFT
            ).exclude(requester=request.user)
            return items.exclude(pk__in=private.values("item_id"))
        # A requester sees the drafts they were given rights on (guardian), nothing else.
        return get_objects_for_user(
            request.user,
            ["catalog.view_item", "catalog.change_item"],
            klass=items,
            any_perm=True,
            accept_global_perms=False,
        )

    def _holds_draft_rights(self, request):
        """A requester given rights on their own drafts (once per request: a query)."""
        if not hasattr(request, "_draft_rights"):
            request._draft_rights = get_objects_for_user(
                request.user,
                ["catalog.view_item", "catalog.change_item"],
                klass=Item,
                any_perm=True,
                accept_global_perms=False,
            ).exists()
        return request._draft_rights

    def has_module_permission(self, request):
        return super().has_module_permission(request) or self._holds_draft_rights(request)

    def has_view_permission(self, request, obj=None):
        if obj is None:
            return (
                super().has_view_permission(request)
                or self.has_add_permission(request)
                or self._holds_draft_rights(request)
            )
        return (
            super().has_view_permission(request, obj)
            or request.user.has_perm("catalog.view_item", obj)
            or can_change_item(request.user, obj)
        )

    def has_change_permission(self, request, obj=None):
        if obj is None:
            return (
                super().has_change_permission(request)
                or self.has_add_permission(request)
                or self._holds_draft_rights(request)
            )
        return can_change_item(request.user, obj)

    def has_delete_permission(self, request, obj=None):
        # Published content is never deleted; only a draft, by someone who may change it.
        if obj is None:
            return False
        return obj.status == Item.Status.DRAFT and can_change_item(request.user, obj)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        # Content that went through the workflow is read and edited on its request's page,
        # which its filer can always open (their rights on the item end when they submit).
        from publishing.models import PublicationRequest

        item_id = database_id(object_id)  # SQLite overflows on a 20-digit id in the address
        pr = (
            PublicationRequest.objects.visible_to(request.user)
            .filter(Q(item_id=item_id) | Q(item__revision_of_id=item_id))
            .order_by("-created_at", "-pk")
            .first()
            if item_id
            else None
        )
        if pr is not None:
            return HttpResponseRedirect(pr.get_absolute_url())
        return super().change_view(request, object_id, form_url, extra_context)

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)
        if not change:
            grant_owner_rights(item=obj, user=request.user)
