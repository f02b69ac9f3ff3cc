"""The project's URLs without sitemap.xml: a site where that feature is absent."""

from chiangkhian.urls import urlpatterns as project_urlpatterns

urlpatterns = [p for p in project_urlpatterns if getattr(p, "name", None) != "sitemap"]
