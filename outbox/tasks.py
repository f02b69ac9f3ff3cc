"""Sending the outbox: one background task per message, retried with a growing delay."""

import datetime
import logging

from django.conf import settings
from django.db.models import F
from django.utils import timezone
from django_tasks import default_task_backend, task

from .models import OutgoingMail

log = logging.getLogger(__name__)
# A send that has not finished after this long was cut off (SMTP timeouts are far shorter).
STALLED_AFTER = datetime.timedelta(minutes=15)


class MailNotSent(Exception):
    """The mail server refused or could not be reached; the message waits for its retry."""


def queue(messages):
    """Keep each EmailMessage as an OutgoingMail row and hand it to the task queue.

    Called where the message used to be sent. With the database backend the task is a row of
    the caller's transaction (a rolled-back change sends nothing); in the embedded default the
    task runs at once.
    """
    mails = [OutgoingMail.from_message(m) for m in messages if m is not None]
    for mail in mails:
        mail.save()
        send_outgoing_mail.enqueue(mail.pk)
    return mails


@task()
def send_outgoing_mail(mail_id):
    """Send one waiting message; a failure schedules the next attempt and marks this task failed."""
    outcome = deliver(mail_id)
    if outcome in {OutgoingMail.Status.RETRYING, OutgoingMail.Status.FAILED}:
        raise MailNotSent(f"Outgoing mail {mail_id}: {outcome}")
    return outcome


def deliver(mail_id, *, now=None):
    """Try to send a due message once; returns its new status ('' if it was not due)."""
    now = now or timezone.now()
    # Claimed by compare-and-set: the retry task and send_queued_mail never both send it.
    claimed = (
        OutgoingMail.objects.due(now)
        .filter(pk=mail_id)
        .update(status=OutgoingMail.Status.SENDING, attempts=F("attempts") + 1, next_attempt_at=now)
    )
    if not claimed:
        return ""
    mail = OutgoingMail.objects.get(pk=mail_id)
    try:
        mail.message().send()
    except Exception as error:  # noqa: BLE001 - any failure of the mail server is a retry
        return _failed(mail, error, now)
    mail.status, mail.sent_at, mail.last_error = OutgoingMail.Status.SENT, timezone.now(), ""
    # Once sent, the row keeps who, what subject and when, not the text: a password-reset link
    # or a citizen's details must not wait 30 days in the database (and in every backup).
    mail.body = ""
    mail.save(update_fields=["status", "sent_at", "last_error", "body"])
    return mail.status


def _failed(mail, error, now):
    mail.last_error = f"{type(error).__name__}: {error}"[:2000]
    if mail.attempts >= settings.OUTBOX_MAX_ATTEMPTS:
        mail.status = OutgoingMail.Status.FAILED
        log.error(
            "Gave up on outgoing mail %s after %d attempts: %s", mail.pk, mail.attempts, error
        )
    else:
        mail.status = OutgoingMail.Status.RETRYING
        mail.next_attempt_at = now + mail.retry_delay()
        log.warning("Outgoing mail %s not sent (attempt %d): %s", mail.pk, mail.attempts, error)
    mail.save(update_fields=["status", "last_error", "next_attempt_at"])
    if mail.status == OutgoingMail.Status.RETRYING and default_task_backend.supports_defer:
        send_outgoing_mail.using(run_after=mail.next_attempt_at).enqueue(mail.pk)
    return mail.status


def release_stalled(*, now=None):
    """Messages left 'being sent' by a worker that died mid-send go back to the queue.

    At least once rather than at most once: such a message may reach its reader twice, which
    is better than a notice the law requires never arriving.
    """
    now = now or timezone.now()
    return OutgoingMail.objects.filter(
        status=OutgoingMail.Status.SENDING, next_attempt_at__lt=now - STALLED_AFTER
    ).update(status=OutgoingMail.Status.RETRYING, next_attempt_at=now)


def send_again(mails, *, now=None):
    """A person asks for failed messages to be sent again: a fresh round of attempts."""
    now = now or timezone.now()
    pks = list(mails.exclude(status=OutgoingMail.Status.SENT).values_list("pk", flat=True))
    OutgoingMail.objects.filter(pk__in=pks).update(
        status=OutgoingMail.Status.QUEUED, attempts=0, next_attempt_at=now
    )
    for pk in pks:
        send_outgoing_mail.enqueue(pk)
    return len(pks)
