"""iCalendar (.ics) files of events, for a citizen's phone or desktop calendar (RFC 5545)."""

import datetime

from django.utils import timezone, translation
from icalendar import Calendar, Event

PRODUCT = "-//Chiang Khian CMS//events calendar//TH"


def calendar_of(events, *, request, name):
    """The bytes of a VCALENDAR holding one VEVENT per annotated item (events.calendar)."""
    cal = Calendar()
    cal.add("prodid", PRODUCT)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", name)
    stamp = timezone.now()
    with translation.override("th"):
        for item in events:
            cal.add_component(_event(item, request=request, stamp=stamp))
    return cal.to_ical()


def _event(item, *, request, stamp):
    event = Event()
    event.add("uid", f"item-{item.pk}@{request.get_host()}")
    event.add("dtstamp", stamp)
    event.add("summary", item.title_th)
    meeting = item.councildetail if item.kind == item.Kind.COUNCIL else None
    if meeting and meeting.meeting_time:
        start = datetime.datetime.combine(item.event_start, meeting.meeting_time)
        # In UTC, so no VTIMEZONE block is needed for the calendar to place it right.
        event.add("dtstart", timezone.make_aware(start).astimezone(datetime.UTC))
    else:
        # An all-day event: DTEND is the day after the last day (RFC 5545 3.6.1).
        event.add("dtstart", item.event_start)
        event.add("dtend", item.event_end + datetime.timedelta(days=1))
    if item.event_place:
        event.add("location", item.event_place)
    if item.summary_th:
        event.add("description", item.summary_th)
    event.add("url", request.build_absolute_uri(item.get_absolute_url()))
    return event
