"""Typed content: what a law, a manual, a news item, ... holds beyond the common Item fields.

Each kind with a shape of its own has a one-to-one detail (the Item is its primary key) and,
where it has rows (manual steps, people), tables that point at the Item itself, so copying a
revision onto the live item is the same loop for every kind (catalog/revisions.py).
"""

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator, RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from pythainlp.util import bahttext
from simple_history.models import HistoricalRecords

from chiangkhian.models import pick_language

from .durations import Duration


class Detail(models.Model):
    item = models.OneToOneField(
        "catalog.Item",
        verbose_name=_("content item"),
        on_delete=models.CASCADE,
        primary_key=True,
    )

    class Meta:
        abstract = True

    def __str__(self):
        return str(self.item)


class LawDetail(Detail):
    """1.2: a law, regulation or rule and where it comes from."""

    issuer = models.CharField(_("issued by"), max_length=300)
    enacted_on = models.DateField(_("date of enactment or signature"))
    gazette_volume = models.CharField(_("Royal Gazette volume"), max_length=20, blank=True)
    gazette_part = models.CharField(_("Royal Gazette part"), max_length=20, blank=True)
    gazette_page = models.CharField(_("Royal Gazette page"), max_length=20, blank=True)
    gazette_date = models.DateField(_("Royal Gazette date"), null=True, blank=True)
    reference_url = models.URLField(_("source URL"), max_length=500, blank=True)
    reference_note = models.CharField(_("other source reference"), max_length=300, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("law details")
        verbose_name_plural = _("law details")

    def clean(self):
        gazette = [self.gazette_volume, self.gazette_part, self.gazette_page]
        if any(gazette) and not all(gazette):
            raise ValidationError(
                {"gazette_volume": _("Give the Royal Gazette volume, part and page together.")}
            )
        if not (all(gazette) or self.reference_url or self.reference_note):
            raise ValidationError(
                {
                    "reference_url": _(
                        "Give where the law comes from: the Royal Gazette volume, part and "
                        "page, a source URL or another reference."
                    )
                }
            )

    @property
    def in_gazette(self):
        return bool(self.gazette_volume)


class KnowledgeDetail(Detail):
    """1.3: knowledge that others may reuse, so its source and the time of its data."""

    citation = models.CharField(_("source cited"), max_length=300)
    source_url = models.URLField(_("source URL"), max_length=500, blank=True)
    data_at = models.DateTimeField(_("date and time of the data"))
    media_url = models.URLField(_("video or audio link"), max_length=500, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("knowledge details")
        verbose_name_plural = _("knowledge details")


url_or_path = RegexValidator(
    r"^(https?://\S+|/\S*)$", _("Give a web address starting with https:// or a path on this site.")
)


class LinkDetail(Detail):
    """1.4 and 1.9: a link to an agency, a useful site or an online service."""

    class LinkType(models.TextChoices):
        AGENCY = "agency", _("Related agency")
        WEBSITE = "website", _("Useful website")
        E_SERVICE = "e_service", _("Online service (e-service)")

    link_type = models.CharField(
        _("type of link"), max_length=20, choices=LinkType.choices, default=LinkType.AGENCY
    )
    agency = models.CharField(_("agency or provider"), max_length=300)
    url = models.CharField(_("web address"), max_length=500, validators=[url_or_path])
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("link details")
        verbose_name_plural = _("link details")

    @property
    def is_external(self):
        return self.url.startswith("http")


class ManualDetail(Detail):
    """1.6 and 1.7: a manual made of ordered steps (ManualStep) and required documents."""

    class ManualType(models.TextChoices):
        SOP = "sop", _("Standard operating procedure (staff)")
        CITIZEN = "citizen", _("Citizen service manual")

    manual_type = models.CharField(_("type of manual"), max_length=20, choices=ManualType.choices)
    responsible_unit = models.CharField(_("responsible unit"), max_length=300)
    service_place = models.TextField(_("where and when the service is given"), blank=True)
    legal_basis = models.TextField(_("legal basis"), blank=True)
    conditions = models.TextField(_("rules and conditions"), blank=True)
    fee = models.DecimalField(
        _("fee (baht)"),
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal(0))],
        help_text=_("0 for a free service; leave empty when no fee applies (staff procedures)."),
    )
    fee_note = models.CharField(_("about the fee"), max_length=300, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("manual details")
        verbose_name_plural = _("manual details")

    def total_duration(self):
        """The sum of the steps' durations (steps prefetched as item.manual_steps)."""
        return Duration.total(step.duration for step in self.item.manual_steps.all())


class ManualStep(models.Model):
    item = models.ForeignKey(
        "catalog.Item",
        verbose_name=_("content item"),
        on_delete=models.CASCADE,
        related_name="manual_steps",
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    description_th = models.TextField(_("what happens (Thai)"))
    description_en = models.TextField(_("what happens (English)"), blank=True)
    responsible_unit = models.CharField(_("responsible unit"), max_length=300)
    duration_amount = models.PositiveIntegerField(_("duration"), validators=[MinValueValidator(1)])
    duration_unit = models.CharField(
        _("unit of duration"), max_length=20, choices=Duration.Unit.choices
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("step")
        verbose_name_plural = _("steps")

    def __str__(self):
        return self.description_th[:60]

    @property
    def description(self):
        return pick_language(self.description_th, self.description_en)

    @property
    def duration(self):
        return Duration(self.duration_amount, self.duration_unit)


class ManualDocument(models.Model):
    """A document the citizen brings (ID card, house registration, ...)."""

    item = models.ForeignKey(
        "catalog.Item",
        verbose_name=_("content item"),
        on_delete=models.CASCADE,
        related_name="manual_documents",
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    name_th = models.CharField(_("document (Thai)"), max_length=300)
    name_en = models.CharField(_("document (English)"), max_length=300, blank=True)
    copies = models.PositiveSmallIntegerField(_("copies"), default=1)
    note = models.CharField(_("note"), max_length=300, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("required document")
        verbose_name_plural = _("required documents")

    def __str__(self):
        return self.name_th

    @property
    def name(self):
        return pick_language(self.name_th, self.name_en)


class NewsDetail(Detail):
    """1.8: public relations news; activity news carries a photo gallery (Item.photos)."""

    class NewsKind(models.TextChoices):
        GENERAL = "general", _("General news")
        ACTIVITY = "activity", _("Activity photo news")
        ALERT = "alert", _("Alert")
        JOB = "job", _("Job announcement")
        ANNOUNCEMENT = "announcement", _("Other announcement")

    news_kind = models.CharField(_("kind of news"), max_length=20, choices=NewsKind.choices)
    # A news item with a date of the event is on the events calendar (events/).
    event_on = models.DateField(_("date of the event"), null=True, blank=True)
    event_ends_on = models.DateField(
        _("last day of the event"),
        null=True,
        blank=True,
        help_text=_("Only for an event of more than one day."),
    )
    location = models.CharField(_("place"), max_length=300, blank=True)
    apply_until = models.DateField(_("applications close on"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("news details")
        verbose_name_plural = _("news details")

    def clean(self):
        errors = {}
        if self.news_kind == self.NewsKind.JOB and not self.apply_until:
            errors["apply_until"] = _("A job announcement needs the closing date of applications.")
        if self.event_ends_on and not self.event_on:
            errors["event_on"] = _("Give the first day of the event too.")
        elif self.event_ends_on and self.event_ends_on < self.event_on:
            errors["event_ends_on"] = _("The event cannot end before it starts.")
        if errors:
            raise ValidationError(errors)


class ProcurementDetail(Detail):
    """1.8 and 1.5: a procurement announcement or its result (OIC notices, PPA s.66)."""

    class Stage(models.TextChoices):
        ANNOUNCEMENT = "announcement", _("Invitation to bid")
        RESULT = "result", _("Result (winner announcement)")

    class Method(models.TextChoices):
        E_BIDDING = "e_bidding", _("Electronic bidding (e-bidding)")
        E_MARKET = "e_market", _("Electronic market (e-market)")
        SELECTION = "selection", _("Selection")
        SPECIFIC = "specific", _("Specific method")

    stage = models.CharField(_("stage"), max_length=20, choices=Stage.choices)
    method = models.CharField(_("procurement method"), max_length=20, choices=Method.choices)
    project_number = models.CharField(_("e-GP project number"), max_length=50, blank=True)
    budget = models.DecimalField(
        _("budget (baht)"),
        max_digits=14,
        decimal_places=2,
        validators=[MinValueValidator(Decimal("0.01"))],
    )
    reference_price = models.DecimalField(
        _("reference price (baht)"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    announced_on = models.DateField(_("announced on"))
    bids_until = models.DateField(_("bids accepted until"), null=True, blank=True)
    winner = models.CharField(_("winner"), max_length=300, blank=True)
    agreed_price = models.DecimalField(
        _("agreed price (baht)"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    contract_number = models.CharField(_("contract number"), max_length=100, blank=True)
    contract_on = models.DateField(_("contract date"), null=True, blank=True)
    # สขร.1: why the winner was chosen (lowest price, meets the terms, ...).
    selection_reason = models.CharField(_("reason for the selection"), max_length=300, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("procurement details")
        verbose_name_plural = _("procurement details")

    def clean(self):
        errors = {}
        if self.stage == self.Stage.RESULT:
            if not self.winner:
                errors["winner"] = _("A procurement result needs the winner.")
            if self.agreed_price is None:
                errors["agreed_price"] = _("A procurement result needs the agreed price.")
        if self.bids_until and self.announced_on and self.bids_until < self.announced_on:
            errors["bids_until"] = _("Bids cannot close before the announcement.")
        if errors:
            raise ValidationError(errors)

    @property
    def result_on(self):
        """The day a result counts for in the monthly summary: its contract, else its notice."""
        return self.contract_on or self.announced_on

    @property
    def egp_search_url(self):
        return settings.EGP_SEARCH_URL if self.project_number else ""

    @property
    def budget_text(self):
        return bahttext(float(self.budget)) if self.budget is not None else ""

    @property
    def agreed_price_text(self):
        return bahttext(float(self.agreed_price)) if self.agreed_price is not None else ""


class ProcurementBid(models.Model):
    """A bidder and the price offered (the สขร.1 column รายชื่อผู้เสนอราคาและราคาที่เสนอ)."""

    item = models.ForeignKey(
        "catalog.Item",
        verbose_name=_("content item"),
        on_delete=models.CASCADE,
        related_name="bids",
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    bidder = models.CharField(_("bidder"), max_length=300)
    price = models.DecimalField(
        _("price offered (baht)"),
        max_digits=14,
        decimal_places=2,
        validators=[MinValueValidator(Decimal("0.01"))],
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("bid")
        verbose_name_plural = _("bids")

    def __str__(self):
        return self.bidder


class CouncilDetail(Detail):
    """A meeting notice, the minutes or a resolution of the local council (OIA s.9 (7)).

    One kind with a document type, as news has its kinds: the three share the meeting they
    belong to (session, number, date), and a notice is on the events calendar.
    """

    class DocumentType(models.TextChoices):
        NOTICE = "notice", _("Notice of a council meeting")
        MINUTES = "minutes", _("Minutes of a council meeting")
        RESOLUTION = "resolution", _("Council resolution")

    document_type = models.CharField(
        _("type of council document"), max_length=20, choices=DocumentType.choices
    )
    session = models.CharField(
        _("session"), max_length=200, help_text=_("e.g. สมัยสามัญ สมัยที่ 2 ประจำปี 2569")
    )
    meeting_number = models.CharField(
        _("meeting number"), max_length=50, help_text=_("e.g. ครั้งที่ 1/2569")
    )
    meeting_on = models.DateField(_("date of the meeting"))
    meeting_time = models.TimeField(_("time of the meeting"), null=True, blank=True)
    place = models.CharField(_("place"), max_length=300, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("council document details")
        verbose_name_plural = _("council document details")


class Person(models.Model):
    """Someone in the structure or among the executives (1.1), in order, with a portrait."""

    item = models.ForeignKey(
        "catalog.Item",
        verbose_name=_("content item"),
        on_delete=models.CASCADE,
        related_name="people",
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    name = models.CharField(_("full name"), max_length=200)
    position = models.CharField(_("position"), max_length=300)
    unit = models.CharField(_("unit"), max_length=300, blank=True)
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    photo = models.ForeignKey(
        "catalog.Photo",
        verbose_name=_("portrait"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    on_home_page = models.BooleanField(_("show on the home page"), default=False)
    history = HistoricalRecords()

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("person")
        verbose_name_plural = _("people")

    def __str__(self):
        return self.name

    def clean(self):
        if self.photo_id and self.item_id and self.photo.item_id != self.item_id:
            raise ValidationError({"photo": _("The portrait must be a photo of this same item.")})
