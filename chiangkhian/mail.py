"""E-mail of the workflows (publishing, e-services): sent once the change is committed.

A mail server that is down must not turn a committed change into an error page: the failure
is logged (and the workflows keep their own record of what was to be said).
"""

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext as _

from .models import Municipality


def absolute_url(path):
    return f"{settings.SITE_URL}{path}" if settings.SITE_URL else path


def site_name():
    """The municipality's Thai name, as e-mails sign and prefix their subjects."""
    municipality = Municipality.current()
    return municipality.name_th if municipality else _("Municipality website")


def send_on_commit(messages, *, log):
    """Send the EmailMessages once the current transaction commits; failures go to `log`."""
    messages = [message for message in messages if message is not None]
    if messages:
        transaction.on_commit(lambda: _deliver(messages, log))


def _deliver(messages, log):
    # The outbox keeps each message as a row and sends it as a background task, retried while
    # the mail server is down; only failing to keep it at all is logged here.
    from outbox.tasks import queue

    try:
        queue(messages)
    except Exception:
        log.exception("Could not queue %d e-mails", len(messages))
