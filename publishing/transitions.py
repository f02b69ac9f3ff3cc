"""The publication workflow: the only code that changes a request's or an item's status.

Each public function is one action of announcement 2.2: it checks who may act (role,
separation of duties, object permissions: publishing.access), then moves the request with
a compare-and-set update, records a StatusChange and tells the people concerned. A refused
action raises a WorkflowError with a Thai message and changes nothing.
"""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from guardian.shortcuts import assign_perm, remove_perm

from catalog import fragments, search
from catalog.models import Attachment, Item, Subcategory
from chiangkhian.models import Unit, User
from chiangkhian.workflow import InvalidTransition, NotAllowed, WorkflowError

from . import access, notify
from .models import ITEM_FIELDS, ImportBatch, PublicationRequest, StatusChange

Status = PublicationRequest.Status
Action = StatusChange.Action
ApprovalMode = PublicationRequest.ApprovalMode

ALLOWED = {
    Status.DRAFT: {Status.SUBMITTED},
    Status.SUBMITTED: {Status.CHECKED, Status.RETURNED},
    Status.RETURNED: {Status.SUBMITTED},
    Status.CHECKED: {Status.APPROVED, Status.REJECTED},
    Status.APPROVED: {Status.PUBLISHED},
    Status.PUBLISHED: {Status.WITHDRAWN, Status.EXPIRED},
    Status.REJECTED: set(),
    Status.WITHDRAWN: set(),
    Status.EXPIRED: set(),
}
IN_PROGRESS = [Status.DRAFT, Status.SUBMITTED, Status.RETURNED, Status.CHECKED, Status.APPROVED]
EDIT_PERMISSIONS = [
    "publishing.change_publicationrequest",
    "catalog.view_item",
    "catalog.change_item",
]


def file_request(*, publication_request: PublicationRequest, by: User) -> PublicationRequest:
    """Save a new request as a draft with its draft item; only its filer may edit it."""
    pr = publication_request
    if not by.has_perm("publishing.add_publicationrequest"):
        raise NotAllowed(_("Only requesting staff may file a publication request."))
    pr.unit = pr.unit if pr.unit_id else by.unit
    if pr.unit is None:
        raise WorkflowError(_("Give the requesting unit."))
    _require_own_unit(by, pr)
    now = timezone.now()
    with transaction.atomic():
        item = pr.item
        item.status = Item.Status.DRAFT
        item.created_by = item.created_by or by
        item._history_user = by
        item.save()
        pr.item = item
        pr.requester = by
        pr.status = Status.DRAFT
        pr.created_at = pr.status_changed_at = now
        pr._history_user = by
        pr.save()
        StatusChange.objects.create(
            request=pr, action=Action.FILE, to_status=Status.DRAFT, by=by, at=now
        )
        _grant_edit(pr)
    return pr


def save_draft(*, publication_request: PublicationRequest, by: User) -> PublicationRequest:
    """Save the filer's changes to their draft or returned request and its item."""
    pr = publication_request
    with transaction.atomic():
        # Lock the row: a submit in another tab must not slip between the check and the save.
        current = PublicationRequest.objects.select_for_update().get(pk=pr.pk)
        _require(by, "edit", current)
        _require_own_unit(by, pr)
        pr.item._history_user = by
        pr.item.save(update_fields=[*ITEM_FIELDS, "updated_at"])
        pr._history_user = by
        pr.save(update_fields=["unit", "remarks"])
    return pr


def start_revision(
    *, item: Item, by: User, unit: Unit | None = None, remarks: str = ""
) -> PublicationRequest:
    """File a request to change published content: a draft copy that revises the live item.

    The live item stays on the website unchanged until the revision is published.
    """
    with transaction.atomic():
        live = Item.objects.select_for_update().get(pk=item.pk)
        if live.status not in Item.REVISABLE_STATUSES:
            raise InvalidTransition(
                _("Only content that was published can be changed or republished.")
            )
        if PublicationRequest.objects.filter(
            item__revision_of=live, status__in=IN_PROGRESS
        ).exists():
            raise InvalidTransition(_("A change to this item is already in progress."))
        draft = Item(revision_of=live, **{name: getattr(live, name) for name in ITEM_FIELDS})
        pr = PublicationRequest(item=draft, unit=unit or by.unit)
        pr.remarks = remarks
        pr = file_request(publication_request=pr, by=by)
        # The draft starts as the live item: its typed detail, files, steps and people too.
        draft.copy_parts_from(live)
        return pr


def file_batch(
    *,
    entries: list,
    by: User,
    spreadsheet_name: str = "",
    archive_name: str = "",
    note: str = "",
) -> PublicationRequest:
    """File items moved in from an old website as one request and submit it for checking.

    `entries`: (unsaved draft Item, iterable of (file name, bytes)) in spreadsheet order. Every item
    and file passes the same checks as one filed by hand; any refusal files nothing. The
    batch's first request stands for all of them in the workflow (see _move).
    """
    if not by.has_perm("publishing.import_items"):
        raise NotAllowed(_("Only a webmaster may import items from an old website."))
    if not entries:
        raise WorkflowError(_("There is nothing to import."))
    for item, _files in entries:
        refused = access.why_not_import(by, item.subcategory)
        if refused:
            raise NotAllowed(refused)
    unit = by.unit or entries[0][0].owner_unit
    if unit is None:
        raise WorkflowError(_("Give the requesting unit."))
    stored = []
    try:
        with transaction.atomic():
            batch = ImportBatch.objects.create(
                created_by=by,
                unit=unit,
                spreadsheet_name=spreadsheet_name[:255],
                archive_name=archive_name[:255],
            )
            requests = [
                _file_batch_entry(batch, position, item, files, by=by, stored=stored)
                for position, (item, files) in enumerate(entries, start=1)
            ]
            lead = requests[0]
            _move(
                lead,
                Status.SUBMITTED,
                by=by,
                note=note,
                action=Action.SUBMIT,
                submitted_at=timezone.now(),
            )
            notify.submitted(lead, by=by)
    except BaseException:
        # The rows are rolled back; the files already written to storage must go too.
        for field_file in stored:
            field_file.storage.delete(field_file.name)
        raise
    return lead


def _file_batch_entry(batch, position, item, files, *, by, stored):
    item.status = Item.Status.DRAFT
    item.created_by = by
    item._history_user = by
    item.save()
    for order, (name, content) in enumerate(files):
        try:
            attachment = Attachment.from_bytes(
                item=item, name=name, content=content, title_th=item.title_th, order=order
            )
        except ValidationError as error:
            raise WorkflowError(
                _("Row %(row)s, file %(name)s: %(reason)s")
                % {"row": position, "name": name, "reason": " ".join(error.messages)}
            ) from error
        stored.append(attachment.file)
    now = timezone.now()
    pr = PublicationRequest(
        item=item,
        unit=batch.unit,
        requester=by,
        status=Status.DRAFT,
        created_at=now,
        status_changed_at=now,
        batch=batch,
        batch_position=position,
    )
    pr._history_user = by
    pr.save()
    StatusChange.objects.create(
        request=pr, action=Action.FILE, to_status=Status.DRAFT, by=by, at=now
    )
    _validate(item)
    return pr


def submit(
    *, publication_request: PublicationRequest, by: User, note: str = ""
) -> PublicationRequest:
    """Send a draft or returned request to the checkers (announcement 2.2.1)."""
    pr = publication_request
    _require(by, "submit", pr)
    for member in _members(pr):
        _validate(member.item)
    with transaction.atomic():
        _move(
            pr,
            Status.SUBMITTED,
            by=by,
            note=note,
            action=Action.SUBMIT,
            submitted_at=timezone.now(),
        )
        for member in _members(pr):
            _revoke_edit(member)
        notify.submitted(pr, by=by)
    return pr


def check(
    *, publication_request: PublicationRequest, by: User, note: str = ""
) -> PublicationRequest:
    """The checker confirms the information is correct and complete (announcement 2.1.2)."""
    pr = publication_request
    _require(by, "check", pr)
    with transaction.atomic():
        _move(
            pr,
            Status.CHECKED,
            by=by,
            note=note,
            action=Action.CHECK,
            checked_by=by,
            checked_at=timezone.now(),
        )
        notify.checked(pr, by=by)
    return pr


def return_to_requester(
    *, publication_request: PublicationRequest, by: User, note: str
) -> PublicationRequest:
    """The checker sends the request back with what must change; its filer may edit it again."""
    pr = publication_request
    _require(by, "return", pr)
    note = _required_text(note, _("Say what the requester must change."))
    with transaction.atomic():
        _move(pr, Status.RETURNED, by=by, note=note, action=Action.RETURN)
        for member in _members(pr):
            _grant_edit(member)
        notify.returned(pr, by=by, note=note)
    return pr


def approve(
    *,
    publication_request: PublicationRequest,
    by: User,
    mode: str = ApprovalMode.WRITTEN,
    approver: User | None = None,
    given_at: datetime.datetime | None = None,
    note: str = "",
) -> PublicationRequest:
    """Approve a checked request (announcement 2.2.1).

    Written: `by` is the approver. Verbal (urgent): `by` records the approval that `approver`
    gave at `given_at`; it waits on the "to confirm in writing" list until confirmed.
    """
    pr = publication_request
    now = timezone.now()
    if mode not in ApprovalMode.values:
        raise WorkflowError(_("Choose how the approval was given."))
    if mode == ApprovalMode.VERBAL:
        fields = _verbal_approval(pr, by=by, approver=approver, given_at=given_at or now)
        note = _join(
            _("Urgent verbal approval by %(approver)s, relayed by %(actor)s.")
            % {"approver": fields["approved_by"], "actor": by},
            note,
        )
    else:
        _require(by, "approve", pr)
        fields = {"approved_by": by}
    with transaction.atomic():
        _move(
            pr,
            Status.APPROVED,
            by=by,
            note=note,
            action=Action.APPROVE,
            approved_at=now,
            approval_mode=mode,
            **fields,
        )
        notify.approved(pr, by=by)
    return pr


def confirm_in_writing(
    *, publication_request: PublicationRequest, by: User, note: str = ""
) -> PublicationRequest:
    """The approver confirms in writing a verbal approval given in their name."""
    pr = publication_request
    _require(by, "confirm", pr)
    now = timezone.now()
    with transaction.atomic():
        # Compare-and-set on the status too: a withdrawal or expiry that won the race leaves
        # nothing to confirm.
        changed = PublicationRequest.objects.filter(
            _together(pr),
            status__in=[Status.APPROVED, Status.PUBLISHED],
            approved_by=by,
            approval_mode=ApprovalMode.VERBAL,
            confirmed_in_writing_at__isnull=True,
        ).update(confirmed_in_writing_at=now)
        if not changed:
            raise InvalidTransition(_("This approval is already confirmed in writing."))
        StatusChange.objects.create(
            request=pr,
            action=Action.CONFIRM,
            from_status=pr.status,
            to_status=pr.status,
            by=by,
            at=now,
            note=note,
        )
        _reload(pr, by, Action.CONFIRM)
        notify.confirmed(pr, by=by)
    return pr


def reject(
    *, publication_request: PublicationRequest, by: User, reason: str, note: str
) -> PublicationRequest:
    """The approver refuses a checked request; the owner is told why (announcement 2.2.3)."""
    pr = publication_request
    _require(by, "reject", pr)
    if reason not in PublicationRequest.RejectionReason.values:
        raise WorkflowError(_("Choose the reason for the rejection."))
    note = _required_text(note, _("Explain the reason for the rejection."))
    label = PublicationRequest.RejectionReason(reason).label
    with transaction.atomic():
        _move(
            pr,
            Status.REJECTED,
            by=by,
            note=f"{label}: {note}",
            action=Action.REJECT,
            rejected_by=by,
            rejected_at=timezone.now(),
            rejection_reason=reason,
            rejection_note=note,
        )
        notify.rejected(pr, by=by)
    return pr


def publish(
    *,
    publication_request: PublicationRequest,
    by: User,
    subcategory: Subcategory | None = None,
    note: str = "",
) -> PublicationRequest:
    """The webmaster puts approved content online in the right category (announcement 2.2.2).

    A new item goes live; a revision is applied to the live item it changes. The item's
    publication date becomes the later of the requested start and now: a past date means
    "as soon as it is published", a future one keeps it off the website until then. Of two
    webmasters publishing at once, one succeeds and the other gets InvalidTransition.
    """
    pr = publication_request
    item = pr.item
    subcategory = subcategory or item.subcategory
    _require(by, "publish", pr, subcategory=subcategory)
    if subcategory != item.subcategory:
        note = _join(
            _("Category corrected from “%(old)s” to “%(new)s”.")
            % {"old": item.subcategory, "new": subcategory},
            note,
        )
    target = Item(pk=item.revision_of_id or item.pk, subcategory=subcategory)
    with translation.override(settings.LANGUAGE_CODE):
        public_url = notify.absolute_url(target.get_absolute_url())
    now = timezone.now()
    with transaction.atomic():
        _move(
            pr,
            Status.PUBLISHED,
            by=by,
            note=note,
            action=Action.PUBLISH,
            published_by=by,
            published_at=now,
            requested_publish_at=item.publish_at,
            public_url=public_url,
        )
        live = _put_online(item, subcategory, by=by, now=now)
        search.index(live)
        members = _members(pr)
        for member in members[1:]:
            _publish_member(member, by=by, now=now)
        if live.publish_at <= now:
            # The notice below gives its address; a scheduled start is told by announce_online.
            PublicationRequest.objects.filter(pk__in=[m.pk for m in members]).update(
                online_announced_at=now
            )
        notify.published(pr, live, by=by)
    return pr


def announce_online(
    *, publication_request: PublicationRequest, now: datetime.datetime | None = None
) -> bool:
    """Tell the owner that a scheduled item is now on the website; False if nothing to do.

    Idempotent and safe to run concurrently (compare-and-set on online_announced_at). Of an
    imported batch only the first request speaks, for the whole batch.
    """
    pr = publication_request
    now = now or timezone.now()
    with transaction.atomic():
        changed = PublicationRequest.objects.filter(
            pk=pr.pk,
            status=Status.PUBLISHED,
            online_announced_at__isnull=True,
            item__status=Item.Status.PUBLISHED,
            item__publish_at__lte=now,
        ).update(online_announced_at=now)
        if not changed:
            return False
        if pr.batch_id is None or pr.batch_position == 1:
            notify.online(pr, pr.item)
    return True


def _publish_member(member, *, by, now):
    """Put one further item of an imported batch online (its request moved with the lead)."""
    item = member.item
    with translation.override(settings.LANGUAGE_CODE):
        public_url = notify.absolute_url(item.get_absolute_url())
    PublicationRequest.objects.filter(pk=member.pk).update(
        requested_publish_at=item.publish_at, public_url=public_url
    )
    live = _put_online(item, item.subcategory, by=by, now=now)
    search.index(live)


def withdraw(
    *, publication_request: PublicationRequest, by: User, reason: str, in_error: bool = False
) -> PublicationRequest:
    """Take published content off the website before its end, with the reason.

    The item's address then shows a notice of the withdrawal, unless it was published in error.
    """
    pr = publication_request
    _require(by, "withdraw", pr)
    reason = _required_text(reason, _("Give the reason for the withdrawal."))
    live = pr.live_item
    now = timezone.now()
    with transaction.atomic():
        _move_item(
            live,
            Item.Status.PUBLISHED,
            Item.Status.WITHDRAWN,
            by=by,
            note=reason,
            withdrawn_at=now,
            withdrawal_reason=reason,
            withdrawn_in_error=in_error,
        )
        requests = list(
            PublicationRequest.objects.published_for(live).select_related(
                "requester", "approved_by"
            )
        )
        for each in requests:
            _move(each, Status.WITHDRAWN, by=by, note=reason, action=Action.WITHDRAW, now=now)
        notify.withdrawn(live, requests, by=by, reason=reason)
    pr.refresh_from_db()
    return pr


def expire(*, item: Item, now: datetime.datetime | None = None) -> bool:
    """Record that a published item's period has ended (announcement 3.2); False if nothing to do.

    Idempotent and safe to run concurrently: live() already hides the item; this records it.
    """
    now = now or timezone.now()
    with transaction.atomic():
        changed = Item.objects.filter(
            pk=item.pk, status=Item.Status.PUBLISHED, expire_at__lte=now
        ).update(status=Item.Status.EXPIRED, updated_at=now)
        if not changed:
            return False
        fragments.changed()
        _reload(item, None, Action.EXPIRE)
        requests = list(PublicationRequest.objects.published_for(item).select_related("requester"))
        for each in requests:
            _move(
                each,
                Status.EXPIRED,
                by=None,
                action=Action.EXPIRE,
                now=now,
                note=_("The publication period ended."),
            )
        notify.expired(item, requests)
    return True


def _move(obj, to, *, by, note="", action, now=None, **fields):
    """Compare-and-set the request's status from what `obj` holds to `to`, and record it."""
    old = obj.status
    if to not in ALLOWED[old]:
        raise InvalidTransition(
            _("A request that is “%(old)s” cannot become “%(new)s”.")
            % {"old": Status(old).label, "new": Status(to).label}
        )
    now = now or timezone.now()
    # An imported batch moves as one until it is published; once online each item lives on
    # its own (withdrawn, expired, revised alone).
    together = obj.batch_id is not None and old in IN_PROGRESS
    rows = PublicationRequest.objects.filter(_together(obj) if together else Q(pk=obj.pk))
    with transaction.atomic():
        expected = rows.count() if together else 1
        changed = rows.filter(status=old).update(status=to, status_changed_at=now, **fields)
        if changed != expected:
            # Rolls back what this update did: a batch never ends up half moved.
            raise InvalidTransition(_changed_meanwhile())
        members = list(rows.order_by("batch_position", "pk")) if together else [obj]
        StatusChange.objects.bulk_create(
            StatusChange(
                request=member,
                action=action,
                from_status=old,
                to_status=to,
                by=by,
                at=now,
                note=note,
            )
            for member in members
        )
        _reload(obj, by, action)
        others = [member for member in members if member.pk != obj.pk]
        if others:
            PublicationRequest.history.bulk_history_create(
                others, update=True, default_user=by, default_change_reason=str(action)[:100]
            )
    return obj


def _together(pr):
    """The requests that move with `pr`: its whole import batch, or itself alone."""
    return Q(batch_id=pr.batch_id) if pr.batch_id else Q(pk=pr.pk)


def _members(pr):
    """`pr` first, then the rest of its import batch in spreadsheet order (with their items)."""
    if not pr.batch_id:
        return [pr]
    others = (
        PublicationRequest.objects.filter(batch_id=pr.batch_id)
        .exclude(pk=pr.pk)
        .select_related("item__subcategory__category")
        .order_by("batch_position", "pk")
    )
    return [pr, *others]


def _move_item(item, old, new, *, by, note="", **fields):
    """Compare-and-set an item's status; the item's own history records it."""
    changed = Item.objects.filter(pk=item.pk, status=old).update(
        status=new, updated_at=timezone.now(), **fields
    )
    if not changed:
        raise InvalidTransition(_changed_meanwhile())
    # A queryset update sends no post_save: the public pages' cached parts are retired here.
    fragments.changed()
    _reload(item, by, note or new)


def _put_online(item, subcategory, *, by, now):
    if item.revision_of_id is None:
        _move_item(
            item,
            Item.Status.DRAFT,
            Item.Status.PUBLISHED,
            by=by,
            published_at=now,
            publish_at=_publication_date(item.publish_at, now),
            subcategory=subcategory,
        )
        return item
    live = Item.objects.select_for_update().get(pk=item.revision_of_id)
    if live.status not in Item.REVISABLE_STATUSES:
        raise InvalidTransition(
            _("The published item this request changes is no longer on the website.")
        )
    item.subcategory = subcategory
    live._history_user = by
    live.apply_revision(item)
    _move_item(item, Item.Status.DRAFT, Item.Status.MERGED, by=by, subcategory=subcategory)
    if live.status != Item.Status.PUBLISHED:
        # Content taken down comes back, at the same address, through this new request. It
        # was off the website meanwhile, so it gets a new publication date, as a new item
        # would; a change to content that stayed online keeps its first publication date.
        _move_item(
            live,
            live.status,
            Item.Status.PUBLISHED,
            by=by,
            published_at=now,
            publish_at=_publication_date(item.publish_at, now),
            withdrawn_at=None,
            withdrawal_reason="",
            withdrawn_in_error=False,
        )
    return live


def _publication_date(requested, now):
    # Announcement 2.2: the date shown is when it really went online, never backdated.
    return max(requested, now) if requested else now


def _reload(obj, by, reason):
    """Refresh obj after a queryset update and give it the history record save() would have."""
    obj.refresh_from_db()
    type(obj).history.bulk_history_create(
        [obj], update=True, default_user=by, default_change_reason=str(reason)[:100]
    )


def _require(user, action, pr, **kwargs):
    reason = access.why_not(user, action, pr, **kwargs)
    if reason:
        statuses = access.ACTIONS[action][1]
        raise (NotAllowed if pr.status in statuses else InvalidTransition)(reason)


def _require_own_unit(user, pr):
    # A requester files for their own unit only: the form printed as evidence names it.
    if not user.is_superuser and pr.unit_id != user.unit_id:
        raise NotAllowed(_("You may file publication requests only for your own unit."))


def _validate(item):
    """The same mandatory metadata the catalog requires (announcement 2.2), before submitting."""
    try:
        item.full_clean()
    except ValidationError as error:
        labels = []
        for name, messages in error.message_dict.items():
            field = Item._meta.get_field(name).verbose_name if name != "__all__" else ""
            labels.append(f"{field}: {' '.join(messages)}" if field else " ".join(messages))
        raise InvalidTransition(
            _("The request is not complete and cannot be submitted: %(errors)s")
            % {"errors": "; ".join(labels)}
        ) from error
    if item.expire_at and item.expire_at <= timezone.now():
        raise InvalidTransition(_("The end of the publication period has already passed."))
    # The typed detail, steps and files the item's kind needs (announcement 2.2).
    missing = item.completeness_errors()
    if missing:
        raise InvalidTransition(
            _("The request is not complete and cannot be submitted: %(errors)s")
            % {"errors": "; ".join(missing)}
        )


def _verbal_approval(pr, *, by, approver, given_at):
    _require(by, "record_verbal", pr)
    if approver is None or not approver.has_perm("publishing.approve_publicationrequest"):
        raise NotAllowed(_("Name the approver who gave the verbal approval."))
    if approver.pk == pr.requester_id:
        raise NotAllowed(_("The approver filed this request: someone else must approve it."))
    if access.why_checker_may_not_approve(approver, pr):
        raise NotAllowed(_("The approver checked this request: another person must approve it."))
    if given_at > timezone.now():
        raise WorkflowError(_("The time of the verbal approval cannot be in the future."))
    return {"approved_by": approver, "verbal_relayed_by": by, "verbal_given_at": given_at}


def _grant_edit(pr):
    for permission in EDIT_PERMISSIONS:
        assign_perm(
            permission, pr.requester, pr if permission.startswith("publishing") else pr.item
        )


def _revoke_edit(pr):
    for permission in EDIT_PERMISSIONS:
        remove_perm(
            permission, pr.requester, pr if permission.startswith("publishing") else pr.item
        )


def _required_text(text, message):
    text = (text or "").strip()
    if not text:
        raise WorkflowError(message)
    return text


def _join(*parts):
    return " ".join(part for part in parts if part)


def _changed_meanwhile():
    return _("Someone else changed this meanwhile; nothing was done. Reload to see its status.")
