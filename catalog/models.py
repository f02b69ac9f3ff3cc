from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from chiangkhian.models import pick_language

from . import richtext
from .querysets import ItemQuerySet


class Category(models.Model):
    """One of the ten content categories of announcement section 1 (1.1 … 1.10)."""

    code = models.CharField(_("clause"), max_length=10, unique=True, help_text="1.1 … 1.10")
    slug = models.SlugField(_("URL name"), unique=True)
    name_th = models.CharField(_("name (Thai)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200)
    description_th = models.TextField(_("description (Thai)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["order"]
        verbose_name = _("category")
        verbose_name_plural = _("categories")
        # Granted per category with django-guardian to limit a webmaster to some categories;
        # a webmaster with no such object permission at all publishes everywhere
        # (publishing.access.publishing_categories).
        permissions = [("publish_in_category", _("Can publish in this category"))]

    def __str__(self):
        return f"{self.code} {self.name_th}"

    def get_absolute_url(self):
        return reverse("catalog:category", kwargs={"category": self.slug})

    @property
    def name(self):
        return pick_language(self.name_th, self.name_en)

    @property
    def description(self):
        return pick_language(self.description_th, self.description_en)


class Subcategory(models.Model):
    """A listing inside a category (news, laws, budget, ...); items are published into one."""

    class Code(models.TextChoices):
        """Listings the software itself links to (the footer, the contact page, search).

        The slug is the municipality's to rename; code finds the listing whatever it is called.
        """

        PRIVACY_POLICY = "privacy_policy", _("Privacy policy")
        COOKIE_POLICY = "cookie_policy", _("Cookie policy")
        WEBSITE_POLICY = "website_policy", _("Website policy")
        SECURITY_POLICY = "security_policy", _("Website security policy")
        ACCESSIBILITY = "accessibility", _("Accessibility statement")
        CONTACT = "contact", _("Contacts and map")

    # GWS 3.0: the policy pages every government website links to from its footer, in order.
    POLICY_CODES = [
        Code.PRIVACY_POLICY,
        Code.COOKIE_POLICY,
        Code.WEBSITE_POLICY,
        Code.SECURITY_POLICY,
        Code.ACCESSIBILITY,
    ]

    category = models.ForeignKey(
        Category,
        verbose_name=_("category"),
        on_delete=models.PROTECT,
        related_name="subcategories",
    )
    slug = models.SlugField(_("URL name"))
    name_th = models.CharField(_("name (Thai)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200)
    description_th = models.TextField(_("description (Thai)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    code = models.CharField(
        _("purpose in the software"),
        max_length=30,
        choices=Code.choices,
        blank=True,
        editable=False,
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["category__order", "order"]
        verbose_name = _("subcategory")
        verbose_name_plural = _("subcategories")
        constraints = [
            models.UniqueConstraint(fields=["category", "slug"], name="unique_subcategory_slug"),
            models.UniqueConstraint(
                fields=["code"], condition=~models.Q(code=""), name="unique_subcategory_code"
            ),
        ]

    def __str__(self):
        return self.name_th

    def get_absolute_url(self):
        return reverse(
            "catalog:subcategory",
            kwargs={"category": self.category.slug, "subcategory": self.slug},
        )

    @property
    def name(self):
        return pick_language(self.name_th, self.name_en)

    @property
    def description(self):
        return pick_language(self.description_th, self.description_en)


class Item(models.Model):
    """One piece of published content: a page, a document, a law, a news item, ...

    Content lives here; the workflow that lets it reach the public lives in publishing/.
    Only publishing.transitions changes `status`. Typed details (law, manual, news, ...)
    hang off this table one-to-one.
    """

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")
        WITHDRAWN = "withdrawn", _("Withdrawn")
        EXPIRED = "expired", _("Expired")
        # A revision whose content has been applied to the item it revised.
        MERGED = "merged", _("Merged into the published item")

    class Kind(models.TextChoices):
        PAGE = "page", _("Page")
        DOCUMENT = "document", _("Document or announcement")
        LAW = "law", _("Law or regulation")
        KNOWLEDGE = "knowledge", _("Knowledge item")
        LINK = "link", _("Web link")
        MANUAL = "manual", _("Manual")
        NEWS = "news", _("News")
        PROCUREMENT = "procurement", _("Procurement")
        PERSON = "person", _("People (structure, executives)")
        COUNCIL = "council", _("Council meeting document")

    subcategory = models.ForeignKey(
        Subcategory, verbose_name=_("subcategory"), on_delete=models.PROTECT, related_name="items"
    )
    kind = models.CharField(_("kind of content"), max_length=20, choices=Kind.choices)
    title_th = models.CharField(_("title (Thai)"), max_length=300)
    title_en = models.CharField(_("title (English)"), max_length=300, blank=True)
    summary_th = models.TextField(_("summary (Thai)"), blank=True)
    summary_en = models.TextField(_("summary (English)"), blank=True)
    body_th = models.TextField(_("content (Thai)"), blank=True)
    body_en = models.TextField(_("content (English)"), blank=True)
    external_url = models.URLField(_("external link"), max_length=500, blank=True)

    # Announcement 2.2: source or owner, data period, publication date, end of period.
    owner_unit = models.ForeignKey(
        "chiangkhian.Unit",
        verbose_name=_("owning unit"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="items",
    )
    source = models.CharField(_("source of the information"), max_length=300, blank=True)
    data_from = models.DateField(_("data period from (or as of)"), null=True, blank=True)
    data_to = models.DateField(_("data period to"), null=True, blank=True)
    # Announcement 2.2: the publication date is when the item really went online. The
    # requester asks for a start; publishing.transitions.publish() sets this to the later of
    # that start and the moment the webmaster published (the start asked for stays on the
    # request), so nobody can backdate what the public and the ITA evidence see.
    publish_at = models.DateTimeField(
        _("publication date"),
        null=True,
        blank=True,
        help_text=_(
            "The first moment the item may be online. A date in the past means as soon as it "
            "is published: the publication date shown is never earlier than when the "
            "webmaster published it. A later date keeps it off the website until then."
        ),
    )
    expire_at = models.DateTimeField(_("end of publication period"), null=True, blank=True)
    no_end_reason = models.CharField(
        _("reason for no end of publication"), max_length=300, blank=True
    )
    review_at = models.DateField(_("review date"), null=True, blank=True)
    # The date the document itself carries (a signed announcement), shown as such; never a
    # substitute for the publication date, which is when the item really went online.
    document_date = models.DateField(_("document date"), null=True, blank=True)

    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    published_at = models.DateTimeField(_("went live at"), null=True, blank=True)
    withdrawn_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True)
    withdrawal_reason = models.TextField(_("reason for withdrawal"), blank=True)
    withdrawn_in_error = models.BooleanField(_("published in error"), default=False)
    revision_of = models.ForeignKey(
        "self",
        verbose_name=_("revision of"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="revisions",
    )
    created_by = models.ForeignKey(
        "chiangkhian.User",
        verbose_name=_("created by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last updated"), auto_now=True)
    history = HistoricalRecords()

    # What a new request may revise: live content, and content taken down (3.2: it comes
    # back only through a new request).
    REVISABLE_STATUSES = [Status.PUBLISHED, Status.EXPIRED, Status.WITHDRAWN]

    objects = ItemQuerySet.as_manager()

    class Meta:
        ordering = ["-publish_at", "-pk"]
        verbose_name = _("content item")
        verbose_name_plural = _("content items")
        indexes = [models.Index(fields=["status", "publish_at", "expire_at"])]

    def __str__(self):
        return self.title_th

    def get_absolute_url(self):
        return reverse(
            "catalog:item",
            kwargs={
                "category": self.subcategory.category.slug,
                "subcategory": self.subcategory.slug,
                "pk": self.pk,
            },
        )

    @property
    def title(self):
        return pick_language(self.title_th, self.title_en)

    name = title  # breadcrumbs name every step by .name

    @property
    def detail(self):
        """The typed detail of this item's kind (LawDetail, ManualDetail, ...), or None."""
        accessor = DETAIL_ACCESSORS.get(self.kind)
        if accessor is None:
            return None
        try:
            return getattr(self, accessor)
        except models.ObjectDoesNotExist:
            return None

    @property
    def shows_withdrawal_notice(self):
        """A withdrawn item keeps a public notice, unless it should never have been published."""
        return self.status == self.Status.WITHDRAWN and not self.withdrawn_in_error

    def apply_revision(self, revision):
        """Copy a revision draft's content, metadata, detail and files onto this live item.

        This item keeps its pk, URL, status and publication record; the workflow's publish of
        a revision calls it and then marks the revision merged.
        """
        from .revisions import apply_revision

        apply_revision(self, revision)

    def copy_parts_from(self, source):
        """Give this draft copies of source's typed detail, files, steps and people."""
        from .revisions import copy_parts

        copy_parts(source, self)
        self.forget_parts(self)

    @staticmethod
    def forget_parts(item):
        # Related objects read before a copy are stale afterwards.
        item._state.fields_cache.clear()
        item._prefetched_objects_cache = {}

    def completeness_errors(self):
        """What is still missing before this item can be published (Thai messages)."""
        from .revisions import completeness_errors

        return completeness_errors(self)

    @property
    def summary(self):
        return pick_language(self.summary_th, self.summary_en)

    @property
    def body(self):
        return pick_language(self.body_th, self.body_en)

    def clean(self):
        # What is stored is the sanitised HTML that will be shown (catalog.richtext).
        self.body_th = richtext.clean(self.body_th)
        self.body_en = richtext.clean(self.body_en)
        errors = {}
        if not self.owner_unit_id and not self.source:
            errors["source"] = _("Give the source of the information or its owning unit.")
        if not self.data_from:
            errors["data_from"] = _(
                "Give the data period: its start, or the single date the data is as of."
            )
        elif self.data_to and self.data_to < self.data_from:
            errors["data_to"] = _("The data period cannot end before it starts.")
        if not self.publish_at:
            errors["publish_at"] = _("Give the publication date.")
        if self.expire_at and self.publish_at and self.expire_at <= self.publish_at:
            errors["expire_at"] = _("The publication period must end after it starts.")
        if not self.expire_at and not self.review_at:
            errors["expire_at"] = _("Give the end of the publication period or a review date.")
        if not self.expire_at and not self.no_end_reason:
            errors["no_end_reason"] = _(
                "An item without an end of publication needs a reason (e.g. a law in force)."
            )
        if errors:
            raise ValidationError(errors)


# The typed details and files live in their own modules; importing them here registers them.
from .details import (  # noqa: E402
    CouncilDetail,
    KnowledgeDetail,
    LawDetail,
    LinkDetail,
    ManualDetail,
    ManualDocument,
    ManualStep,
    NewsDetail,
    Person,
    ProcurementBid,
    ProcurementDetail,
)
from .search import SearchDocument  # noqa: E402
from .uploads import Attachment, Photo  # noqa: E402

# Item.kind → the one-to-one detail accessor (None: the common fields say it all).
DETAIL_ACCESSORS = {
    Item.Kind.LAW: "lawdetail",
    Item.Kind.KNOWLEDGE: "knowledgedetail",
    Item.Kind.LINK: "linkdetail",
    Item.Kind.MANUAL: "manualdetail",
    Item.Kind.NEWS: "newsdetail",
    Item.Kind.PROCUREMENT: "procurementdetail",
    Item.Kind.COUNCIL: "councildetail",
}
DETAIL_MODELS = [
    LawDetail,
    KnowledgeDetail,
    LinkDetail,
    ManualDetail,
    NewsDetail,
    ProcurementDetail,
    CouncilDetail,
]
# Rows of an item, in the order a copy must create them (people point at photos).
ROW_MODELS = [Attachment, Photo, ManualStep, ManualDocument, Person, ProcurementBid]

__all__ = [
    "Attachment",
    "Category",
    "CouncilDetail",
    "DETAIL_ACCESSORS",
    "DETAIL_MODELS",
    "Item",
    "KnowledgeDetail",
    "LawDetail",
    "LinkDetail",
    "ManualDetail",
    "ManualDocument",
    "ManualStep",
    "NewsDetail",
    "Person",
    "Photo",
    "ProcurementBid",
    "ProcurementDetail",
    "ROW_MODELS",
    "SearchDocument",
    "Subcategory",
]
