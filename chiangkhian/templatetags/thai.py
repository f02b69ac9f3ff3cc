from django import template

from chiangkhian import thaidates

register = template.Library()


@register.filter
def thaidate(value, style="long"):
    """{{ item.published_at|thaidate }} → 2 ตุลาคม 2562; styles: long, short, datetime, month."""
    return thaidates.format_date(value, style)


@register.filter
def thaidigits(value):
    return thaidates.thai_digits(value)
