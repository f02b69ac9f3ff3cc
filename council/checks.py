"""The council page as a site feature the checklist can name (compliance/features.py)."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from compliance import features


@features.register("council", _("Local council page: members, meetings, resolutions"))
def _council(site):
    from .models import CouncilMember

    if CouncilMember.objects.serving().exists():
        return features.Finding(present=True, url=reverse("council:index"))
    return features.Finding(present=False, detail=_("No serving council member is entered yet."))
