from django.core.management.base import BaseCommand

from eservices.reminders import send_reminders


class Command(BaseCommand):
    help = "Remind units of e-service cases due soon or overdue (daily; each reminder once)."

    def handle(self, *args, **options):
        self.stdout.write(f"{send_reminders()} reminders sent.")
