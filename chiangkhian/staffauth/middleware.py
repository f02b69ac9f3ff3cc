import re

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from . import policy

# The back office: /admin/… and /en/admin/…
BACK_OFFICE = re.compile(r"^/(?:[a-z]{2}/)?admin/")
# Pages an unverified user may still open: the second-factor pages, log-out, password reset.
OPEN_URL_NAMES = {"logout", "login", "jsi18n"}


class StaffSessionMiddleware:
    """Ends staff sessions that are idle or too old, and asks for the second factor.

    Runs after OTPMiddleware. Sessions: STAFF_SESSION_IDLE_MINUTES without a request, or
    STAFF_SESSION_MAX_HOURS after log-in, end the session (ASVS 3.3). Second factor: a user who
    needs one (policy.needs_second_factor, decided at log-in) and has not given it this session
    is sent to enrol or to give a code before any back-office page.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if user.is_authenticated:
            expired = policy.session_expired(request)
            if expired:
                logout(request)
                messages.warning(request, _expired_message(expired))
            else:
                policy.touch(request)
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        user = request.user
        if not user.is_authenticated or not BACK_OFFICE.match(request.path_info):
            return None
        match = request.resolver_match
        if match.namespace == "staffauth" or match.url_name in OPEN_URL_NAMES:
            return None
        if not request.session.get(policy.NEEDS_OTP) or user.is_verified():
            return None
        target = "staffauth:verify" if _has_device(user) else "staffauth:setup"
        return redirect(f"{reverse(target)}?{urlencode({'next': request.get_full_path()})}")


def _has_device(user):
    from django_otp import user_has_device

    return user_has_device(user)


def _expired_message(reason):
    if reason == "max":
        return _(
            "You were signed out because you have been signed in for %(hours)s hours. "
            "Please sign in again."
        ) % {"hours": settings.STAFF_SESSION_MAX_HOURS}
    return _(
        "You were signed out after %(minutes)s minutes without activity. Please sign in again."
    ) % {"minutes": settings.STAFF_SESSION_IDLE_MINUTES}
