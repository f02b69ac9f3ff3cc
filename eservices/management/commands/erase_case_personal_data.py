from django.core.management.base import BaseCommand

from eservices.reminders import erase_expired_personal_data


class Command(BaseCommand):
    help = (
        "Erase the personal data of e-service cases closed longer than "
        "ESERVICES_RETENTION_DAYS ago (daily; idempotent; the counts stay)."
    )

    def handle(self, *args, **options):
        self.stdout.write(f"Personal data erased from {erase_expired_personal_data()} cases.")
