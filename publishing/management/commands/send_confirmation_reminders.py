from django.core.management.base import BaseCommand
from django.utils import timezone

from publishing import notify
from publishing.models import PublicationRequest


class Command(BaseCommand):
    help = (
        "Remind approvers of verbal approvals not yet confirmed in writing "
        "(daily; once a day each)."
    )

    def handle(self, *args, **options):
        today = timezone.localdate()
        waiting = PublicationRequest.objects.waiting_for_written_confirmation().select_related(
            "item", "approved_by"
        )
        sent = sum(notify.confirmation_reminder(pr, today=today) for pr in waiting)
        self.stdout.write(f"{sent} reminders sent.")
