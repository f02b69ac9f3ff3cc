from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from . import health, views

urlpatterns = [
    path("i18n/", include("django.conf.urls.i18n")),
    path("logo", views.logo, name="site_logo"),
    # Monitoring: database and cache up (issue 11); outside the language prefixes.
    path("healthz", health.healthz, name="healthz"),
]
# Thai at /, English at /en/.
urlpatterns += i18n_patterns(
    path("", views.home, name="home"),
    # The workflow's own back-office pages, beside the admin (before its catch-all).
    path("admin/workflow/", include("publishing.urls")),
    # Staff sign-in security: second factor, re-authentication, password reset (issue 11).
    path("admin/security/", include("chiangkhian.staffauth.urls")),
    path("admin/", include("chiangkhian.staffauth.password_urls")),
    path("admin/", admin.site.urls),
    path("", include("stats.urls")),
    path("ita/", include("compliance.urls")),
    path("e-service/", include("eservices.urls")),
    path("events/", include("events.urls")),
    path("council/", include("council.urls")),
    path("", include("catalog.urls")),
    prefix_default_language=False,
)

# Error pages in the site's frame and language (they are only used with DEBUG off).
handler500 = "chiangkhian.views.server_error"
