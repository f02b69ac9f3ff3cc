from django.conf import settings
from django.contrib import messages
from django.http import HttpResponse, HttpResponseForbidden
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_safe

from catalog.models import Category
from chiangkhian.network import same_origin

from . import charts, sources, summary, survey, visits
from .forms import SurveyForm
from .models import WHOLE_SITE
from .pages import describe
from .visitors import is_bot, visitor_id

# The category of announcement 1.10 by its clause: its slug (URL name) may be renamed.
CATEGORY_CODE = "1.10"
# A subcategory's slug is fixed once created (catalog.admin): a stable name to find it by.
SATISFACTION_SLUG = "satisfaction"

# A refused answer says why, and nothing is stored.
TOO_MANY = _(
    "You have sent many answers in a short time. Your answer was not recorded: "
    "please try again in an hour."
)
NOT_ACCEPTED = _("Your answer could not be accepted and was not recorded.")
ALREADY_ANSWERED = _(
    "You have already answered for this page today. Your first answer is kept: thank you."
)
THANK_YOU = _("Thank you. Your answer has been recorded.")
SOURCE_FULL = _(
    "Many answers have already come from your internet connection today. Your answer was not "
    "recorded: please try again tomorrow."
)


@require_safe
def statistics(request):
    """The public statistics of announcement 1.10: visitors, most viewed pages, satisfaction."""
    today = timezone.localdate()
    days, months = summary.daily(today), summary.monthly(today)
    context = {
        "counter": summary.counter(today),
        "days": days,
        "daily_chart": charts.daily_chart(days),
        "months": months,
        "monthly_chart": charts.monthly_chart(months),
        "top_pages": summary.top_pages(days[0][0], today),
        "satisfaction": summary.satisfaction(months[0][0], today),
        "since": months[0][0],
        "retention_days": settings.STATS_RETENTION_DAYS,
        **_frame(),
    }
    return render(request, "stats/statistics.html", context)


@require_safe
def seen(request):
    """The visit beacon of every public page (stats/visits.py): a 1×1 image, never cached."""
    visits.record(request)
    response = HttpResponse(visits.PIXEL, content_type="image/gif")
    response["Cache-Control"] = "no-store"
    return response


# No CSRF token in the page: a token differs per visitor and would keep every item page (which
# carries "was this page useful?") out of the page cache. This anonymous form changes no one's
# data; a cross-site post is refused by its Origin instead, and the rate limit and honeypot stay.
@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def survey_page(request):
    """The site-wide survey; it also receives "was this page useful?" from every item page."""
    if request.method == "POST":
        return _answer(request)
    return _render_survey(request, SurveyForm(initial={"page": WHOLE_SITE}))


def _answer(request):
    if not same_origin(request):
        return HttpResponseForbidden(NOT_ACCEPTED)
    form, back = SurveyForm(request.POST), _back_url(request)
    day = timezone.localdate()
    # The limits are per source (the address), not per visitor: a new User-Agent per post
    # is a new visitor but the same source (stats.sources).
    source = sources.source_id(request, day)
    if survey.over_rate_limit(visitor=source):
        messages.error(request, TOO_MANY)
        return redirect(back)
    if form.is_spam() or is_bot(request):
        messages.error(request, NOT_ACCEPTED)
        return redirect(back)
    if not form.is_valid():
        return _render_survey(request, form)
    if not sources.take("answers", source=source, day=day, cap=settings.STATS_SOURCE_DAILY_ANSWERS):
        messages.error(request, SOURCE_FULL)
        return redirect(back)
    data = form.cleaned_data
    try:
        survey.answer(
            day=day,
            path=data["page"],
            score=data["score"],
            comment=data["comment"],
            visitor=visitor_id(request, day),
        )
    except survey.AlreadyAnswered:
        sources.give_back("answers", source=source, day=day)
        messages.warning(request, ALREADY_ANSWERED)
    else:
        messages.success(request, THANK_YOU)
    return redirect(back)


def _back_url(request):
    """Where the visitor came from (a page of this site), or the survey."""
    target = request.POST.get("next", "")
    # A path of this site only: redirect() would take a bare word for a URL name to reverse.
    if target.startswith("/") and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return reverse("stats:survey")


def _render_survey(request, form):
    page = form["page"].value() or WHOLE_SITE
    context = {
        "form": form,
        "rated_title": describe([page]).get(page) if page != WHOLE_SITE else None,
        "retention_days": settings.STATS_RETENTION_DAYS,
        **_frame(on_survey=True),
    }
    return render(request, "stats/survey.html", context)


def _frame(on_survey=False):
    """The category of announcement 1.10 and the breadcrumbs, as the catalog draws them."""
    category = Category.objects.filter(code=CATEGORY_CODE).prefetch_related("subcategories").first()
    crumbs = [category] if category else []
    if on_survey and category:
        crumbs += [s for s in category.subcategories.all() if s.slug == SATISFACTION_SLUG][:1]
    return {"category": category, "crumbs": crumbs}
