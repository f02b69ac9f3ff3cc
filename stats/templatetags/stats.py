from django import template
from django.core.cache import cache
from django.template.loader import render_to_string
from django.utils.translation import get_language

from stats import summary
from stats.forms import SurveyForm
from stats.pages import page_path

register = template.Library()
# The form's text changes only with a release (its translations).
RATING_SECONDS = 3600


@register.inclusion_tag("stats/includes/visitor_counter.html")
def visitor_counter():
    """{% visitor_counter %}: visitors today, this month and in total (cached, ≤ 1 query)."""
    return {"counter": summary.counter()}


@register.simple_tag(takes_context=True)
def page_rating(context):
    """{% page_rating %}: "was this page useful?" for the page being shown (no query).

    The same for every visitor of an address, so it is rendered once per address and language
    (a form's widgets cost more than the rest of an item page); addresses with a query string,
    unbounded in number, are rendered each time.
    """
    request = context["request"]
    if request.META.get("QUERY_STRING"):
        return _page_rating(request)
    key = f"stats:rating:{get_language()}:{request.path}"
    html = cache.get(key)
    if html is None:
        html = _page_rating(request)
        cache.set(key, html, RATING_SECONDS)
    return html


def _page_rating(request):
    form = SurveyForm(
        initial={"page": page_path(request.path_info), "next": request.get_full_path()},
        auto_id="rating-%s",
    )
    return render_to_string("stats/includes/page_rating.html", {"form": form})


@register.inclusion_tag("stats/includes/visit_beacon.html", takes_context=True)
def visit_beacon(context):
    """{% visit_beacon %}: the image that counts a view of this page (stats/visits.py).

    The same for every visitor, so the page stays cacheable; none on pages never counted.
    """
    request = context.get("request")
    return {"path": page_path(request.path_info) if request else None}
