"""Draft the publication request of a procurement report made from the records.

    manage.py procurement_report --month 2569-11 --by somchai
    manage.py procurement_report --fiscal-year 2569 --by somchai

Months and fiscal years are in the Buddhist Era, as staff write them.
"""

from django.core.management.base import BaseCommand, CommandError

from chiangkhian.models import User
from publishing import generated, transitions

BE = 543


class Command(BaseCommand):
    help = "Draft a request publishing the สขร.1 of a month or the fiscal-year report (O11, O12)."

    def add_arguments(self, parser):
        which = parser.add_mutually_exclusive_group(required=True)
        which.add_argument("--month", help="B.E. year and month, e.g. 2569-11")
        which.add_argument("--fiscal-year", type=int, help="B.E. fiscal year, e.g. 2569")
        parser.add_argument("--by", required=True, help="username of the requesting staff member")

    def handle(self, *args, month=None, fiscal_year=None, by, **options):
        user = User.objects.filter(username=by, is_active=True).first()
        if user is None:
            raise CommandError(f"No active user {by!r}.")
        try:
            if month:
                year, number = _month(month)
                pr = generated.file_monthly_summary(year=year - BE, month=number, by=user)
            else:
                pr = generated.file_year_report(fiscal_year=fiscal_year, by=user)
        except transitions.WorkflowError as error:
            raise CommandError(error.message) from error
        self.stdout.write(f"Request {pr.pk} drafted: {pr.item.title_th}")


def _month(text):
    try:
        year, number = (int(part) for part in text.split("-"))
    except ValueError as error:
        raise CommandError("Give the month as B.E. year-month, e.g. 2569-11.") from error
    if not 1 <= number <= 12 or year < 2400:
        raise CommandError("Give the month as B.E. year-month, e.g. 2569-11.")
    return year, number
