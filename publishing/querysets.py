from django.conf import settings
from django.db import models
from django.utils import timezone


def _perm(codename):
    return f"publishing.{codename}"


class PublicationRequestQuerySet(models.QuerySet):
    def visible_to(self, user):
        """What a staff member may open: their own, their unit's, and the queues of their roles.

        Drafts are private to whoever filed them until they are submitted.
        """
        if user.is_superuser:
            return self.all()
        status = self.model.Status
        rule = models.Q(requester=user)
        if user.unit_id:
            rule |= models.Q(unit_id=user.unit_id) & ~models.Q(status=status.DRAFT)
        if any(
            user.has_perm(_perm(name))
            for name in [
                "check_publicationrequest",
                "approve_publicationrequest",
                "record_verbal_approval",
            ]
        ):
            rule |= ~models.Q(status=status.DRAFT)
        if user.has_perm(_perm("publish_publicationrequest")) or user.has_perm(
            _perm("withdraw_publicationrequest")
        ):
            rule |= models.Q(
                status__in=[status.APPROVED, status.PUBLISHED, status.WITHDRAWN, status.EXPIRED]
            )
        return self.filter(rule)

    def leading(self):
        """Requests as the queues list them: an imported batch once, by its first request."""
        return self.filter(models.Q(batch__isnull=True) | models.Q(batch_position=1))

    def not_filed_by(self, user):
        # Separation of duties (announcement 2.1): nobody acts on their own request.
        return self.exclude(requester=user)

    def waiting_for_check(self, user):
        """Submitted requests the user may check (not their own)."""
        return self.filter(status=self.model.Status.SUBMITTED).not_filed_by(user)

    def waiting_for_approval(self, user):
        """Checked requests the user may approve or reject (not their own, nor checked by them)."""
        queryset = self.filter(status=self.model.Status.CHECKED).not_filed_by(user)
        if not settings.PUBLISHING_CHECKER_MAY_APPROVE:
            queryset = queryset.exclude(checked_by=user)
        return queryset

    def waiting_for_publishing(self, user, categories=None):
        """Approved requests the user may publish.

        `categories`: the categories a webmaster is limited to, None for everywhere.
        """
        queryset = self.filter(status=self.model.Status.APPROVED).not_filed_by(user)
        if not settings.PUBLISHING_APPROVER_MAY_PUBLISH:
            queryset = queryset.exclude(approved_by=user)
        if categories is not None:
            queryset = queryset.filter(item__subcategory__category__in=categories)
        return queryset

    def waiting_for_written_confirmation(self, user=None):
        """Verbal approvals not yet confirmed in writing (by `user`, when given)."""
        status = self.model.Status
        queryset = self.filter(
            approval_mode=self.model.ApprovalMode.VERBAL,
            confirmed_in_writing_at__isnull=True,
            status__in=[status.APPROVED, status.PUBLISHED],
        )
        return queryset if user is None else queryset.filter(approved_by=user)

    def written_confirmation_overdue(self, now=None):
        """Verbal approvals whose deadline for the written confirmation has passed."""
        from .deadlines import overdue_if_given_before

        today = timezone.localdate(now or timezone.now())
        return self.waiting_for_written_confirmation().filter(
            verbal_given_at__lt=overdue_if_given_before(today)
        )

    def returned_to(self, user):
        """The user's own requests that came back with comments."""
        return self.filter(status=self.model.Status.RETURNED, requester=user)

    def published_for(self, item):
        """The published requests behind a live item: its own and its merged revisions'."""
        return self.filter(status=self.model.Status.PUBLISHED).filter(
            models.Q(item=item) | models.Q(item__revision_of=item)
        )
