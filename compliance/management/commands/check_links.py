from django.core.management.base import BaseCommand

from compliance.links import check_links


class Command(BaseCommand):
    help = (
        "Check the external links of live content (category 1.4 and links inside items) and "
        "store the results for the webmasters. Run daily."
    )

    def add_arguments(self, parser):
        parser.add_argument("--timeout", type=float, help="seconds per request")
        parser.add_argument("--workers", type=int, help="addresses checked at once")

    def handle(self, *args, timeout=None, workers=None, **options):
        results = check_links(timeout=timeout, workers=workers)
        broken = [result for result in results if not result.ok]
        for result in broken:
            self.stdout.write(f"broken: {result.url} ({result.status_code or result.error})")
        self.stdout.write(f"{len(results)} links checked, {len(broken)} broken.")
