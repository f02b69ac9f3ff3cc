from django import template
from django.urls import translate_url

register = template.Library()


@register.simple_tag(takes_context=True)
def translated_path(context, language):
    """This page's address in another language (/news/ ↔ /en/news/), query string kept."""
    request = context.get("request")
    return translate_url(request.get_full_path(), language) if request else "/"
