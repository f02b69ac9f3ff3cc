"""The second-factor pages (enrol, verify, recovery codes), re-authentication, the lockout page."""

import io
from functools import wraps

import django_otp
import qrcode
import qrcode.image.svg
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from . import policy
from .forms import CodeForm, ReauthForm

RECOVERY_CODE_COUNT = 10


def recent_authentication_required(view):
    """Consequential acts (approve, publish, withdraw) need a log-in younger than
    STAFF_REAUTH_MINUTES; otherwise the password (or a code) is asked again, then the user
    comes back to the same page (ASVS 3.7.1)."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if policy.auth_age_minutes(request) > settings.STAFF_REAUTH_MINUTES:
            query = urlencode({"next": request.path})
            return redirect(f"{reverse('staffauth:reauth')}?{query}")
        return view(request, *args, **kwargs)

    return wrapper


def _next(request, default="admin:index"):
    target = request.POST.get("next") or request.GET.get("next") or ""
    # A path of this site only: redirect() would take a bare word for a URL name to reverse.
    if target.startswith("/") and url_has_allowed_host_and_scheme(
        target, {request.get_host()}, request.is_secure()
    ):
        return target
    return reverse(default)


def _render(request, template, title, **extra):
    context = {**admin.site.each_context(request), "title": title, "next": _next(request)}
    context.update(extra)
    return render(request, template, context)


@login_required
def overview(request):
    user = request.user
    return _render(
        request,
        "staffauth/overview.html",
        _("Sign-in security"),
        totp=TOTPDevice.objects.filter(user=user, confirmed=True).first(),
        codes_left=StaticToken.objects.filter(device__user=user, device__confirmed=True).count(),
        required=policy.role_needs_second_factor(user),
    )


@login_required
def setup(request):
    """Enrol an authenticator app: scan the QR code, type the code it shows, get recovery codes."""
    user = request.user
    if TOTPDevice.objects.filter(user=user, confirmed=True).exists() and not user.is_verified():
        return redirect(f"{reverse('staffauth:verify')}?{urlencode({'next': _next(request)})}")
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=_("Authenticator app"), confirmed=False)
    form = CodeForm(request.POST or None, user=user, devices=[device])
    form.fields["code"].label = _("Code from your authenticator app")
    if form.is_valid():
        codes = _enrol(request, device)
        return _render(request, "staffauth/recovery_codes.html", _("Recovery codes"), codes=codes)
    return _render(
        request,
        "staffauth/setup.html",
        _("Set up two-step sign-in"),
        form=form,
        qr_svg=_qr_svg(device.config_url),
        secret=_secret_for_typing(device),
    )


@transaction.atomic
def _enrol(request, device):
    user = request.user
    TOTPDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    codes = _new_recovery_codes(user)
    django_otp.login(request, device)
    policy.mark_authenticated(request)
    request.session[policy.NEEDS_OTP] = True
    return codes


def _new_recovery_codes(user):
    StaticDevice.objects.filter(user=user).delete()
    static = StaticDevice.objects.create(user=user, name=_("Recovery codes"), confirmed=True)
    codes = [StaticToken.random_token() for _i in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=static, token=code) for code in codes)
    return codes


@login_required
@require_POST
def new_recovery_codes(request):
    if not request.user.is_verified():
        return redirect("staffauth:verify")
    with transaction.atomic():
        codes = _new_recovery_codes(request.user)
    return _render(request, "staffauth/recovery_codes.html", _("Recovery codes"), codes=codes)


@login_required
def verify(request):
    """The second step of signing in: a code from the app or a recovery code."""
    form = CodeForm(request.POST or None, user=request.user)
    if form.is_valid():
        django_otp.login(request, form.device)
        policy.mark_authenticated(request)
        if isinstance(form.device, StaticDevice):
            left = StaticToken.objects.filter(device=form.device).count()
            messages.warning(
                request,
                _("You used a recovery code; %(count)s are left. Make new ones if few remain.")
                % {"count": left},
            )
        return redirect(_next(request))
    return _render(request, "staffauth/verify.html", _("Two-step sign-in"), form=form)


@login_required
def reauth(request):
    """Prove again that it is you, before an act the law holds you to."""
    form = ReauthForm(request.POST or None, request=request)
    if form.is_valid():
        if form.device is not None:
            django_otp.login(request, form.device)
        policy.mark_authenticated(request)
        return redirect(_next(request))
    return _render(
        request,
        "staffauth/reauth.html",
        _("Confirm it is you"),
        form=form,
        minutes=settings.STAFF_REAUTH_MINUTES,
    )


def locked_out(request, original_response=None, credentials=None):
    """django-axes' answer to a locked-out log-in: what happened and what to do, in Thai."""
    context = {
        **admin.site.each_context(request),
        "title": _("Signing in is paused"),
        "is_nav_sidebar_enabled": False,
        "minutes": settings.STAFF_LOCKOUT_MINUTES,
        "failure_limit": settings.AXES_FAILURE_LIMIT,
    }
    return render(request, "staffauth/locked_out.html", context, status=429)


def _qr_svg(text):
    # Drawn here as inline SVG: the secret never leaves the server, no image service is used.
    image = qrcode.make(text, image_factory=qrcode.image.svg.SvgPathImage, box_size=8, border=2)
    buffer = io.BytesIO()
    image.save(buffer)
    svg = buffer.getvalue().decode()
    return mark_safe(svg[svg.index("<svg") :])  # noqa: S308 - generated by qrcode, no user input


def _secret_for_typing(device):
    from base64 import b32encode

    secret = b32encode(device.bin_key).decode()
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))
