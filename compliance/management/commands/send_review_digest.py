from django.core.management.base import BaseCommand, CommandError
from django_tasks import TaskResultStatus

from compliance.tasks import send_review_digest_task


class Command(BaseCommand):
    help = (
        "E-mail the webmasters the items near the end of their publication period or due for "
        "review (announcement 3.2). Run daily; a second run on the same day sends nothing. "
        "With TASK_BACKEND=database the worker composes and queues it."
    )

    def handle(self, *args, **options):
        result = send_review_digest_task.enqueue()
        if result.status == TaskResultStatus.FAILED:
            raise CommandError(result.errors[0].traceback)
        if result.status != TaskResultStatus.SUCCESSFUL:
            self.stdout.write(f"Digest queued for the worker (task {result.id}).")
            return
        digest = result.return_value
        if digest is None:
            self.stdout.write("Today's digest was already sent; nothing to do.")
            return
        self.stdout.write(
            f"Digest of {digest['day']}: {digest['ending']} ending, "
            f"{digest['review']} due for review; sent to: {digest['recipients'] or 'nobody'}."
        )
