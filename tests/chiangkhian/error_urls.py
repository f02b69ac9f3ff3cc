"""The project's URLs plus two pages that fail, for the error-page tests."""

from django.conf.urls.i18n import i18n_patterns
from django.core.exceptions import PermissionDenied
from django.urls import path

from chiangkhian.urls import handler500  # noqa: F401
from chiangkhian.urls import urlpatterns as project_urlpatterns


def forbidden(request):
    raise PermissionDenied


def broken(request):
    raise RuntimeError("a bug in a view")


urlpatterns = [
    *i18n_patterns(
        path("test-forbidden/", forbidden),
        path("test-broken/", broken),
        prefix_default_language=False,
    ),
    *project_urlpatterns,
]
