"""Deadline reminders and the erasure of personal data: the scheduled work of e-services.

Both are idempotent: a reminder is recorded (one per case, kind and due date, by a unique
constraint) before it is sent, and an erased case is marked erased.
"""

import datetime

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from . import access, notify, transitions
from .models import Case, Reminder


def send_reminders(*, today: datetime.date | None = None) -> int:
    """Remind the handlers of cases due soon, and the handlers and unit head of overdue ones."""
    today = today or timezone.localdate()
    cases = Case.objects.select_related("service", "unit")
    sent = 0
    soon = cases.due_within(settings.ESERVICES_REMIND_DAYS_BEFORE, today)
    for case in soon:
        sent += _remind(case, Reminder.Kind.DUE_SOON, access.handlers_of(case))
    for case in cases.overdue(today):
        people = access.handlers_of(case)
        if not case.service.is_corruption:
            people += [head for head in access.unit_heads(case.unit) if head not in people]
        sent += _remind(case, Reminder.Kind.OVERDUE, people)
    return sent


def _remind(case, kind, people):
    try:
        with transaction.atomic():
            Reminder.objects.create(case=case, kind=kind, due_on=case.due_on)
            notify.reminder(case, people, overdue=kind == Reminder.Kind.OVERDUE)
    except IntegrityError:
        return 0  # already reminded of this deadline
    return 1


def erase_expired_personal_data(*, now: datetime.datetime | None = None) -> int:
    """Erase the personal data of cases closed longer than ESERVICES_RETENTION_DAYS ago."""
    now = now or timezone.now()
    cutoff = now - datetime.timedelta(days=settings.ESERVICES_RETENTION_DAYS)
    due = Case.objects.closed().filter(closed_at__lte=cutoff, personal_data_erased_at__isnull=True)
    return sum(transitions.erase_personal_data(case=case, now=now) for case in due)
