"""Reads of e-services: named after what they answer, with `today` passed for exact tests."""

import datetime

from django.db import models
from django.db.models import Q
from django.utils import timezone


class ServiceQuerySet(models.QuerySet):
    def online(self):
        """The services a citizen can file online now."""
        return self.filter(is_online=True)

    def with_public_cases(self):
        """Complaint services whose cases the municipality lists publicly (never corruption)."""
        return self.online().filter(cases_public=True).exclude(kind="corruption")


class CaseQuerySet(models.QuerySet):
    def open(self):
        """Not yet closed: received, in progress, or waiting for the citizen."""
        return self.filter(status__in=self.model.OPEN)

    def closed(self):
        """Finished or referred."""
        return self.filter(status__in=self.model.CLOSED)

    def overdue(self, today: datetime.date | None = None):
        """Open cases whose due date has passed."""
        return self.open().filter(due_on__lt=today or timezone.localdate())

    def due_within(self, days: int, today: datetime.date | None = None):
        """Open cases due today or in the next `days` days."""
        today = today or timezone.localdate()
        return self.open().filter(due_on__gte=today, due_on__lte=today + datetime.timedelta(days))

    def queue_order(self, today: datetime.date | None = None):
        """Overdue first, then the open cases by due date, then the closed ones."""
        today = today or timezone.localdate()
        late = models.Case(
            models.When(Q(due_on__lt=today, status__in=self.model.OPEN), then=0),
            models.When(status__in=self.model.OPEN, then=1),
            default=2,
            output_field=models.IntegerField(),
        )
        return self.annotate(late=late).order_by("late", "due_on", "pk")

    def publicly_listed(self):
        """Cases of services marked public: never corruption reports (also a constraint)."""
        return self.filter(service__cases_public=True).exclude(service__kind="corruption")

    def visible_to(self, user):
        """The cases a staff member may open; an official named in a report never sees it."""
        from . import access

        if not user.is_active or not user.is_staff:
            return self.none()
        corruption = Q(service__kind="corruption")
        allowed = Q(pk__in=[])
        if access.is_corruption_recipient(user):
            allowed |= corruption
        if user.has_perm("eservices.oversee_cases"):
            allowed |= ~corruption
        elif user.has_perm("eservices.handle_case") and user.unit_id:
            allowed |= ~corruption & Q(unit_id=user.unit_id)
        if user.has_perm("eservices.publish_answer"):
            allowed |= Q(service__kind="question")  # to publish answers, never who asked
        return self.filter(allowed).exclude(named_officials=user)
