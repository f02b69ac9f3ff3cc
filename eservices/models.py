"""E-services (announcement 1.9): what citizens send the municipality online, and its handling.

A `Service` is what a citizen can file (a general request, a complaint, a corruption report,
an information request, a question, or any service staff add). A `Case` is one filing, with
its tracking code and private link; every change to it is a `CaseStep` row.
"""

import datetime
import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import IntegrityError, models, transaction
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from catalog import filetypes
from catalog.durations import Duration
from catalog.uploads import InspectedFile
from chiangkhian.models import pick_language
from chiangkhian.thaidates import fiscal_year

from . import deadlines
from .querysets import CaseQuerySet, ServiceQuerySet


class Service(models.Model):
    """One online service: its form, handling unit, deadline and who sees its cases."""

    class Kind(models.TextChoices):
        GENERAL = "general", _("General request")
        COMPLAINT = "complaint", _("Complaint or grievance")
        CORRUPTION = "corruption", _("Corruption or misconduct report")
        INFORMATION = "information", _("Official information request")
        QUESTION = "question", _("Question")

    kind = models.CharField(_("kind of service"), max_length=20, choices=Kind.choices)
    slug = models.SlugField(_("web address name"), unique=True)
    name_th = models.CharField(_("name (Thai)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200, blank=True)
    description_th = models.TextField(_("description (Thai)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    code_prefix = models.CharField(
        _("tracking code prefix"),
        max_length=3,
        help_text=_("One or two Thai letters, e.g. ร for complaints: ร-2570-000123."),
    )
    unit = models.ForeignKey(
        "chiangkhian.Unit",
        verbose_name=_("handling unit"),
        on_delete=models.PROTECT,
        related_name="services",
    )
    manual = models.ForeignKey(
        "catalog.Item",
        verbose_name=_("citizen manual"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        limit_choices_to={"kind": "manual"},
        related_name="services",
        help_text=_(
            "A citizen manual (category 1.7): its required documents become upload fields, "
            "its fee is shown and its steps give the deadline."
        ),
    )
    default_days = models.PositiveSmallIntegerField(
        _("days to finish"),
        default=15,
        validators=[MinValueValidator(1)],
        help_text=_("Used when the service has no manual with steps."),
    )
    working_days = models.BooleanField(_("count working days only"), default=False)
    is_online = models.BooleanField(_("open for filing online"), default=True)
    cases_public = models.BooleanField(
        _("list its cases publicly"),
        default=False,
        help_text=_("Category, place, status and dates only; never personal data."),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    objects = ServiceQuerySet.as_manager()

    # Addresses of the e-service pages themselves, which a service's slug must not shadow.
    RESERVED_SLUGS = {"track", "questions", "cases", "statistics"}

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("online service")
        verbose_name_plural = _("online services")
        constraints = [
            models.CheckConstraint(
                condition=~Q(kind="corruption") | Q(cases_public=False),
                name="corruption_cases_never_public",
                violation_error_message=_("Corruption reports are never listed publicly."),
            )
        ]

    def __str__(self):
        return self.name_th

    def get_absolute_url(self):
        return reverse("eservices:file", kwargs={"slug": self.slug})

    def clean(self):
        if self.slug in self.RESERVED_SLUGS:
            raise ValidationError(
                {
                    "slug": _("“%(slug)s” is used by the e-service pages; choose another name.")
                    % {"slug": self.slug}
                }
            )

    @property
    def name(self):
        return pick_language(self.name_th, self.name_en)

    @property
    def description(self):
        return pick_language(self.description_th, self.description_en)

    @property
    def is_corruption(self):
        return self.kind == self.Kind.CORRUPTION

    @property
    def has_place(self):
        return self.kind == self.Kind.COMPLAINT

    def required_documents(self):
        """The documents the citizen manual asks for, to upload with the form."""
        return list(self.manual.manual_documents.all()) if self.manual_id else []

    @property
    def fee(self):
        detail = getattr(self.manual, "manualdetail", None) if self.manual_id else None
        return detail.fee if detail else None

    def durations(self):
        """The promised time: the manual's steps when it has any, else the default days."""
        steps = list(self.manual.manual_steps.all()) if self.manual_id else []
        if steps:
            return Duration.total(step.duration for step in steps)
        unit = Duration.Unit.WORKING_DAYS if self.working_days else Duration.Unit.DAYS
        return [Duration(self.default_days, unit)]

    def due_on(self, received: datetime.date) -> datetime.date:
        return deadlines.due_date(received, self.durations())

    def promised_days(self) -> int:
        """The promised time in calendar days from a Monday (for statistics)."""
        start = datetime.date(2024, 1, 1)
        return (self.due_on(start) - start).days


class Topic(models.TextChoices):
    """What a complaint is about (the categories a citizen picks)."""

    ROADS = "roads", _("Roads, footpaths, drains")
    LIGHTS = "lights", _("Street lights")
    WASTE = "waste", _("Waste collection")
    WATER = "water", _("Water supply, flooding")
    NUISANCE = "nuisance", _("Noise, smell, smoke (nuisance)")
    ANIMALS = "animals", _("Stray animals")
    TREES = "trees", _("Trees and public spaces")
    OTHER = "other", _("Other")


class TrackingCounter(models.Model):
    """The last number given per code prefix and fiscal year (ร-2570-000123)."""

    prefix = models.CharField(max_length=3)
    fiscal_year = models.PositiveSmallIntegerField()
    last = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["prefix", "fiscal_year"], name="one_counter_per_year")
        ]

    def __str__(self):
        return f"{self.prefix}-{self.fiscal_year}: {self.last}"

    @classmethod
    def next_code(cls, prefix: str, day: datetime.date) -> str:
        """The next code; the UPDATE locks the counter row, so two filings never share one."""
        year = fiscal_year(day)
        with transaction.atomic():
            if not cls.objects.filter(prefix=prefix, fiscal_year=year).exists():
                try:
                    with transaction.atomic():
                        cls.objects.create(prefix=prefix, fiscal_year=year)
                except IntegrityError:
                    pass  # created by a concurrent filing in the meantime
            cls.objects.filter(prefix=prefix, fiscal_year=year).update(last=F("last") + 1)
            number = cls.objects.get(prefix=prefix, fiscal_year=year).last
        return f"{prefix}-{year}-{number:06d}"


def _token():
    return secrets.token_urlsafe(24)


class Case(models.Model):
    """One filing by a citizen, from receipt to closing."""

    class Status(models.TextChoices):
        RECEIVED = "received", _("Received, waiting to be taken up")
        IN_PROGRESS = "in_progress", _("In progress")
        WAITING = "waiting", _("Waiting for more information from you")
        DONE = "done", _("Finished")
        REFERRED = "referred", _("Not our responsibility: referred")

    OPEN = [Status.RECEIVED, Status.IN_PROGRESS, Status.WAITING]
    CLOSED = [Status.DONE, Status.REFERRED]
    # Fields that identify the citizen: shown only to the handling unit (or the designated
    # recipients of corruption reports), and erased after the retention period.
    PERSONAL_FIELDS = ["name", "phone", "email", "address", "id_card"]

    service = models.ForeignKey(
        Service, verbose_name=_("service"), on_delete=models.PROTECT, related_name="cases"
    )
    code = models.CharField(_("tracking code"), max_length=20, unique=True, editable=False)
    token = models.CharField(max_length=64, unique=True, default=_token, editable=False)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.RECEIVED, db_index=True
    )
    topic = models.CharField(_("category"), max_length=20, choices=Topic.choices, blank=True)
    subject = models.CharField(_("subject"), max_length=200)
    description = models.TextField(_("details"))
    place = models.CharField(_("place"), max_length=300, blank=True)
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
    )
    anonymous = models.BooleanField(_("anonymous"), default=False)
    name = models.CharField(_("name"), max_length=200, blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    address = models.TextField(_("address"), blank=True)
    id_card = models.CharField(_("national ID number"), max_length=13, blank=True)
    accused = models.TextField(
        _("people the report is about"),
        blank=True,
        help_text=_("Names or positions, as the reporter gave them."),
    )
    named_officials = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("officials named in the report"),
        blank=True,
        related_name="+",
        help_text=_("They never see this case, whatever their role."),
    )
    unit = models.ForeignKey(
        "chiangkhian.Unit",
        verbose_name=_("handling unit"),
        on_delete=models.PROTECT,
        related_name="cases",
    )
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("assigned to"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    received_at = models.DateTimeField(_("received at"), default=timezone.now, db_index=True)
    consent_at = models.DateTimeField(_("privacy notice accepted at"), null=True, blank=True)
    due_on = models.DateField(_("due on"), db_index=True)
    status_changed_at = models.DateTimeField(_("status changed at"), default=timezone.now)
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True, db_index=True)
    referred_to = models.CharField(_("referred to"), max_length=300, blank=True)
    rating = models.PositiveSmallIntegerField(
        _("satisfaction"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(5)],
    )
    rating_comment = models.TextField(_("comment on the service"), blank=True)
    personal_data_erased_at = models.DateTimeField(
        _("personal data erased at"), null=True, blank=True
    )

    objects = CaseQuerySet.as_manager()

    class Meta:
        ordering = ["-received_at", "-pk"]
        verbose_name = _("case")
        verbose_name_plural = _("cases")
        permissions = [
            ("handle_case", _("Can handle the cases of their own unit")),
            ("receive_corruption_report", _("Is a designated recipient of corruption reports")),
            ("oversee_cases", _("Can see the overview of overdue cases")),
            ("publish_answer", _("Can publish answers on the Q&A page")),
        ]

    def __str__(self):
        return self.code

    def get_absolute_url(self):
        return reverse("eservices:track", kwargs={"token": self.token})

    @property
    def is_open(self):
        return self.status in self.OPEN

    def is_overdue(self, today=None):
        return self.is_open and self.due_on < (today or timezone.localdate())

    def has_personal_data(self):
        return any(getattr(self, field) for field in self.PERSONAL_FIELDS)

    def contact_matches(self, contact: str) -> bool:
        """The phone number or e-mail the citizen gave, typed again (spaces and dashes ignored)."""
        contact = (contact or "").strip()
        if not contact:
            return False
        if "@" in contact:
            return bool(self.email) and self.email.lower() == contact.lower()
        digits = "".join(ch for ch in contact if ch.isdigit())
        mine = "".join(ch for ch in self.phone if ch.isdigit())
        return len(digits) >= 9 and digits == mine


class CaseStep(models.Model):
    """One recorded step: who, when, the unit, the note, and whether the citizen sees it."""

    class Action(models.TextChoices):
        FILE = "file", _("Received online")
        ACCEPT = "accept", _("Accepted")
        ASSIGN = "assign", _("Assigned")
        REASSIGN = "reassign", _("Sent to another unit")
        ASK = "ask", _("More information asked")
        CITIZEN_INFO = "citizen_info", _("Information added by the citizen")
        REPLY = "reply", _("Reply")
        NOTE = "note", _("Internal note")
        CLOSE_DONE = "close_done", _("Closed as finished")
        CLOSE_REFERRED = "close_referred", _("Closed: referred to another agency")
        RATE = "rate", _("Rated by the citizen")
        PUBLISH_ANSWER = "publish_answer", _("Published on the Q&A page")
        ERASE = "erase", _("Personal data erased")

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="steps")
    action = models.CharField(_("action"), max_length=20, choices=Action.choices)
    from_status = models.CharField(
        _("from"), max_length=20, choices=Case.Status.choices, blank=True
    )
    to_status = models.CharField(_("to"), max_length=20, choices=Case.Status.choices)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    at = models.DateTimeField(_("at"), default=timezone.now)
    unit = models.ForeignKey(
        "chiangkhian.Unit", verbose_name=_("unit"), on_delete=models.PROTECT, related_name="+"
    )
    note = models.TextField(_("note"), blank=True)
    to_citizen = models.BooleanField(_("shown to the citizen"), default=False)

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = _("case step")
        verbose_name_plural = _("case steps")

    def __str__(self):
        return f"{self.case} {self.get_action_display()}"


def case_file_path(instance, filename):
    return f"eservices/{timezone.now():%Y/%m}/{secrets.token_hex(16)}.{instance.extension}"


class CaseFile(InspectedFile):
    """A photo or document sent with a case, inspected exactly as staff uploads are."""

    class Kind(models.TextChoices):
        PHOTO = "photo", _("Photo")
        DOCUMENT = "document", _("Document")

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="files")
    step = models.ForeignKey(
        CaseStep, on_delete=models.SET_NULL, null=True, blank=True, related_name="files"
    )
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.DOCUMENT)
    label = models.CharField(_("document"), max_length=300, blank=True)
    file = models.FileField(_("file"), upload_to=case_file_path, max_length=200)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("case file")
        verbose_name_plural = _("case files")

    def __str__(self):
        return self.label or self.original_name

    @property
    def only_types(self):
        return filetypes.IMAGE_TYPES if self.kind == self.Kind.PHOTO else None


class PersonalDataView(models.Model):
    """A staff member saw a case's personal data (PDPA: who looked, and when)."""

    case = models.ForeignKey(
        Case, verbose_name=_("case"), on_delete=models.CASCADE, related_name="personal_data_views"
    )
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("by"), on_delete=models.PROTECT, related_name="+"
    )
    at = models.DateTimeField(_("at"), default=timezone.now)
    # Empty for the contact details; a photo or document the citizen sent otherwise.
    what = models.CharField(_("what was seen"), max_length=300, blank=True)

    class Meta:
        ordering = ["-at"]
        verbose_name = _("view of personal data")
        verbose_name_plural = _("views of personal data")

    def __str__(self):
        seen = self.what or _("contact details")
        return f"{self.case} · {seen} · {self.by} · {self.at:%Y-%m-%d %H:%M}"


class Reminder(models.Model):
    """A deadline reminder sent, so that the command sends each one once."""

    class Kind(models.TextChoices):
        DUE_SOON = "due_soon", _("Due soon")
        OVERDUE = "overdue", _("Overdue")

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="reminders")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    due_on = models.DateField()
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["case", "kind", "due_on"], name="one_reminder_per_deadline"
            )
        ]

    def __str__(self):
        return f"{self.case} {self.kind}"


class PublishedAnswer(models.Model):
    """A question and its answer on the public Q&A page: only once a webmaster publishes it."""

    case = models.OneToOneField(
        Case, verbose_name=_("case"), on_delete=models.CASCADE, related_name="published_answer"
    )
    question = models.TextField(_("question as published"))
    answer = models.TextField(_("answer"))
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("published by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    published_at = models.DateTimeField(_("published at"), default=timezone.now)

    class Meta:
        ordering = ["-published_at", "-pk"]
        verbose_name = _("published answer")
        verbose_name_plural = _("published answers")

    def __str__(self):
        return self.question[:80]
