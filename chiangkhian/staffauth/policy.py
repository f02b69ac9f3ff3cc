"""Who must give a second factor, and how old a staff session or log-in may get."""

import time

from django.conf import settings
from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver
from django_otp import user_has_device

from chiangkhian.roles import APPROVER, WEBMASTER

LOGIN_AT = "staffauth:login_at"
AUTH_AT = "staffauth:auth_at"
SEEN_AT = "staffauth:seen_at"
NEEDS_OTP = "staffauth:needs_otp"
# Roles whose acts are the legal record (approval, publication) or that hold every right.
SECOND_FACTOR_ROLES = {APPROVER, WEBMASTER}


def now():
    return time.time()


def role_needs_second_factor(user):
    """True for a superuser, an approver or a webmaster when the site requires it."""
    if not settings.STAFF_OTP_REQUIRED:
        return False
    return user.is_superuser or user.groups.filter(name__in=SECOND_FACTOR_ROLES).exists()


def needs_second_factor(user):
    """Required by the role, or chosen by the user (an enrolled device is always asked for)."""
    return role_needs_second_factor(user) or user_has_device(user)


@receiver(user_logged_in, dispatch_uid="staffauth-login-times")
def remember_login(sender, request, user, **kwargs):
    # Decided once per log-in and kept in the session, so that a page costs no extra query;
    # a role change takes effect at the next log-in (at most STAFF_SESSION_MAX_HOURS later).
    if request is None or not hasattr(request, "session"):
        return
    at = now()
    request.session[LOGIN_AT] = request.session[AUTH_AT] = request.session[SEEN_AT] = at
    request.session[NEEDS_OTP] = needs_second_factor(user)


def mark_authenticated(request):
    """The user just proved who they are again (password or code)."""
    request.session[AUTH_AT] = now()


def auth_age_minutes(request):
    at = request.session.get(AUTH_AT)
    return float("inf") if at is None else (now() - at) / 60


def session_expired(request):
    """Why this session must end ('idle', 'max'), or '' while it is still good."""
    at = now()
    login_at = request.session.get(LOGIN_AT, at)
    seen_at = request.session.get(SEEN_AT, at)
    if at - login_at > settings.STAFF_SESSION_MAX_HOURS * 3600:
        return "max"
    if at - seen_at > settings.STAFF_SESSION_IDLE_MINUTES * 60:
        return "idle"
    return ""


def touch(request):
    # Written at most once a minute: a page does not always cost a session write.
    at = now()
    if at - request.session.get(SEEN_AT, 0) > 60:
        request.session[SEEN_AT] = at
    request.session.setdefault(LOGIN_AT, at)
