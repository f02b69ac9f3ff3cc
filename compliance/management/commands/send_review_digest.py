from django.core.management.base import BaseCommand

from compliance.digest import send_review_digest


class Command(BaseCommand):
    help = (
        "E-mail the webmasters the items near the end of their publication period or due for "
        "review (announcement 3.2). Run daily; a second run on the same day sends nothing."
    )

    def handle(self, *args, **options):
        digest = send_review_digest()
        if digest is None:
            self.stdout.write("Today's digest was already sent; nothing to do.")
            return
        self.stdout.write(
            f"Digest of {digest.day}: {digest.ending_count} ending, "
            f"{digest.review_count} due for review; sent to: {digest.recipients or 'nobody'}."
        )
