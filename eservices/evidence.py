"""What e-services give the ITA checklist (compliance/features.py after the merge), by name.

Each function answers one question from live data and returns the public address that shows
it, or None: O10 (the municipality's own e-service and its statistics), O17 (a corruption
complaint channel), O18 (complaint statistics), O3 (an enquiry channel).
"""

from django.urls import reverse

from .models import Service


def _service(kind):
    service = Service.objects.online().filter(kind=kind).first()
    return service.get_absolute_url() if service else None


def e_service():
    """O10: at least one online service the municipality runs itself."""
    return reverse("eservices:index") if Service.objects.online().exists() else None


def complaint_channel():
    """O17/O18: an online complaint form."""
    return _service(Service.Kind.COMPLAINT)


def corruption_channel():
    """O17: an online corruption or misconduct report, which may be anonymous."""
    return _service(Service.Kind.CORRUPTION)


def enquiry_channel():
    """O3: an online question form with published answers."""
    return _service(Service.Kind.QUESTION)


def statistics_page():
    """O10/O18: the generated statistics of the e-services (always there once a service is)."""
    return reverse("eservices:statistics") if Service.objects.online().exists() else None
