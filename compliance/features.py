"""Site-feature checks: what the software itself gives the public, judged from its real state.

Some checklist requirements are not content a webmaster publishes but properties of the site
(a sitemap, search, HTTPS, the municipality's own e-service). Each is a named check here, a
small function of the site as it runs, so the checklist can name it (`features = ["search"]`
in compliance/checklists/*.toml) and judge it like an item. A feature that does not exist
reports missing, never satisfied.

Another app adds or replaces a check from its AppConfig.ready(), e.g. the e-services app:

    features.register("e_service", _("The municipality's own online services"), replace=True)(
        lambda site: features.Finding(present=..., url=reverse("eservices:index"))
    )
"""

from dataclasses import dataclass

from django.conf import settings
from django.template import TemplateDoesNotExist
from django.template.loader import get_template
from django.urls import NoReverseMatch, Resolver404, resolve, reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Finding:
    """The result of one check: present or not, where the public finds it, and why."""

    present: bool
    url: str = ""
    detail: str = ""


@dataclass(frozen=True)
class Feature:
    name: str
    label: str
    check: object
    # "category/subcategory" listings whose live items the check looks at (read with the
    # report's one query of live items, so checks add no query per item).
    reads: tuple[str, ...] = ()


class SiteState:
    """What a check may look at: the report's live items by listing, and the profile."""

    def __init__(self, *, items_by_slug=None, municipality=None):
        self._items = items_by_slug or {}
        self.municipality = municipality

    def live_items(self, slug):
        return self._items.get(slug, [])


_REGISTRY: dict[str, Feature] = {}


def register(name, label, *, reads=(), replace=False):
    """Decorator: add the check `name`; an app replaces a built-in one with replace=True."""

    def decorator(check):
        if name in _REGISTRY and not replace:
            raise ValueError(f"The site-feature check {name!r} is already registered.")
        _REGISTRY[name] = Feature(name=name, label=label, check=check, reads=tuple(reads))
        return check

    return decorator


def names():
    return sorted(_REGISTRY)


def get(name):
    return _REGISTRY[name]


def evaluate(name, site):
    """The finding of one check on the site as it is."""
    finding = _REGISTRY[name].check(site)
    return finding if isinstance(finding, Finding) else Finding(present=bool(finding))


def _url(name, **kwargs):
    try:
        return reverse(name, kwargs=kwargs)
    except NoReverseMatch:
        return ""


def _resolves(path):
    try:
        resolve(path)
    except Resolver404:
        return False
    return True


@register("sitemap", _("Sitemap (sitemap.xml and a site map page)"))
def _sitemap(site):
    # GWS: a sitemap for people as well as for search engines (issue 13).
    page = _url("site_map")
    if _resolves("/sitemap.xml") and page:
        return Finding(present=True, url=page)
    return Finding(present=False, detail=_("The site has no sitemap.xml yet."))


@register("feeds", _("RSS and Atom feeds of the news and of each category"))
def _feeds(site):
    url = _url("catalog:feed_news_rss")
    present = bool(url and _url("catalog:feed_category_atom", category="x"))
    return Finding(present=present, url=url)


@register("reading_comfort", _("Text size and high-contrast controls on every page"))
def _reading_comfort(site):
    source = _template_source("base.html")
    return Finding(present="data-text-size" in source and "data-contrast" in source)


@register("emergency_numbers", _("Emergency and hotline numbers on every page"))
def _emergency_numbers(site):
    municipality = site.municipality
    if (
        municipality
        and municipality.hotline_list
        and "hotline_list" in _template_source("base.html")
    ):
        return Finding(present=True)
    return Finding(present=False, detail=_("The municipality profile lists no hotline."))


@register("search", _("Site search"))
def _search(site):
    url = _url("catalog:search")
    return Finding(present=bool(url), url=url)


@register("https", _("HTTPS in production"))
def _https(site):
    # The production settings decide: redirect to HTTPS, or trust the proxy that terminates it.
    secure = settings.SECURE_SSL_REDIRECT or bool(
        getattr(settings, "SECURE_PROXY_SSL_HEADER", None)
    )
    if secure:
        return Finding(present=True)
    return Finding(
        present=False,
        detail=_("This server neither redirects to HTTPS nor trusts an HTTPS proxy."),
    )


@register("responsive", _("Layout for phones and computers"))
def _responsive(site):
    return Finding(present='name="viewport"' in _template_source("base.html"))


@register("bilingual", _("Thai and English"))
def _bilingual(site):
    codes = {code for code, _name in settings.LANGUAGES}
    with translation.override("en"):
        english_home = _url("home")
    return Finding(present={"th", "en"} <= codes and english_home.startswith("/en/"), url="/en/")


@register("last_updated", _("Last-updated date on every item"))
def _last_updated(site):
    return Finding(present="last_updated" in _template_source("catalog/includes/metadata.html"))


@register("accessibility_statement", _("Accessibility statement"), reads=["general/accessibility"])
def _accessibility_statement(site):
    return _first_live(site, "general/accessibility")


@register("social_channel", _("A social channel of the municipality"))
def _social_channel(site):
    municipality = site.municipality
    channels = municipality.social_channels if municipality else []
    if channels:
        return Finding(present=True, url=channels[0][1])
    return Finding(present=False, detail=_("The municipality profile lists no social channel."))


@register(
    "e_service", _("The municipality's own online service"), reads=["e-services/online-services"]
)
def _e_service(site):
    # A link to another agency's service is not the municipality's own e-service (ITA O10):
    # only an online service link that leads into this site counts.
    for item in site.live_items("e-services/online-services"):
        detail = item.detail
        if detail and detail.link_type == detail.LinkType.E_SERVICE and not detail.is_external:
            return Finding(present=True, url=item.get_absolute_url())
    return Finding(present=False, detail=_("No online service is run on this site yet."))


def _not_built(site):
    return Finding(present=False, detail=_("This site has no such service yet."))


# Provided by the e-services app when it is installed; until then honestly missing.
for _name, _label in [
    ("complaint_channel", _("Online complaint channel")),
    ("corruption_complaint_channel", _("Online channel for reporting corruption")),
    ("complaint_statistics", _("Complaint statistics generated from the cases")),
    ("enquiry_channel", _("Online enquiry channel (questions and answers)")),
    ("service_statistics", _("Statistics of the online services' use")),
]:
    register(_name, _label)(_not_built)


@register("visitor_statistics", _("Visitor statistics"))
def _visitor_statistics(site):
    url = _url("stats:index")
    return Finding(present=bool(url), url=url)


@register("satisfaction_survey", _("Satisfaction survey"))
def _satisfaction_survey(site):
    url = _url("stats:survey")
    return Finding(present=bool(url), url=url)


def _first_live(site, slug):
    items = site.live_items(slug)
    if items:
        return Finding(present=True, url=items[0].get_absolute_url())
    return Finding(present=False, detail=_("Nothing is published in this listing yet."))


def _template_source(name):
    try:
        return get_template(name).template.source
    except (TemplateDoesNotExist, AttributeError):
        return ""
