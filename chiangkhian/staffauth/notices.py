"""A password change, by any route, is told to the account's owner by e-mail (ASVS 2.2.3)."""

import logging

from django.conf import settings
from django.contrib.auth.hashers import check_password, is_password_usable
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models.signals import pre_save
from django.dispatch import receiver
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from chiangkhian.thaidates import format_date

logger = logging.getLogger(__name__)


class PasswordChangeNotice:
    """Listed in AUTH_PASSWORD_VALIDATORS for its password_changed() hook; it refuses nothing.

    Django calls password_changed() after any save that set a new password: the admin, the
    password change and reset pages, `changepassword`. A new account, a first password and
    the same password set again (the demo loader) are not changes.
    """

    def validate(self, password, user=None):
        return None

    def get_help_text(self):
        return ""

    def password_changed(self, password, user=None):
        if user is None or not getattr(user, "_staffauth_changed", False) or not user.email:
            return
        transaction.on_commit(lambda: _send(user))


@receiver(pre_save, sender=settings.AUTH_USER_MODEL, dispatch_uid="staffauth-password-change")
def _note_password_change(sender, instance, update_fields=None, **kwargs):
    raw = getattr(instance, "_password", None)
    instance._staffauth_changed = False
    if raw is None or instance._state.adding:
        return
    old = sender._default_manager.filter(pk=instance.pk).values_list("password", flat=True).first()
    had_one = bool(old) and is_password_usable(old)
    instance._staffauth_changed = had_one and not check_password(raw, old)


def _send(user):
    with translation.override("th"):
        when = format_date(timezone.now(), "datetime")
        subject = _("Your password was changed")
        body = _(
            "Dear %(name)s,\n\nThe password of your back-office account %(username)s was "
            "changed on %(when)s.\n\nIf you did this, nothing more is needed. If you did not, "
            "tell the webmaster or the system administrator at once: someone else may know "
            "your password.\n"
        ) % {
            "name": user.get_full_name() or user.get_username(),
            "username": user.get_username(),
            "when": when,
        }
    # The password is changed either way: the outbox retries a mail server that is down.
    from outbox.tasks import queue

    queue([EmailMessage(subject, body, None, [user.email])])
