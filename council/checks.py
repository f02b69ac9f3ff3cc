"""The council page as a site feature the checklist can name (compliance/features.py)."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from compliance import features

COUNCIL_LISTINGS = ["general/council-notices", "general/council-minutes", "public-info/resolutions"]


@features.register(
    "council", _("Local council page: members, meetings, resolutions"), reads=COUNCIL_LISTINGS
)
def _council(site):
    # Read from the report's live items (no query of its own): the page counts once the
    # council's notices, minutes or resolutions are published as council documents.
    for slug in COUNCIL_LISTINGS:
        if any(item.kind == "council" for item in site.live_items(slug)):
            return features.Finding(present=True, url=reverse("council:index"))
    return features.Finding(
        present=False, detail=_("No council notice, minutes or resolution is published yet.")
    )
