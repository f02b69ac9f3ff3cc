"""The items the webmasters must look at soon, and their daily e-mail digest (announcement 3.2).

Announcement 3.2: webmasters check that every published item is current and take it down
when its publication period ends. This lists live items whose end of publication or review
date falls within COMPLIANCE_REVIEW_WINDOW_DAYS, and sends them to the webmasters once a day.
"""

import datetime
import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from catalog.models import Item
from chiangkhian import roles
from chiangkhian.models import Municipality
from chiangkhian.thaidates import fiscal_year, format_date
from outbox.tasks import queue as queue_mail

from . import checklist
from .models import LinkCheck, ReviewDigest
from .status import Status, build_report

logger = logging.getLogger(__name__)


def review_window():
    return datetime.timedelta(days=settings.COMPLIANCE_REVIEW_WINDOW_DAYS)


def due_items(now=None):
    """(ending, review): live items near the end of publication, and those due for review."""
    now = now or timezone.now()
    horizon = now + review_window()
    items = list(
        Item.objects.due_for_review(now, review_window())
        .select_related("subcategory__category", "owner_unit")
        .order_by("expire_at", "review_at", "pk")
    )
    ending = [item for item in items if item.expire_at and item.expire_at <= horizon]
    review = [
        item
        for item in items
        if item not in ending and item.review_at and item.review_at <= horizon.date()
    ]
    review.sort(key=lambda item: (item.review_at, item.pk))
    return ending, review


def overdue_items(now=None):
    """(ended, review): items past their end still marked published, and live items whose
    review date has passed. Both need a webmaster today, not in the coming days."""
    now = now or timezone.now()
    related = ("subcategory__category", "owner_unit")
    ended = Item.objects.expired(now).select_related(*related).order_by("expire_at", "pk")
    review = (
        Item.objects.live(now)
        .filter(review_at__lt=timezone.localdate(now))
        .select_related(*related)
        .order_by("review_at", "pk")
    )
    return list(ended), list(review)


def webmaster_emails():
    users = (
        get_user_model()
        .objects.filter(groups__name=roles.WEBMASTER, is_active=True)
        .exclude(email="")
    )
    return sorted(set(users.values_list("email", flat=True)))


def send_review_digest(*, now=None):
    """Send today's digest to the webmasters unless today's was already sent.

    Returns the ReviewDigest recorded for today, or None when it existed already. The record
    is written in the same transaction as the message enters the outbox (which retries a
    failed send), and two runs on the same day (cron and a manual run) send one e-mail.
    """
    now = now or timezone.now()
    day = timezone.localdate(now)
    with transaction.atomic():
        digest, created = ReviewDigest.objects.get_or_create(day=day, defaults={"sent_at": now})
        if not created:
            return None
        ending, review = due_items(now)
        overdue_ended, overdue_review = overdue_items(now)
        review = [item for item in review if item not in overdue_review]  # listed apart
        recipients = webmaster_emails()
        with translation.override(settings.LANGUAGE_CODE):
            subject, body = _compose(now, ending, review, overdue_ended + overdue_review)
        digest.ending_count, digest.review_count = len(ending), len(review)
        digest.subject, digest.body = subject, body
        digest.recipients = ", ".join(recipients)
        if (ending or review or overdue_ended or overdue_review) and recipients:
            queue_mail([EmailMessage(subject, body, None, recipients)])
        elif not recipients:
            logger.warning("No active webmaster with an e-mail address: digest not sent.")
            digest.recipients = ""
        digest.save()
    return digest


def _compose(now, ending, review, overdue):
    report = build_report(
        checklist.current_checklists(fiscal_year(timezone.localdate(now))), now=now
    )
    municipality = Municipality.current()
    subject = _(
        "Items to review on %(date)s: %(overdue)d overdue, %(ending)d ending, "
        "%(review)d due for review"
    ) % {
        "date": format_date(now, "short"),
        "overdue": len(overdue),
        "ending": len(ending),
        "review": len(review),
    }
    # An e-mail is read outside the site: every link is absolute (SITE_URL, e.g.
    # https://www.chiangkhian.go.th; else the municipality's website address).
    site = settings.SITE_URL or (municipality.website.rstrip("/") if municipality else "")
    body = render_to_string(
        "compliance/review_digest.txt",
        {
            "now": now,
            "days": settings.COMPLIANCE_REVIEW_WINDOW_DAYS,
            "overdue": [_overdue_entry(item, now) for item in overdue],
            "ending": ending,
            "review": review,
            "missing": report.count(Status.MISSING),
            "stale": report.count(Status.STALE),
            "score": report.score,
            "broken": LinkCheck.objects.broken().count(),
            "site": site,
            "dashboard_url": reverse("admin:compliance_monitoring_changelist"),
            "municipality": municipality,
        },
    )
    return subject, body


def _overdue_entry(item, now):
    # An item past its end is no longer public: link its back-office page, where it is taken
    # down; a live item past its review date is linked as citizens see it.
    ended = bool(item.expire_at and item.expire_at <= now)
    link = reverse("admin:catalog_item_change", args=[item.pk]) if ended else None
    return {"item": item, "ended": ended, "link": link or item.get_absolute_url()}
