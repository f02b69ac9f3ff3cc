import json

from django import template

from ..models import Service

register = template.Library()
CATEGORY_CODE = "1.9"  # announcement 1.9, by its clause: the slug (URL name) may be renamed


@register.inclusion_tag("eservices/includes/panel.html")
def eservices_panel(category=None):
    """The municipality's own online services: on the home page and in category 1.9."""
    show = category is None or getattr(category, "code", None) == CATEGORY_CODE
    return {"services": list(Service.objects.online()) if show else [], "show": show}


@register.inclusion_tag("eservices/includes/challenge.html")
def pow_field():
    """A fresh proof-of-work challenge for one form (eservices.challenge), if switched on."""
    from .. import challenge

    data = challenge.new_challenge()
    return {"challenge": json.dumps(data) if data else ""}
