from importlib import import_module

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from catalog import fragments, search
from catalog.models import Item
from chiangkhian.demo import DEMO_PASSWORD, PEOPLE
from chiangkhian.models import Municipality

# Each app's demo loader, in dependency order. Each one is idempotent.
LOADERS = [
    "chiangkhian.demo",
    "catalog.demo",
    "publishing.demo",
    "compliance.demo",
    "stats.demo",
    "eservices.demo",
    "council.demo",
]


class Command(BaseCommand):
    help = (
        "Load the demo municipality (idempotent: run it again to refresh, nothing is duplicated)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--allow-production",
            action="store_true",
            help="Load even when DEBUG is off (the demo users have a published password).",
        )
        parser.add_argument(
            "--skip-if-loaded",
            action="store_true",
            help="Only print the log-ins when the demo municipality is already there.",
        )

    def handle(self, *args, allow_production=False, skip_if_loaded=False, **options):
        if not settings.DEBUG and not allow_production:
            raise CommandError(
                "The demo users share a published password: refusing with DEBUG off. "
                "Use --allow-production on a throw-away server only."
            )
        if skip_if_loaded and Municipality.objects.exists():
            self.stdout.write("Demo data already loaded (run `manage.py load_demo` to refresh).")
        else:
            with transaction.atomic():
                for name in LOADERS:
                    import_module(name).load()
                # The loaders publish without the workflow: give the search what publish() would.
                search.index_all(Item.objects.filter(status=Item.Status.PUBLISHED))
                # Some loaders write with queryset updates: retire the public pages' parts.
                fragments.changed()
            self.stdout.write(self.style.SUCCESS("Demo data loaded."))
        self.stdout.write(f"Demo log-ins (password for all: {DEMO_PASSWORD}):")
        self.stdout.write(f"  {'admin':<10} superuser")
        for username, prefix, first, last, position, _unit, role_names in PEOPLE:
            self.stdout.write(
                f"  {username:<10} {', '.join(role_names):<10} {prefix}{first} {last} — {position}"
            )
        from eservices.demo import STAFF  # e-service case handlers (arthitaya also receives
        # the corruption reports)

        for username, prefix, first, last, position, _unit, role in STAFF:
            self.stdout.write(f"  {username:<10} {role:<10} {prefix}{first} {last} — {position}")
        self.stdout.write(login_help())


def login_help():
    """How to sign in to this demo: the back office, and the second factor (issue 11)."""
    if settings.STAFF_OTP_REQUIRED:
        factor = (
            "Two-step sign-in is ON: approvers, webmasters and admin scan a QR code with an "
            "authenticator app at their first sign-in, then give its 6-digit code each time."
        )
    else:
        factor = (
            "Two-step sign-in is off while DEBUG is on (optional under 'Sign-in security'); "
            "run with STAFF_OTP_REQUIRED=1 to try it as production requires it."
        )
    return (
        "Sign in at /admin/ with a user name above. Six wrong passwords lock the account or "
        f"the computer for {settings.STAFF_LOCKOUT_MINUTES} minutes (admin unlocks under "
        "Axes › access attempts).\n" + factor
    )
