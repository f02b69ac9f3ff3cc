"""Who may see and act on a case. The rules of announcement 1.9 and the PDPA in one place.

- A case is handled by the staff of its unit who hold the officer role.
- Corruption reports are handled only by the designated recipients: the members of their own
  role, or the municipality's approver when nobody holds it.
- An official named in a report never sees it, whatever their role.
- Personal data is shown only to those who handle the case; each showing is recorded.
"""

from django.utils.translation import gettext as _

from chiangkhian import roles
from chiangkhian.models import Municipality, User

from .models import Case, PersonalDataView


def corruption_recipients():
    """The designated recipients of corruption reports (default: the approver)."""
    members = list(
        User.objects.filter(groups__name=roles.CORRUPTION_RECIPIENT, is_active=True).distinct()
    )
    if members:
        return members
    municipality = Municipality.current()
    approver = municipality.approver if municipality else None
    return [approver] if approver and approver.is_active else []


def is_corruption_recipient(user):
    # Group membership, not has_perm: a superuser is not a recipient by being a superuser.
    return user.is_authenticated and user in corruption_recipients()


def is_named(user, case):
    return case.pk and case.named_officials.filter(pk=user.pk).exists()


def may_handle(user, case):
    """True when `user` may act on the case and see who sent it."""
    if not user.is_authenticated or not user.is_active or is_named(user, case):
        return False
    if case.service.is_corruption:
        return is_corruption_recipient(user)
    return (
        bool(user.unit_id)
        and user.unit_id == case.unit_id
        and user.has_perm("eservices.handle_case")
    )


def why_not_handle(user, case):
    """None when `user` may act on the case; otherwise the reason, in Thai."""
    if may_handle(user, case):
        return None
    if case.service.is_corruption:
        return _("Only the designated recipients of corruption reports may act on this case.")
    return _("Only the officers of %(unit)s, which handles this case, may act on it.") % {
        "unit": case.unit
    }


def why_not_publish(user, case):
    """None when `user` may publish this question's answer on the Q&A page."""
    if not user.has_perm("eservices.publish_answer"):
        return _("Only the webmasters publish answers on the Q&A page.")
    if case.service.kind != case.service.Kind.QUESTION or case.status != Case.Status.DONE:
        return _("Only a question that has been answered and closed can be published.")
    return None


def handlers_of(case):
    """The people who handle the case now (for notifications)."""
    if case.service.is_corruption:
        people = corruption_recipients()
    else:
        people = list(
            User.objects.filter(unit_id=case.unit_id, is_active=True)
            .filter(groups__permissions__codename="handle_case")
            .distinct()
        )
    named = set(case.named_officials.values_list("pk", flat=True)) if case.pk else set()
    return [person for person in people if person.pk not in named]


def unit_heads(unit):
    return list(
        User.objects.filter(unit=unit, is_active=True, groups__name=roles.UNIT_HEAD).distinct()
    )


def citizen_file(user, case, file_pk):
    """A file the citizen sent with the case, recorded as seen; None if not allowed.

    The citizen's photos and documents are their personal data: the same people as for the
    contact details may open them, and each opening is recorded.
    """
    if not may_handle(user, case):
        return None
    case_file = case.files.filter(pk=file_pk).first()
    if case_file is not None:
        PersonalDataView.objects.create(case=case, by=user, what=_file_label(case_file))
    return case_file


def _file_label(case_file):
    # Not the file's own name: it may name the citizen, and this record outlives the erasure.
    label = f"{case_file.get_kind_display()} {case_file.pk}"
    return f"{label}: {case_file.label}"[:300] if case_file.label else label


def personal_data(user, case):
    """The citizen's contact details for `user`, recorded as seen; None if not allowed."""
    if not may_handle(user, case) or not case.has_personal_data():
        return None
    PersonalDataView.objects.create(case=case, by=user)
    return {field: getattr(case, field) for field in Case.PERSONAL_FIELDS}
