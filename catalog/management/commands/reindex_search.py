from django.core.management.base import BaseCommand

from catalog import search
from catalog.models import Item


class Command(BaseCommand):
    help = "Rebuild the search documents of every published item (idempotent)."

    def handle(self, *args, **options):
        count = search.index_all(Item.objects.filter(status=Item.Status.PUBLISHED))
        self.stdout.write(f"{count} items indexed for search.")
