"""The events calendar as a site feature the checklist can name (compliance/features.py)."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from compliance import features


@features.register("events_calendar", _("Events calendar with .ics downloads and feed"))
def _events_calendar(site):
    return features.Finding(present=True, url=reverse("events:index"))
