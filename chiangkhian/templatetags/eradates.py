from django import template

from chiangkhian.dateinput import display_year

register = template.Library()


@register.filter
def era_year(title):
    """A date_hierarchy title that is a bare C.E. year ("2026") in the reader's era (2569)."""
    text = str(title)
    return display_year(int(text)) if text.isdigit() else title
