"""Who may do what to a publication request, and why not.

Roles come from Django groups (chiangkhian.roles), per-object rights from django-guardian:
- the requester's right to edit and submit their own draft is an object permission
  (`publishing.change_publicationrequest` on the request), granted when it is filed or
  returned and removed when it is submitted;
- a webmaster may be limited to some categories with the object permission
  `catalog.publish_in_category` on catalog.Category. A webmaster with no such object
  permission at all publishes in every category.

`why_not()` answers in Thai, so the back office can say why a button is not there.
"""

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from guardian.shortcuts import get_objects_for_user

from catalog.models import Category, Item
from chiangkhian import roles

from .models import PublicationRequest

Status = PublicationRequest.Status

ROLE_LABELS = {
    roles.REQUESTER: gettext_lazy("requesting staff"),
    roles.CHECKER: gettext_lazy("the person responsible for checking the information"),
    roles.APPROVER: gettext_lazy("the approver (the Palat or acting Palat)"),
    roles.WEBMASTER: gettext_lazy("a webmaster"),
}

# action: (label, statuses it applies to, permission, role that holds it)
ACTIONS = {
    "edit": (
        gettext_lazy("Edit"),
        PublicationRequest.EDITABLE_STATUSES,
        "publishing.submit_publicationrequest",
        roles.REQUESTER,
    ),
    "submit": (
        gettext_lazy("Submit for checking"),
        PublicationRequest.EDITABLE_STATUSES,
        "publishing.submit_publicationrequest",
        roles.REQUESTER,
    ),
    "check": (
        gettext_lazy("Mark as checked"),
        [Status.SUBMITTED],
        "publishing.check_publicationrequest",
        roles.CHECKER,
    ),
    "return": (
        gettext_lazy("Return to the requester"),
        [Status.SUBMITTED],
        "publishing.check_publicationrequest",
        roles.CHECKER,
    ),
    "approve": (
        gettext_lazy("Approve"),
        [Status.CHECKED],
        "publishing.approve_publicationrequest",
        roles.APPROVER,
    ),
    "record_verbal": (
        gettext_lazy("Record an urgent verbal approval"),
        [Status.CHECKED],
        "publishing.record_verbal_approval",
        roles.CHECKER,
    ),
    "reject": (
        gettext_lazy("Reject"),
        [Status.CHECKED],
        "publishing.approve_publicationrequest",
        roles.APPROVER,
    ),
    "confirm": (
        gettext_lazy("Confirm the verbal approval in writing"),
        [Status.APPROVED, Status.PUBLISHED],
        "publishing.approve_publicationrequest",
        roles.APPROVER,
    ),
    "publish": (
        gettext_lazy("Publish"),
        [Status.APPROVED],
        "publishing.publish_publicationrequest",
        roles.WEBMASTER,
    ),
    "withdraw": (
        gettext_lazy("Withdraw from the website"),
        [Status.PUBLISHED],
        "publishing.withdraw_publicationrequest",
        roles.WEBMASTER,
    ),
}


def publishing_categories(user):
    """The categories a webmaster is limited to, or None when they may publish everywhere."""
    categories = list(
        get_objects_for_user(
            user,
            "catalog.publish_in_category",
            klass=Category,
            with_superuser=False,
            accept_global_perms=False,
        )
    )
    return categories or None


def may_publish_in(user, category):
    categories = publishing_categories(user)
    return categories is None or category in categories


def why_not(user, action, publication_request, *, subcategory=None, now=None):
    """None when `user` may take `action` on the request now; otherwise the reason, in Thai."""
    label, statuses, permission, role = ACTIONS[action]
    pr = publication_request
    if pr.status not in statuses:
        return _("This request is “%(status)s”, so “%(action)s” is not possible now.") % {
            "status": pr.get_status_display(),
            "action": label,
        }
    if pr.batch_id and action in BATCH_ACTIONS and not pr.leads_batch:
        return _(
            "This item was imported with others: the batch is one request, handled on its "
            "first item's request."
        )
    if pr.batch_id and action in {"edit", "submit"}:
        # The webmaster who imported the batch corrects and resubmits it when it comes back.
        permission, role = "publishing.import_items", roles.WEBMASTER
    if not user.has_perm(permission):
        return _("Only %(role)s may do this; your account does not have that role.") % {
            "role": ROLE_LABELS[role]
        }
    rule = _RULES.get(action)
    return rule(user, pr, subcategory=subcategory, now=now or timezone.now()) if rule else None


# What an imported batch does as one, through its first request (the others follow it).
BATCH_ACTIONS = {"submit", "check", "return", "approve", "record_verbal", "reject", "publish"}

REVISABLE = {Status.PUBLISHED, Status.EXPIRED, Status.WITHDRAWN}


def why_not_import(user, subcategory):
    """None when `user` may import items into `subcategory` (a webmaster, in their scope)."""
    if not user.has_perm("publishing.import_items"):
        return _("Only %(role)s may do this; your account does not have that role.") % {
            "role": ROLE_LABELS[roles.WEBMASTER]
        }
    return _in_scope(user, subcategory)


def why_not_revise(user, publication_request):
    """None when `user` may file a change to the content this request put online.

    Also for content taken down (expired or withdrawn): announcement 3.2 lets it come back
    only through a new request, checked and approved like any other.
    """
    pr = publication_request
    if pr.status not in REVISABLE or pr.live_item.status not in Item.REVISABLE_STATUSES:
        return _("Only content that was published can be changed or republished.")
    if not user.has_perm("publishing.add_publicationrequest"):
        return _("Only %(role)s may do this; your account does not have that role.") % {
            "role": ROLE_LABELS[roles.REQUESTER]
        }
    return None


def _own_draft(user, pr, **kwargs):
    if not user.has_perm("publishing.change_publicationrequest", pr):
        return _("Only the person who filed this request may change or submit it.")
    return None


def _not_own(user, pr, **kwargs):
    if pr.requester_id == user.pk:
        return _("You filed this request yourself: someone else must check and approve it.")
    return None


def _not_own_nor_checked(user, pr, **kwargs):
    return _not_own(user, pr) or why_checker_may_not_approve(user, pr)


def why_checker_may_not_approve(approver, pr):
    """Separation of duties (announcement 2.1): the checker of a request is not its approver."""
    if pr.checked_by_id == approver.pk and not settings.PUBLISHING_CHECKER_MAY_APPROVE:
        return _("You checked this request: another person must approve or reject it.")
    return None


def _publish(user, pr, *, subcategory=None, now, **kwargs):
    if pr.requester_id == user.pk:
        return _("You filed this request yourself: another webmaster must publish it.")
    if pr.approved_by_id == user.pk and not settings.PUBLISHING_APPROVER_MAY_PUBLISH:
        return _("You approved this request: another webmaster must publish it.")
    # In scope where it was asked to go, where it is going and (a revision) where it is now:
    # a limited webmaster cannot pull another category's item into theirs.
    places = [pr.item.subcategory, subcategory or pr.item.subcategory]
    if pr.is_revision:
        places.append(pr.live_item.subcategory)
    members = _batch_members(pr)
    places.extend(member.item.subcategory for member in members)
    for place in places:
        refused = _in_scope(user, place)
        if refused:
            return refused
    for member in [pr, *members]:
        refused = _publishable(member, now)
        if refused:
            return refused
    return None


def _batch_members(pr):
    if not pr.batch_id:
        return []
    return list(
        PublicationRequest.objects.filter(batch_id=pr.batch_id)
        .exclude(pk=pr.pk)
        .select_related("item__subcategory__category")
    )


def _withdraw(user, pr, **kwargs):
    return _in_scope(user, pr.live_item.subcategory)


def _in_scope(user, subcategory):
    categories = publishing_categories(user)
    if categories is not None and subcategory.category not in categories:
        return _("You may publish only in: %(categories)s.") % {
            "categories": ", ".join(str(category) for category in categories)
        }
    return None


def _publishable(pr, now):
    item = pr.item
    if item.expire_at and item.expire_at <= now:
        return _("The end of its publication period has passed: it must be corrected first.")
    if pr.is_revision and (
        item.revision_of.status not in Item.REVISABLE_STATUSES or pr.overtaken_by_withdrawal
    ):
        return _("The published item this request changes is no longer on the website.")
    return None


def _confirm(user, pr, **kwargs):
    if not pr.awaits_written_confirmation:
        return _("There is no verbal approval waiting for written confirmation.")
    if pr.approved_by_id != user.pk:
        return _("Only %(name)s, in whose name the verbal approval was given, may confirm it.") % {
            "name": pr.approved_by
        }
    return None


_RULES = {
    "edit": _own_draft,
    "submit": _own_draft,
    "check": _not_own,
    "return": _not_own,
    "approve": _not_own_nor_checked,
    "record_verbal": _not_own,
    "reject": _not_own_nor_checked,
    "confirm": _confirm,
    "publish": _publish,
    "withdraw": _withdraw,
}


def available_actions(user, publication_request):
    """[(action, label, reason or None)] for the actions that apply to the request's status."""
    return [
        (action, label, why_not(user, action, publication_request))
        for action, (label, statuses, _perm, _role) in ACTIONS.items()
        if action != "edit"
        and publication_request.status in statuses
        and (action != "confirm" or publication_request.awaits_written_confirmation)
    ]


def queues_for(user):
    """The back-office queues of the user's roles: [(label, queryset, waiting-since field)]."""
    requests = PublicationRequest.objects.leading().select_related("item", "requester", "unit")
    since = "status_changed_at"
    queues = []
    if user.has_perm("publishing.submit_publicationrequest"):
        queues.append(
            (gettext_lazy("Returned to me for changes"), requests.returned_to(user), since)
        )
    if user.has_perm("publishing.check_publicationrequest"):
        queues.append(
            (gettext_lazy("Waiting for my check"), requests.waiting_for_check(user), since)
        )
    if user.has_perm("publishing.approve_publicationrequest"):
        queues.append(
            (gettext_lazy("Waiting for my approval"), requests.waiting_for_approval(user), since)
        )
        queues.append(
            (
                gettext_lazy("Waiting for my written confirmation"),
                requests.waiting_for_written_confirmation(user),
                "approved_at",
            )
        )
        # The Palat's overview: every verbal approval past its deadline, whoever gave it.
        queues.append(
            (
                gettext_lazy("Verbal approvals not confirmed in writing in time"),
                requests.written_confirmation_overdue(),
                "verbal_given_at",
            )
        )
    if user.has_perm("publishing.publish_publicationrequest"):
        to_publish = requests.waiting_for_publishing(user, publishing_categories(user))
        queues.append((gettext_lazy("Waiting for me to publish"), to_publish, since))
    return [(label, queryset.order_by(field, "pk"), field) for label, queryset, field in queues]
