from django import template
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from catalog import richtext, search
from catalog.durations import format_total

register = template.Library()


@register.filter
def rich(text):
    """An item body as safe markup (catalog.richtext: plain text in paragraphs, HTML sanitised)."""
    return richtext.render(text)


@register.filter
def duration_total(parts):
    return format_total(parts) or _("not given")


@register.filter
def baht(amount):
    """12345.5 → '12,345.50'."""
    if amount is None or amount == "":
        return ""
    return f"{amount:,.2f}"


@register.filter
def highlight(text, words):
    """Text with the searched words marked (<mark>); every piece is escaped."""
    parts = search.highlight_parts(str(text or ""), words)
    return mark_safe(  # noqa: S308 - each piece is escaped
        "".join(f"<mark>{escape(piece)}</mark>" if hit else escape(piece) for piece, hit in parts)
    )
