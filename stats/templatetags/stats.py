from django import template

from stats import summary
from stats.forms import SurveyForm
from stats.pages import page_path

register = template.Library()


@register.inclusion_tag("stats/includes/visitor_counter.html")
def visitor_counter():
    """{% visitor_counter %}: visitors today, this month and in total (cached, ≤ 1 query)."""
    return {"counter": summary.counter()}


@register.inclusion_tag("stats/includes/page_rating.html", takes_context=True)
def page_rating(context):
    """{% page_rating %}: "was this page useful?" for the page being shown (no query)."""
    request = context["request"]
    form = SurveyForm(
        initial={"page": page_path(request.path_info), "next": request.get_full_path()},
        auto_id="rating-%s",
    )
    return {"form": form, "csrf_token": context.get("csrf_token")}


@register.inclusion_tag("stats/includes/visit_beacon.html", takes_context=True)
def visit_beacon(context):
    """{% visit_beacon %}: the image that counts a view of this page (stats/visits.py).

    The same for every visitor, so the page stays cacheable; none on pages never counted.
    """
    request = context.get("request")
    return {"path": page_path(request.path_info) if request else None}
