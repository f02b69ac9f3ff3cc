"""E-mails about cases, in Thai, sent only once the transaction commits.

The citizen hears of each step meant for them (if they gave an e-mail); the handlers hear of
new cases and of what citizens add; reminders go to the unit and its head.
"""

import logging

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from chiangkhian.mail import absolute_url, send_on_commit, site_name

log = logging.getLogger(__name__)


def _message(address, subject, text, url):
    site = site_name()
    body = render_to_string(
        "eservices/email/message.txt", {"text": text, "url": url, "site_name": site}
    )
    return EmailMessage(f"[{site}] {subject}"[:200], body, settings.DEFAULT_FROM_EMAIL, [address])


def send(messages):
    send_on_commit(messages, log=log)


def filed(case):
    from .access import handlers_of

    with translation.override(settings.LANGUAGE_CODE):
        mails = []
        if case.email:
            text = _(
                "We have received your %(service)s. Your tracking code is %(code)s. "
                "Follow it at the private link below (keep it to yourself)."
            ) % {"service": case.service.name_th, "code": case.code}
            mails.append(
                _message(
                    case.email,
                    _("Received: %(code)s") % {"code": case.code},
                    text,
                    absolute_url(case.get_absolute_url()),
                )
            )
        staff_text = _("New case %(code)s (%(service)s): “%(subject)s”, due %(due)s.")
        mails += [
            _message(
                person.email,
                _("New case %(code)s") % {"code": case.code},
                staff_text
                % {
                    "code": case.code,
                    "service": case.service.name_th,
                    "subject": case.subject,
                    "due": _due(case),
                },
                absolute_url(_admin_url(case)),
            )
            for person in handlers_of(case)
            if person.email
        ]
    send(mails)


def to_citizen(case, text):
    if not case.email:
        return
    with translation.override(settings.LANGUAGE_CODE):
        subject = _("News about your case %(code)s") % {"code": case.code}
        send([_message(case.email, subject, text, absolute_url(case.get_absolute_url()))])


def citizen_added(case):
    from .access import handlers_of

    with translation.override(settings.LANGUAGE_CODE):
        text = _("The citizen added information to case %(code)s.") % {"code": case.code}
        send(
            [
                _message(person.email, text, text, absolute_url(_admin_url(case)))
                for person in handlers_of(case)
                if person.email
            ]
        )


def reminder(case, people, *, overdue):
    with translation.override(settings.LANGUAGE_CODE):
        if overdue:
            text = _("Case %(code)s (“%(subject)s”) was due on %(due)s and is not finished.")
        else:
            text = _("Case %(code)s (“%(subject)s”) is due on %(due)s.")
        text %= {"code": case.code, "subject": case.subject, "due": _due(case)}
        send(
            [
                _message(person.email, text, text, absolute_url(_admin_url(case)))
                for person in people
                if person.email
            ]
        )


def _due(case):
    from chiangkhian.thaidates import format_date

    return format_date(case.due_on, "short")


def _admin_url(case):
    from django.urls import reverse

    return reverse("admin:eservices_case_change", args=[case.pk])
