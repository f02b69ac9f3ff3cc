from django import template
from django.utils.translation import gettext as _

from catalog import richtext
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
