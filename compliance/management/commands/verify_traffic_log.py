from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from compliance import chain
from compliance.models import TrafficLog


class Command(BaseCommand):
    help = (
        "Verify the traffic log's hash chain (Computer Crime Act s.26: integrity of traffic "
        "data); names the first row that breaks it and exits with an error. Run daily."
    )

    def handle(self, *args, **options):
        outside = TrafficLog.objects.filter(seq__isnull=True).order_by("at", "pk").first()
        rows = TrafficLog.objects.exclude(seq__isnull=True).order_by("seq")
        broken = (
            (outside, "not in the chain (inserted around the application)") if outside else None
        )
        broken = broken or chain.verify(rows.iterator(chunk_size=2000))
        if broken:
            row, why = broken
            at = timezone.localtime(row.at).isoformat(timespec="seconds")
            raise CommandError(
                f"Traffic log chain BROKEN at row id={row.pk} seq={row.seq} ({at} {row.method} "
                f"{row.path[:80]}): {why}."
            )
        first, last = rows.first(), rows.last()
        if first is None:
            self.stdout.write("Traffic log is empty: nothing to verify.")
            return
        self.stdout.write(
            f"Traffic log chain intact: {last.seq - first.seq + 1} rows, positions "
            f"{first.seq}–{last.seq}, {timezone.localtime(first.at):%Y-%m-%d %H:%M} to "
            f"{timezone.localtime(last.at):%Y-%m-%d %H:%M}."
        )
