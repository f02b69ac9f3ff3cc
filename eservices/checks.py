"""The e-services as evidence for the completeness checklist (compliance/features.py).

ITA O10 asks for the municipality's own e-service and its usage statistics, O17 for a channel
to report corruption, O18 for complaint statistics, O3 for an enquiry channel. Each is judged
from the services that are online now, never from a link to another agency's site. The
services are read once per report (one query), whatever the number of checks that ask.
"""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from compliance import features

from .models import Service

Kind = Service.Kind


def _online(site):
    """{kind: service} of the services online now, read once per checklist report."""
    if not hasattr(site, "_eservices_online"):
        site._eservices_online = {}
        for service in Service.objects.online().order_by("order", "pk"):
            site._eservices_online.setdefault(service.kind, service)
    return site._eservices_online


def _service_check(kind, missing):
    def check(site):
        service = _online(site).get(kind)
        if service is None:
            return features.Finding(present=False, detail=missing)
        return features.Finding(present=True, url=service.get_absolute_url())

    return check


def _statistics(site):
    if not _online(site):
        return features.Finding(present=False, detail=_("No online service is run yet."))
    return features.Finding(present=True, url=reverse("eservices:statistics"))


def _any_service(site):
    if not _online(site):
        return features.Finding(present=False, detail=_("No online service is run yet."))
    return features.Finding(present=True, url=reverse("eservices:index"))


def register():
    """Replace the checklist's placeholders with the real e-services (from AppConfig.ready)."""
    replace = {"replace": True}
    features.register("e_service", _("The municipality's own online service"), **replace)(
        _any_service
    )
    features.register("complaint_channel", _("Online complaint channel"), **replace)(
        _service_check(Kind.COMPLAINT, _("No online complaint form is open."))
    )
    features.register(
        "corruption_complaint_channel", _("Online channel for reporting corruption"), **replace
    )(_service_check(Kind.CORRUPTION, _("No online corruption report form is open.")))
    features.register(
        "enquiry_channel", _("Online enquiry channel (questions and answers)"), **replace
    )(_service_check(Kind.QUESTION, _("No online question form is open.")))
    for name, label in [
        ("complaint_statistics", _("Complaint statistics generated from the cases")),
        ("service_statistics", _("Statistics of the online services' use")),
    ]:
        features.register(name, label, **replace)(_statistics)
