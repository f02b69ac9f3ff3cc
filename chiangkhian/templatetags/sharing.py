"""OpenGraph and Twitter-card meta, and share links: plain markup, no SDK or script."""

from urllib.parse import urlencode

from django import template
from django.conf import settings
from django.urls import reverse

register = template.Library()


def absolute(request, path):
    """The public address of a path: from SITE_URL, else from the request's own host."""
    if settings.SITE_URL:
        return settings.SITE_URL + path
    return request.build_absolute_uri(path) if request is not None else path


@register.inclusion_tag("chiangkhian/includes/social_meta.html", takes_context=True)
def social_meta(context):
    """What a link preview shows: the item (its first photo) or the page, else the logo."""
    request = context.get("request")
    municipality = context.get("municipality")
    item = context.get("item")
    named = item or context.get("subcategory") or context.get("category")
    title = getattr(named, "name", "") or (municipality.name if municipality else "")
    description = (getattr(item, "summary", "") or "") if item else ""
    if not description and municipality:
        description = municipality.tagline or municipality.name
    image = ""
    photos = list(item.photos.all()[:1]) if item is not None and hasattr(item, "photos") else []
    if photos:
        image = absolute(request, photos[0].url(0))
    elif municipality and municipality.logo:
        image = absolute(request, reverse("site_logo"))
    return {
        "og_type": "article" if item else "website",
        "site_name": municipality.name if municipality else "",
        "title": title,
        "description": description,
        "image": image,
        "url": absolute(request, request.path) if request is not None else "",
    }


@register.simple_tag(takes_context=True)
def share_url(context, network, item):
    """A plain share link to LINE or Facebook for an item's public address."""
    address = absolute(context.get("request"), item.get_absolute_url())
    if network == "line":
        return "https://social-plugins.line.me/lineit/share?" + urlencode({"url": address})
    return "https://www.facebook.com/sharer/sharer.php?" + urlencode({"u": address})
