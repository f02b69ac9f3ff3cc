"""Every e-mail the site sends, kept as a row until it is sent (issue 12, part 5).

A message is written here in the transaction of the change it tells about, then sent by a
background task (outbox.tasks) once that transaction commits. A mail server that is down
never turns a workflow step into an error, and never loses the message: the task retries
with a growing delay, and a message that still fails is listed for the superusers in the back
office, where they can send it again.
"""

import datetime

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# Minutes to wait after the n-th failed attempt (the last entry repeats up to the limit).
RETRY_DELAYS_MINUTES = [1, 5, 30, 120, 360]


class OutgoingMailQuerySet(models.QuerySet):
    def due(self, now=None):
        """Messages waiting to be sent whose next attempt time has come."""
        now = now or timezone.now()
        return self.filter(
            status__in=[OutgoingMail.Status.QUEUED, OutgoingMail.Status.RETRYING],
            next_attempt_at__lte=now,
        )

    def failed(self):
        """Messages that gave up after the last attempt: a person must look at them."""
        return self.filter(status=OutgoingMail.Status.FAILED)


class OutgoingMail(models.Model):
    class Status(models.TextChoices):
        QUEUED = "queued", _("Waiting to be sent")
        SENDING = "sending", _("Being sent")
        RETRYING = "retrying", _("Failed, will be tried again")
        FAILED = "failed", _("Failed, gave up")
        SENT = "sent", _("Sent")

    created_at = models.DateTimeField(_("written at"), default=timezone.now, db_index=True)
    subject = models.CharField(_("subject"), max_length=255)
    body = models.TextField(_("body"))
    from_email = models.CharField(_("from"), max_length=254)
    to = models.JSONField(_("to"), default=list)
    cc = models.JSONField(_("cc"), default=list, blank=True)
    bcc = models.JSONField(_("bcc"), default=list, blank=True)
    reply_to = models.JSONField(_("reply to"), default=list, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.QUEUED, db_index=True
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    next_attempt_at = models.DateTimeField(_("next attempt at"), default=timezone.now)
    last_error = models.TextField(_("last error"), blank=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)

    objects = OutgoingMailQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("outgoing e-mail")
        verbose_name_plural = _("outgoing e-mails")
        indexes = [models.Index(fields=["status", "next_attempt_at"], name="outbox_due_idx")]

    def __str__(self):
        return self.subject

    @classmethod
    def from_message(cls, message):
        return cls(
            subject=str(message.subject)[:255],
            body=str(message.body),
            from_email=message.from_email or settings.DEFAULT_FROM_EMAIL,
            to=list(message.to),
            cc=list(message.cc),
            bcc=list(message.bcc),
            reply_to=list(message.reply_to),
        )

    def message(self):
        return EmailMessage(
            self.subject,
            self.body,
            self.from_email,
            self.to,
            bcc=self.bcc,
            cc=self.cc,
            reply_to=self.reply_to,
        )

    @property
    def recipients_label(self):
        return ", ".join([*self.to, *self.cc])

    def retry_delay(self):
        """How long to wait after the attempt just failed (attempts already counts it)."""
        index = min(self.attempts, len(RETRY_DELAYS_MINUTES)) - 1
        return datetime.timedelta(minutes=RETRY_DELAYS_MINUTES[max(index, 0)])
