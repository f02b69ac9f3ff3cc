"""Rich text of pages: a small, safe subset of HTML, sanitised by nh3 (ammonia).

Bodies are cleaned when an item is validated and again when rendered, so HTML that reached
the database by another path (a migration, a shell) still cannot run script on the site.
"""

import nh3
from django.utils.html import linebreaks
from django.utils.safestring import mark_safe

TAGS = {
    "p", "br", "strong", "b", "em", "i", "u", "s", "sub", "sup", "small", "mark",
    "h2", "h3", "h4", "ul", "ol", "li", "blockquote", "hr", "a", "abbr",
    "table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td", "figure", "figcaption",
}  # fmt: skip
ATTRIBUTES = {
    "a": {"href", "title"},
    "abbr": {"title"},
    "th": {"scope", "colspan", "rowspan"},
    "td": {"colspan", "rowspan"},
    "ol": {"start"},
}


def clean(html):
    """The HTML with everything outside the allowed subset removed ('' stays '')."""
    if not html:
        return ""
    return nh3.clean(
        html,
        tags=TAGS,
        attributes=ATTRIBUTES,
        url_schemes={"http", "https", "mailto", "tel"},
        link_rel="noopener noreferrer",
    )


def render(text):
    """Safe HTML for a template: plain text gets paragraphs, HTML gets sanitised."""
    if not text:
        return ""
    if "<" not in text:
        return linebreaks(text, autoescape=True)
    return mark_safe(clean(text))  # noqa: S308 - nh3 has removed everything unsafe
