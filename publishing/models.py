from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from .querysets import PublicationRequestQuerySet

# The catalog.Item fields a request fills in: the form of announcement 2.2.1 and the
# metadata of 2.2 (source or owner, data period, publication date, end of the period).
ITEM_FIELDS = [
    "subcategory",
    "kind",
    "title_th",
    "summary_th",
    "body_th",
    "external_url",
    "owner_unit",
    "source",
    "data_from",
    "data_to",
    "publish_at",
    "expire_at",
    "review_at",
    "no_end_reason",
    "document_date",
    "title_en",
    "summary_en",
    "body_en",
]

# A request holds its item from filing until it is rejected, withdrawn or expired
# (PublicationRequest.Status values; the constraint below needs them before the class exists).
OPEN_STATUSES = ["draft", "submitted", "returned", "checked", "approved", "published"]


class PublicationRequest(models.Model):
    """The publication request form of announcement 2.2.1, and where it is in the workflow.

    The content itself is a draft catalog.Item (for a change to live content, a new draft
    whose revision_of is the live item). Only publishing.transitions changes `status`.
    """

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Waiting for check")
        RETURNED = "returned", _("Returned for changes")
        CHECKED = "checked", _("Waiting for approval")
        APPROVED = "approved", _("Waiting for publishing")
        REJECTED = "rejected", _("Not approved")
        PUBLISHED = "published", _("Published")
        WITHDRAWN = "withdrawn", _("Withdrawn")
        EXPIRED = "expired", _("Publication period ended")

    class ApprovalMode(models.TextChoices):
        WRITTEN = "written", _("Written approval")
        # Announcement 2.2.1: "in urgent cases verbal permission is acceptable".
        VERBAL = "verbal", _("Urgent verbal approval")

    class RejectionReason(models.TextChoices):
        # Announcement 2.2.3 gives the first two as examples.
        NOT_MISSION = "not_mission", _("Not related to the municipality's mission")
        FILE_FORMAT = "file_format", _("File format not allowed")
        INCORRECT = "incorrect", _("Information incorrect or incomplete")
        OTHER = "other", _("Other")

    OPEN_STATUSES = OPEN_STATUSES
    EDITABLE_STATUSES = [Status.DRAFT, Status.RETURNED]

    item = models.ForeignKey(
        "catalog.Item",
        verbose_name=_("content item"),
        on_delete=models.PROTECT,
        related_name="publication_requests",
    )
    unit = models.ForeignKey(
        "chiangkhian.Unit",
        verbose_name=_("requesting unit"),
        on_delete=models.PROTECT,
        related_name="publication_requests",
    )
    requester = models.ForeignKey(
        "chiangkhian.User",
        verbose_name=_("requester"),
        on_delete=models.PROTECT,
        related_name="publication_requests",
    )
    created_at = models.DateTimeField(_("request date"), default=timezone.now)
    remarks = models.TextField(_("remarks"), blank=True)

    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    # When the request entered its current status: how long it has waited in a queue.
    status_changed_at = models.DateTimeField(_("in this status since"), default=timezone.now)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)

    checked_by = models.ForeignKey(
        "chiangkhian.User",
        verbose_name=_("checked by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    checked_at = models.DateTimeField(_("checked at"), null=True, blank=True)

    approved_by = models.ForeignKey(
        "chiangkhian.User",
        verbose_name=_("approved by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    approved_at = models.DateTimeField(_("approval recorded at"), null=True, blank=True)
    approval_mode = models.CharField(
        _("approval mode"), max_length=10, choices=ApprovalMode.choices, blank=True
    )
    verbal_relayed_by = models.ForeignKey(
        "chiangkhian.User",
        verbose_name=_("verbal approval relayed by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    verbal_given_at = models.DateTimeField(_("verbal approval given at"), null=True, blank=True)
    confirmed_in_writing_at = models.DateTimeField(
        _("confirmed in writing at"), null=True, blank=True
    )

    rejected_by = models.ForeignKey(
        "chiangkhian.User",
        verbose_name=_("rejected by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    rejected_at = models.DateTimeField(_("rejected at"), null=True, blank=True)
    rejection_reason = models.CharField(
        _("reason for rejection"), max_length=20, choices=RejectionReason.choices, blank=True
    )
    rejection_note = models.TextField(_("explanation of the rejection"), blank=True)

    published_by = models.ForeignKey(
        "chiangkhian.User",
        verbose_name=_("published by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    # The start the requester asked for, as it was when the webmaster published; the item's
    # publish_at then becomes the real publication date (never before published_at).
    requested_publish_at = models.DateTimeField(
        _("requested publication date"), null=True, blank=True
    )
    # When the owner was told the item is online: at publishing, or (a scheduled start) by
    # `announce_online` once its start has come. Empty while that is still to do.
    online_announced_at = models.DateTimeField(_("owner told it is online"), null=True, blank=True)
    # The address announced when it was published (a record); the form prints public_address.
    public_url = models.URLField(_("public address"), max_length=500, blank=True)
    # Items moved in from an old website together (publishing.importing): the batch is one
    # request for the workflow. Its first request (position 1) is the one that is checked,
    # approved and published; the others move with it (publishing.transitions._move).
    batch = models.ForeignKey(
        "publishing.ImportBatch",
        verbose_name=_("import batch"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="requests",
    )
    batch_position = models.PositiveIntegerField(_("position in the batch"), null=True, blank=True)

    history = HistoricalRecords()

    objects = PublicationRequestQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("publication request")
        verbose_name_plural = _("publication requests")
        permissions = [
            ("submit_publicationrequest", _("Can submit a publication request")),
            ("check_publicationrequest", _("Can check a publication request")),
            ("approve_publicationrequest", _("Can approve or reject a publication request")),
            ("record_verbal_approval", _("Can record an urgent verbal approval")),
            ("publish_publicationrequest", _("Can publish an approved request")),
            ("withdraw_publicationrequest", _("Can withdraw published content")),
            ("import_items", _("Can import many items at once from an old website")),
        ]
        constraints = [
            # Wagtail's rule: one workflow at a time per object, enforced by the database.
            models.UniqueConstraint(
                fields=["item"],
                condition=models.Q(status__in=OPEN_STATUSES),
                name="one_open_request_per_item",
            )
        ]

    def __str__(self):
        return self.item.title_th

    def get_absolute_url(self):
        return reverse("admin:publishing_publicationrequest_change", args=[self.pk])

    @property
    def leads_batch(self):
        """The request that stands for its whole import batch in the workflow."""
        return self.batch_id is not None and self.batch_position == 1

    @property
    def is_revision(self):
        return self.item.revision_of_id is not None

    @property
    def live_item(self):
        """The item the public sees for this request: the revised one for a revision."""
        return self.item.revision_of if self.is_revision else self.item

    @property
    def overtaken_by_withdrawal(self):
        """A revision filed while its content was online, withdrawn since: it must not bring
        the content back (that takes a request filed after the withdrawal)."""
        live = self.live_item
        return (
            self.is_revision
            and live.status == live.Status.WITHDRAWN
            and live.withdrawn_at is not None
            and live.withdrawn_at > self.item.created_at
        )

    @property
    def requested_start(self):
        """The publication start the requester asked for (the item's own until published)."""
        return self.requested_publish_at or self.item.publish_at

    @property
    def starts_when_published(self):
        """A requested start in the past, not yet published: it goes online on publishing."""
        start = self.requested_start
        return self.published_at is None and start is not None and start <= timezone.now()

    @property
    def public_address(self):
        """The live item's public address now: SITE_URL and its current category (Thai URL).

        Computed, not the stored public_url: the configured address or the item's category
        may have changed since it was published. Empty until it is published.
        """
        if self.published_at is None:
            return ""
        with translation.override(settings.LANGUAGE_CODE):
            path = self.live_item.get_absolute_url()
        return f"{settings.SITE_URL}{path}"

    @property
    def scheduled_for(self):
        """The future publication date of published content not online yet, else None."""
        if self.status != self.Status.PUBLISHED:
            return None
        start = self.live_item.publish_at
        return start if start and start > timezone.now() else None

    @property
    def awaits_written_confirmation(self):
        return (
            self.approval_mode == self.ApprovalMode.VERBAL
            and self.confirmed_in_writing_at is None
            and self.status in {self.Status.APPROVED, self.Status.PUBLISHED}
        )

    @property
    def confirmation_due_on(self):
        """The last day to confirm a verbal approval in writing, None when nothing waits."""
        if not self.awaits_written_confirmation:
            return None
        from .deadlines import confirmation_due_on

        return confirmation_due_on(self.verbal_given_at or self.approved_at)

    @property
    def confirmation_overdue(self):
        due = self.confirmation_due_on
        return due is not None and due < timezone.localdate()


class ImportBatch(models.Model):
    """Items moved in from an old website in one go, from a spreadsheet and a zip of files.

    For the workflow the batch is one request: one submission, one check, one approval, one
    publication, one filed form listing every item. Each item still has a request row of its
    own (PublicationRequest.batch), so that once online it is withdrawn, expires and is
    revised on its own, as any other item.
    """

    created_by = models.ForeignKey(
        "chiangkhian.User",
        verbose_name=_("imported by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    unit = models.ForeignKey(
        "chiangkhian.Unit",
        verbose_name=_("requesting unit"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    created_at = models.DateTimeField(_("imported at"), default=timezone.now)
    spreadsheet_name = models.CharField(_("spreadsheet"), max_length=255, blank=True)
    archive_name = models.CharField(_("zip of files"), max_length=255, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("import batch")
        verbose_name_plural = _("import batches")

    def __str__(self):
        return self.spreadsheet_name or str(self.pk)


class StatusChange(models.Model):
    """One step of a request's workflow: who moved it from which status to which, when, why."""

    class Action(models.TextChoices):
        FILE = "file", _("Filed the request")
        SUBMIT = "submit", _("Submitted for checking")
        CHECK = "check", _("Checked")
        RETURN = "return", _("Returned to the requester")
        APPROVE = "approve", _("Approved")
        CONFIRM = "confirm", _("Confirmed the verbal approval in writing")
        REJECT = "reject", _("Rejected")
        PUBLISH = "publish", _("Published")
        WITHDRAW = "withdraw", _("Withdrew from the website")
        EXPIRE = "expire", _("Took down at the end of the publication period")

    request = models.ForeignKey(
        PublicationRequest,
        verbose_name=_("publication request"),
        on_delete=models.PROTECT,
        related_name="changes",
    )
    action = models.CharField(_("action"), max_length=20, choices=Action.choices)
    from_status = models.CharField(
        _("from"), max_length=20, choices=PublicationRequest.Status.choices, blank=True
    )
    to_status = models.CharField(_("to"), max_length=20, choices=PublicationRequest.Status.choices)
    # Empty for the system (take_down_expired).
    by = models.ForeignKey(
        "chiangkhian.User",
        verbose_name=_("by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    at = models.DateTimeField(_("at"), default=timezone.now)
    note = models.TextField(_("note"), blank=True)

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = _("status change")
        verbose_name_plural = _("status changes")

    def __str__(self):
        return f"{self.request_id}: {self.from_status} → {self.to_status}"


class Notification(models.Model):
    """A message in a staff member's back-office inbox (also sent by e-mail)."""

    recipient = models.ForeignKey(
        "chiangkhian.User",
        verbose_name=_("recipient"),
        on_delete=models.CASCADE,
        related_name="notifications",
    )
    request = models.ForeignKey(
        PublicationRequest,
        verbose_name=_("publication request"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="notifications",
    )
    message = models.TextField(_("message"))
    created = models.DateTimeField(_("created"), default=timezone.now)
    read = models.BooleanField(_("read"), default=False)

    class Meta:
        ordering = ["-created", "-pk"]
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        indexes = [models.Index(fields=["recipient", "read"])]

    def __str__(self):
        return self.message
