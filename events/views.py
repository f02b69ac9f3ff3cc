import datetime

from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from chiangkhian.models import Municipality
from chiangkhian.thaidates import format_date

from . import calendar, ics

UPCOMING_LIMIT = 50
PAST_PAGE_SIZE = 20
BE = 543  # Buddhist Era = Gregorian + 543


@require_safe
def index(request):
    """Upcoming events, then past ones a page at a time."""
    today = timezone.localdate()
    past = Paginator(calendar.past(today), PAST_PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "upcoming": calendar.upcoming(today)[:UPCOMING_LIMIT],
        "past": past,
        "this_month": (today.year + BE, today.month),
    }
    return render(request, "events/event_list.html", context)


@require_safe
def month(request, year, month):
    """One month as a grid (year in the Buddhist Era: /events/2569/12/)."""
    if not 1 <= month <= 12 or not 2400 <= year <= 2700:
        raise Http404
    weeks, found = calendar.month_grid(year - BE, month)
    before = calendar.shift_month(year, month, -1)
    after = calendar.shift_month(year, month, 1)
    context = {
        "weeks": weeks,
        "events": found,
        "first_day": datetime.date(year - BE, month, 1),
        "weekdays": _weekdays(),
        "previous": before,
        "next": after,
    }
    return render(request, "events/event_month.html", context)


def _weekdays():
    # (short, full) names, Sunday first; the full name is the header's accessible name.
    sunday = datetime.date(2024, 1, 7)
    days = [sunday + datetime.timedelta(days=n) for n in range(7)]
    return [(format_date(day, "weekday_short"), format_date(day, "weekday")) for day in days]


@require_safe
def item_ics(request, pk):
    """One event as an .ics file to add to a calendar."""
    event = get_object_or_404(calendar.events(), pk=pk)
    body = ics.calendar_of([event], request=request, name=event.title_th)
    return _ics_response(body, f"event-{event.pk}.ics")


@require_safe
def feed(request):
    """Every upcoming live event: a calendar a citizen subscribes to."""
    municipality = Municipality.current()
    name = _("Events calendar")
    if municipality:
        name = f"{name} {municipality.name_th}"
    body = ics.calendar_of(calendar.upcoming(), request=request, name=name)
    return _ics_response(body, "events.ics", attachment=False)


def _ics_response(body, filename, attachment=True):
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    disposition = "attachment" if attachment else "inline"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    return response
