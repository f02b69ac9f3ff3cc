import datetime

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from outbox.models import OutgoingMail
from outbox.tasks import deliver, release_stalled


class Command(BaseCommand):
    help = (
        "Send the e-mails whose next attempt is due (a backstop for the task queue, and the "
        "retries of the embedded default), retry those cut off mid-send, and delete sent ones "
        "past OUTBOX_SENT_RETENTION_DAYS."
    )

    def handle(self, *args, **options):
        now = timezone.now()
        stalled = release_stalled(now=now)
        due = OutgoingMail.objects.due(now).values_list("pk", flat=True)
        outcomes = [deliver(pk, now=now) for pk in due]
        sent = outcomes.count(OutgoingMail.Status.SENT)
        cutoff = now - datetime.timedelta(days=settings.OUTBOX_SENT_RETENTION_DAYS)
        pruned, _ = OutgoingMail.objects.filter(
            status=OutgoingMail.Status.SENT, sent_at__lt=cutoff
        ).delete()
        failed = OutgoingMail.objects.failed().count()
        self.stdout.write(
            f"{sent} of {len(outcomes)} due e-mails sent ({stalled} cut off mid-send retried); "
            f"{pruned} old sent e-mails deleted; "
            f"{failed} failed e-mails wait for a superuser."
        )
