"""Who may edit which item: role permissions (groups) or rights on one item (guardian).

A requester holds no global right to change items; they get rights on the drafts they
create (grant_owner_rights), so they can work on their own request and nobody else's.
Live content is never edited in place: a change goes through a revision and the workflow.
"""

from guardian.shortcuts import assign_perm

OWNER_PERMISSIONS = ["catalog.view_item", "catalog.change_item", "catalog.delete_item"]


def can_change_item(user, item):
    """Only a draft is editable, and only while its request is with the requester.

    Once submitted, what the checker checks and the approver approves must be what is
    published: nobody (not even a role with the global right) edits it until it is returned.
    """
    if item.status != item.Status.DRAFT:
        return False
    requests = getattr(item, "publication_requests", None)
    if requests is not None and requests.exclude(status__in=["draft", "returned"]).exists():
        return False
    return user.has_perm("catalog.change_item") or user.has_perm("catalog.change_item", item)


def grant_owner_rights(*, item, user):
    """Give the author of a draft the rights to view, change and delete that draft only."""
    for permission in OWNER_PERMISSIONS:
        assign_perm(permission, user, item)
