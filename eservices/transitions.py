"""The handling of a case: the only code that changes a case's status or writes its steps.

Each public function is one action: it checks who may act (eservices.access), then moves the
case with a compare-and-set UPDATE inside a transaction, writes a CaseStep (who, when, unit,
note, shown to the citizen or not) and tells the people concerned once it commits. A refused
action raises a WorkflowError (chiangkhian.workflow) with a Thai message and changes nothing.
"""

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from chiangkhian.models import Unit, User
from chiangkhian.workflow import InvalidTransition, NotAllowed, WorkflowError

from . import access, notify
from .models import Case, CaseFile, CaseStep, PublishedAnswer, Service

Status = Case.Status
Action = CaseStep.Action

ALLOWED = {
    Status.RECEIVED: {Status.IN_PROGRESS, Status.WAITING, Status.RECEIVED, Status.REFERRED},
    Status.IN_PROGRESS: {Status.WAITING, Status.RECEIVED, Status.DONE, Status.REFERRED},
    Status.WAITING: {Status.IN_PROGRESS, Status.RECEIVED, Status.DONE, Status.REFERRED},
    Status.DONE: set(),
    Status.REFERRED: set(),
}


def file_case(*, case: Case, files=(), now: datetime.datetime | None = None) -> Case:
    """Receive a citizen's filing: its code, its deadline, its files and the first step.

    `files` are unsaved CaseFile objects the form has inspected; a burst or a bot
    never gets here (eservices.abuse), so every case counts in the statistics.
    """
    now = now or timezone.now()
    service = case.service
    received = timezone.localdate(now)
    with transaction.atomic():
        case.code = _next_code(service, received)
        case.unit = service.unit
        case.received_at = case.status_changed_at = now
        case.consent_at = case.consent_at or now
        case.due_on = service.due_on(received)
        case.status = Status.RECEIVED
        if case.anonymous:
            # Announcement 1.9: an anonymous report keeps nothing that identifies its sender.
            for field in Case.PERSONAL_FIELDS:
                setattr(case, field, "")
        case.save()
        step = CaseStep.objects.create(
            case=case,
            action=Action.FILE,
            to_status=Status.RECEIVED,
            at=now,
            unit=case.unit,
            to_citizen=True,
        )
        _attach(case, step, files)
        notify.filed(case)
    return case


def accept(*, case: Case, by: User, note: str = "") -> Case:
    """A handler of the case's unit takes it up; they are its assignee unless one is set."""
    _require(by, case)
    fields = {} if case.assignee_id else {"assignee": by}
    # The citizen sees that their matter was taken up, and by which unit.
    return _move(
        case, Status.IN_PROGRESS, by=by, action=Action.ACCEPT, note=note, to_citizen=True, **fields
    )


def assign(*, case: Case, by: User, to: User, note: str = "") -> Case:
    """Give the case to one person of the handling unit (no change of status)."""
    _require(by, case)
    if not access.may_handle(to, case):
        raise NotAllowed(
            _("%(person)s cannot handle this case: choose an officer of %(unit)s.")
            % {"person": to, "unit": case.unit}
        )
    note = _join(_("Assigned to %(person)s.") % {"person": to}, note)
    return _move(case, case.status, by=by, action=Action.ASSIGN, note=note, assignee=to)


def reassign(*, case: Case, by: User, unit: Unit, reason: str) -> Case:
    """Send the case to another unit of the municipality, with the reason; it starts there anew."""
    _require(by, case)
    reason = _required(reason, _("Give the reason for sending the case to another unit."))
    if case.service.is_corruption:
        raise NotAllowed(_("Corruption reports stay with their designated recipients."))
    if unit.pk == case.unit_id:
        raise WorkflowError(_("The case is already with %(unit)s.") % {"unit": unit})
    note = _join(_("Sent from %(old)s to %(new)s.") % {"old": case.unit, "new": unit}, reason)
    return _move(
        case,
        Status.RECEIVED,
        by=by,
        action=Action.REASSIGN,
        note=note,
        to_citizen=True,
        unit=unit,
        assignee=None,
    )


def ask_for_information(*, case: Case, by: User, note: str) -> Case:
    """Ask the citizen for more; the question is shown on the status page and e-mailed."""
    _require(by, case)
    note = _required(note, _("Write what the citizen must add."))
    _move(case, Status.WAITING, by=by, action=Action.ASK, note=note, to_citizen=True)
    notify.to_citizen(case, note)
    return case


def reply(*, case: Case, by: User, note: str) -> Case:
    """Answer the citizen (shown on the status page and e-mailed), without closing the case."""
    _require(by, case)
    note = _required(note, _("Write the reply to the citizen."))
    if case.status == Status.RECEIVED:
        raise InvalidTransition(_("Accept the case before replying to the citizen."))
    _move(case, case.status, by=by, action=Action.REPLY, note=note, to_citizen=True)
    notify.to_citizen(case, note)
    return case


def add_note(*, case: Case, by: User, note: str) -> Case:
    """An internal note for the staff handling the case; never shown to the citizen."""
    _require(by, case)
    note = _required(note, _("Write the note."))
    return _record(case, Action.NOTE, by=by, note=note, to_citizen=False)


def close_done(*, case: Case, by: User, note: str) -> Case:
    """Close the case as finished, with what was done (shown to the citizen)."""
    _require(by, case)
    note = _required(note, _("Write what was done, for the citizen."))
    if case.status == Status.RECEIVED:
        raise InvalidTransition(_("Accept the case before closing it as finished."))
    _move(
        case, Status.DONE, by=by, action=Action.CLOSE_DONE, note=note, to_citizen=True, closes=True
    )
    notify.to_citizen(case, note)
    return case


def close_referred(*, case: Case, by: User, agency: str, note: str = "") -> Case:
    """Close as not the municipality's responsibility, naming the agency that is."""
    _require(by, case)
    agency = _required(agency, _("Name the agency responsible for this matter."))
    text = _join(_("Referred to: %(agency)s") % {"agency": agency}, note)
    _move(
        case,
        Status.REFERRED,
        by=by,
        action=Action.CLOSE_REFERRED,
        note=text,
        to_citizen=True,
        closes=True,
        referred_to=agency,
    )
    notify.to_citizen(case, text)
    return case


def name_officials(*, case: Case, by: User, officials) -> Case:
    """Record which staff a corruption report is about: from now on they never see it."""
    _require(by, case)
    if not case.service.is_corruption:
        raise WorkflowError(_("Only corruption reports name officials."))
    officials = list(officials)
    names = ", ".join(str(person) for person in officials) or "—"
    with transaction.atomic():
        _record(
            case,
            Action.NOTE,
            by=by,
            note=_("Officials named in the report: %(names)s") % {"names": names},
            to_citizen=False,
        )
        case.named_officials.set(officials)
    return case


def publish_answer(*, case: Case, by: User, question: str, answer: str) -> PublishedAnswer:
    """A webmaster puts a finished question and its answer on the public Q&A page."""
    reason = access.why_not_publish(by, case)
    if reason:
        raise NotAllowed(reason)
    question = _required(question, _("Write the question as it will be published."))
    answer = _required(answer, _("Write the answer as it will be published."))
    now = timezone.now()
    with transaction.atomic():
        published, created = PublishedAnswer.objects.get_or_create(
            case=case,
            defaults={
                "question": question,
                "answer": answer,
                "published_by": by,
                "published_at": now,
            },
        )
        if not created:
            raise InvalidTransition(_("This answer is already published."))
        CaseStep.objects.create(
            case=case,
            action=Action.PUBLISH_ANSWER,
            from_status=case.status,
            to_status=case.status,
            by=by,
            at=now,
            unit=case.unit,
            to_citizen=True,
        )
    return published


def add_information(*, case: Case, text: str, files=()) -> Case:
    """The citizen adds information while the case is open; a waiting case moves on."""
    text = _required(text, _("Write the information you want to add."))
    to = Status.IN_PROGRESS if case.status == Status.WAITING else case.status
    if case.status not in Case.OPEN:
        raise InvalidTransition(_("This case is closed: information can no longer be added."))
    with transaction.atomic():
        _move(case, to, by=None, action=Action.CITIZEN_INFO, note=text, to_citizen=True)
        _attach(case, case.steps.last(), files)
        notify.citizen_added(case)
    return case


def rate(*, case: Case, score: int, comment: str = "") -> Case:
    """The citizen rates the service once the case is closed, once."""
    now = timezone.now()
    with transaction.atomic():
        changed = Case.objects.filter(
            pk=case.pk, status__in=Case.CLOSED, rating__isnull=True
        ).update(rating=score, rating_comment=comment.strip())
        if not changed:
            raise InvalidTransition(_("This case cannot be rated (it is open or already rated)."))
        CaseStep.objects.create(
            case=case,
            action=Action.RATE,
            from_status=case.status,
            to_status=case.status,
            at=now,
            unit=case.unit,
        )
        case.refresh_from_db()
    return case


def erase_personal_data(*, case: Case, now: datetime.datetime | None = None) -> bool:
    """Erase what identifies the citizen (PDPA); counts stay. False when there was nothing to do."""
    now = now or timezone.now()
    blank = {field: "" for field in Case.PERSONAL_FIELDS}
    with transaction.atomic():
        changed = Case.objects.filter(
            pk=case.pk, status__in=Case.CLOSED, personal_data_erased_at__isnull=True
        ).update(
            personal_data_erased_at=now,
            latitude=None,
            longitude=None,
            rating_comment="",
            # Free text may name people too: the citizen's details and whom a report accuses.
            description="",
            accused="",
            **blank,
        )
        if not changed:
            return False
        for each in CaseFile.objects.filter(case=case):
            each.file.delete(save=False)
        CaseFile.objects.filter(case=case).delete()
        case.steps.filter(action=Action.CITIZEN_INFO).update(note="")
        CaseStep.objects.create(
            case=case,
            action=Action.ERASE,
            from_status=case.status,
            to_status=case.status,
            at=now,
            unit=case.unit,
        )
        case.refresh_from_db()
    return True


def _next_code(service: Service, day):
    from .models import TrackingCounter

    return TrackingCounter.next_code(service.code_prefix, day)


def _require(by, case):
    reason = access.why_not_handle(by, case)
    if reason:
        raise NotAllowed(reason)


def _move(case, to, *, by, action, note="", to_citizen=False, closes=False, **fields):
    """Compare-and-set the case from the status it holds to `to`, and record the step."""
    old = case.status
    if old not in Case.OPEN or (to != old and to not in ALLOWED[old]):
        raise InvalidTransition(
            _("A case that is “%(old)s” cannot be “%(action)s”.")
            % {"old": Status(old).label, "action": Action(action).label}
        )
    now = timezone.now()
    if closes:
        fields["closed_at"] = now
    with transaction.atomic():
        changed = Case.objects.filter(pk=case.pk, status=old).update(
            status=to, status_changed_at=now, **fields
        )
        if not changed:
            raise InvalidTransition(
                _("The case was changed by someone else meanwhile; open it again.")
            )
        case.refresh_from_db()
        CaseStep.objects.create(
            case=case,
            action=action,
            from_status=old,
            to_status=to,
            by=by,
            at=now,
            unit=case.unit,
            note=note,
            to_citizen=to_citizen,
        )
    return case


def _record(case, action, *, by, note, to_citizen):
    """A step that changes no status, on a case that is still open (row checked, not moved)."""
    return _move(case, case.status, by=by, action=action, note=note, to_citizen=to_citizen)


def _attach(case, step, files):
    for each in files:
        each.case, each.step = case, step
        each.save()  # inspected already by the form, or here (CaseFile.save)


def _required(text, message):
    text = (text or "").strip()
    if not text:
        raise WorkflowError(message)
    return text


def _join(*parts):
    return "\n".join(part for part in parts if part)
