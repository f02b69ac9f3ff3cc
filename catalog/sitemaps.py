"""sitemap.xml (django.contrib.sitemaps): every live item, the listings and the site's pages.

Items come from live() alone; each URL is given in Thai and English (i18n, with hreflang
alternates) and the public address comes from SITE_URL, as search engines must see it.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from .models import Category, Item, Subcategory


class _SiteSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True

    def get_domain(self, site=None):
        if settings.SITE_URL:
            return urlsplit(settings.SITE_URL).netloc
        return super().get_domain(site)

    def get_protocol(self, protocol=None):
        if settings.SITE_URL:
            return urlsplit(settings.SITE_URL).scheme
        return super().get_protocol(protocol)


class ItemSitemap(_SiteSitemap):
    changefreq = "weekly"
    limit = 20000  # two languages per item: under the 50,000 URLs of one sitemap file

    def items(self):
        return (
            Item.objects.live()
            .select_related("subcategory__category")
            .only("pk", "updated_at", "subcategory__slug", "subcategory__category__slug")
            .order_by("pk")
        )

    def lastmod(self, item):
        return item.updated_at


class ListingSitemap(_SiteSitemap):
    changefreq = "daily"

    def items(self):
        return [
            *Category.objects.all(),
            *Subcategory.objects.select_related("category").order_by("category__order", "order"),
        ]


class PageSitemap(_SiteSitemap):
    changefreq = "daily"

    def items(self):
        return ["home", "site_map", "compliance:ita", "stats:index", "eservices:index"]

    def location(self, name):
        return reverse(name)


SITEMAPS = {"items": ItemSitemap, "listings": ListingSitemap, "pages": PageSitemap}
