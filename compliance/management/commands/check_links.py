from django.core.management.base import BaseCommand, CommandError
from django_tasks import TaskResultStatus

from compliance.tasks import check_links_task


class Command(BaseCommand):
    help = (
        "Check the external links of live content (category 1.4 and links inside items) and "
        "store the results for the webmasters. Run daily; with TASK_BACKEND=database the "
        "worker runs the check."
    )

    def add_arguments(self, parser):
        parser.add_argument("--timeout", type=float, help="seconds per request")
        parser.add_argument("--workers", type=int, help="addresses checked at once")

    def handle(self, *args, timeout=None, workers=None, **options):
        result = check_links_task.enqueue(timeout=timeout, workers=workers)
        if result.status == TaskResultStatus.FAILED:
            raise CommandError(result.errors[0].traceback)
        if result.status != TaskResultStatus.SUCCESSFUL:
            self.stdout.write(f"Link check queued for the worker (task {result.id}).")
            return
        summary = result.return_value
        for url, why in summary["broken"]:
            self.stdout.write(f"broken: {url} ({why})")
        self.stdout.write(f"{summary['checked']} links checked, {len(summary['broken'])} broken.")
