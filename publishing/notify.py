"""Tell the people concerned: a back-office notification and an e-mail, in Thai.

Called by publishing.transitions inside its transaction: the notifications are rows of that
transaction, the e-mails leave only once it commits (never for a change that rolled back).
"""

import contextlib
import contextvars
import datetime
import logging

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import models
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from chiangkhian.mail import absolute_url, send_on_commit, site_name
from chiangkhian.models import User
from chiangkhian.thaidates import format_date

from .models import Notification

log = logging.getLogger(__name__)

_emails_muted = contextvars.ContextVar("publishing_emails_muted", default=False)


@contextlib.contextmanager
def emails_muted():
    """Record notifications without sending e-mail (the demo loader uses it)."""
    token = _emails_muted.set(True)
    try:
        yield
    finally:
        _emails_muted.reset(token)


def mark_all_read(user):
    return Notification.objects.filter(recipient=user, read=False).update(read=True)


def holders_of(codename, app_label="publishing"):
    """Active users whose groups or own permissions include app_label.codename."""
    via_group = models.Q(
        groups__permissions__codename=codename,
        groups__permissions__content_type__app_label=app_label,
    )
    direct = models.Q(
        user_permissions__codename=codename,
        user_permissions__content_type__app_label=app_label,
    )
    return User.objects.filter(via_group | direct, is_active=True).distinct()


def send(publication_request, recipients, message_factory, *, actor=None):
    """Notify each recipient once (never the actor); message_factory() gives the Thai text."""
    people = {}
    for user in recipients:
        if user is not None and user.is_active and user != actor:
            people[user.pk] = user
    if not people:
        return
    with translation.override(settings.LANGUAGE_CODE):
        message = str(message_factory())
        Notification.objects.bulk_create(
            Notification(recipient=user, request=publication_request, message=message)
            for user in people.values()
        )
        if _emails_muted.get():
            return
        emails = [
            _email(user, publication_request, message) for user in people.values() if user.email
        ]
    # The notification rows are there whatever the mail server does.
    send_on_commit(emails, log=log)


def _email(user, publication_request, message):
    site = site_name()
    body = render_to_string(
        "publishing/email/notification.txt",
        {
            "user": user,
            "message": message,
            "publication_request": publication_request,
            "url": absolute_url(publication_request.get_absolute_url()),
            "site_name": site,
        },
    )
    subject = f"[{site}] {message.splitlines()[0]}"[:200]
    return EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, [user.email])


def webmasters_for(subcategory):
    from .access import may_publish_in

    return [
        user
        for user in holders_of("publish_publicationrequest")
        if may_publish_in(user, subcategory.category)
    ]


def _title(pr):
    if pr.batch_id:
        # An imported batch is one request: its notices name the first item and the count.
        others = pr.batch.requests.count() - 1
        return ngettext(
            "%(title)s and %(count)d more imported item",
            "%(title)s and %(count)d more imported items",
            others,
        ) % {"title": pr.item.title_th, "count": others}
    return pr.item.title_th


def submitted(pr, *, by):
    send(
        pr,
        holders_of("check_publicationrequest"),
        lambda: (
            _("New publication request to check: “%(title)s” from %(requester)s (%(unit)s).")
            % {"title": _title(pr), "requester": pr.requester, "unit": pr.unit}
        ),
        actor=by,
    )


def returned(pr, *, by, note):
    send(
        pr,
        [pr.requester],
        lambda: (
            _("Your request “%(title)s” was returned for changes by %(actor)s:\n%(note)s")
            % {"title": _title(pr), "actor": by, "note": note}
        ),
        actor=by,
    )


def checked(pr, *, by):
    send(
        pr,
        holders_of("approve_publicationrequest"),
        lambda: (
            _("Request “%(title)s” was checked by %(actor)s and waits for your approval.")
            % {"title": _title(pr), "actor": by}
        ),
        actor=by,
    )


def approved(pr, *, by):
    verbal = pr.approval_mode == pr.ApprovalMode.VERBAL
    send(
        pr,
        webmasters_for(pr.item.subcategory),
        lambda: (
            _(
                "Request “%(title)s” was approved by %(approver)s (%(mode)s) "
                "and waits for publishing."
            )
            % {
                "title": _title(pr),
                "approver": pr.approved_by,
                "mode": pr.get_approval_mode_display(),
            }
        ),
        actor=by,
    )
    send(
        pr,
        [pr.requester],
        lambda: (
            _("Your request “%(title)s” was approved; a webmaster will publish it.")
            % {"title": _title(pr)}
        ),
        actor=by,
    )
    if verbal:
        send(
            pr,
            [pr.approved_by],
            lambda: (
                _(
                    "%(actor)s recorded an urgent verbal approval in your name for “%(title)s”. "
                    "Please confirm it in writing."
                )
                % {"title": _title(pr), "actor": by}
            ),
            actor=by,
        )


def confirmed(pr, *, by):
    send(
        pr,
        [pr.requester, pr.verbal_relayed_by],
        lambda: (
            _("The verbal approval of “%(title)s” was confirmed in writing by %(actor)s.")
            % {"title": _title(pr), "actor": by}
        ),
        actor=by,
    )


def confirmation_reminder(pr, *, today):
    """Remind the approver, once a day, of a verbal approval to confirm in writing."""
    due = pr.confirmation_due_on
    if due is None:
        return False
    with translation.override(settings.LANGUAGE_CODE):
        values = {"title": _title(pr), "date": format_date(due)}
        if due < today:
            message = (
                _(
                    "Reminder: the verbal approval you gave for “%(title)s” was to be confirmed in "
                    "writing by %(date)s. Please confirm it now."
                )
                % values
            )
        else:
            message = (
                _(
                    "Reminder: please confirm in writing, by %(date)s, the verbal approval you "
                    "gave for “%(title)s”."
                )
                % values
            )
    start = timezone.make_aware(datetime.datetime.combine(today, datetime.time.min))
    if Notification.objects.filter(
        recipient=pr.approved_by, request=pr, message=message, created__gte=start
    ).exists():
        return False  # reminded today already: a second run of the timer sends nothing
    send(pr, [pr.approved_by], lambda: message)
    return True


def rejected(pr, *, by):
    # Announcement 2.2.3: the owner must be told, with the reason.
    send(
        pr,
        [pr.requester, pr.checked_by],
        lambda: (
            _("Your request “%(title)s” was not approved.\nReason: %(reason)s\n%(note)s")
            % {
                "title": _title(pr),
                "reason": pr.get_rejection_reason_display(),
                "note": pr.rejection_note,
            }
        ),
        actor=by,
    )


def published(pr, item, *, by):
    """Tell the owner where the published `item` is, or when it will be (a scheduled start)."""

    # Announcement 2.2.2: the webmaster reports back to the owner of the information.
    def message():
        if item.publish_at > timezone.now():
            # Its page is a 404 until then: give the date, not a link that does not work yet.
            return _(
                "“%(title)s” is published and scheduled for %(date)s; "
                "it appears on the website from then."
            ) % {"title": _title(pr), "date": format_date(item.publish_at, "datetime")}
        return _("“%(title)s” is published on the website: %(url)s") % {
            "title": _title(pr),
            "url": absolute_url(item.get_absolute_url()),
        }

    send(pr, [pr.requester, pr.checked_by, pr.approved_by], message, actor=by)


def online(pr, item):
    """A scheduled item's start has come: it is on the website now (announcement 2.2.2)."""
    send(
        pr,
        [pr.requester, pr.checked_by, pr.approved_by],
        lambda: (
            _("“%(title)s” is now on the website: %(url)s")
            % {"title": _title(pr), "url": absolute_url(item.get_absolute_url())}
        ),
        actor=None,
    )


def withdrawn(item, requests, *, by, reason):
    if not requests:
        return
    people = [person for pr in requests for person in (pr.requester, pr.approved_by)]
    send(
        requests[0],
        [*people, *webmasters_for(item.subcategory)],
        lambda: (
            _("“%(title)s” was withdrawn from the website by %(actor)s.\nReason: %(reason)s")
            % {"title": item.title_th, "actor": by, "reason": reason}
        ),
        actor=by,
    )


def expired(item, requests):
    # Announcement 3.2: the webmasters take down what has reached the end of its period.
    if not requests:
        return
    send(
        requests[0],
        [*(pr.requester for pr in requests), *webmasters_for(item.subcategory)],
        lambda: (
            _(
                "The publication period of “%(title)s” ended on %(date)s; "
                "it was taken off the website."
            )
            % {"title": item.title_th, "date": format_date(item.expire_at, "datetime")}
        ),
    )
