from django.core.management.base import BaseCommand

from catalog.models import Item
from publishing import transitions


class Command(BaseCommand):
    help = (
        "Record the end of publication of every published item past its end (announcement "
        "3.2) and tell the owners and webmasters. Idempotent: safe to run every few minutes."
    )

    def handle(self, *args, **options):
        # live() already hides these items from the public; this records it and tells people.
        taken_down = sum(
            transitions.expire(item=item) for item in Item.objects.expired().order_by("pk")
        )
        self.stdout.write(f"{taken_down} item(s) taken down.")
