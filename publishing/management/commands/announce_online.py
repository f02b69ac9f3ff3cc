from django.core.management.base import BaseCommand
from django.utils import timezone

from catalog.models import Item
from publishing import transitions
from publishing.models import PublicationRequest


class Command(BaseCommand):
    help = (
        "Tell the owners of items published with a later start that their item is now on the "
        "website (announcement 2.2.2). Idempotent: safe to run every few minutes."
    )

    def handle(self, *args, **options):
        now = timezone.now()
        due = PublicationRequest.objects.filter(
            status=PublicationRequest.Status.PUBLISHED,
            online_announced_at__isnull=True,
            item__status=Item.Status.PUBLISHED,
            item__publish_at__lte=now,
        ).select_related("item__subcategory__category", "requester", "checked_by", "approved_by")
        told = sum(transitions.announce_online(publication_request=pr, now=now) for pr in due)
        self.stdout.write(f"{told} owner(s) told their scheduled item is online.")
