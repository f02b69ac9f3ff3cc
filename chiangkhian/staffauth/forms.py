from django import forms
from django.contrib.auth import authenticate
from django.contrib.auth.forms import PasswordResetForm
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils.translation import gettext_lazy as _
from django_otp import devices_for_user


class CodeForm(forms.Form):
    """A six-digit code from the authenticator app, or one of the recovery codes."""

    code = forms.CharField(
        label=_("Code from your authenticator app, or a recovery code"),
        max_length=16,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}
        ),
    )

    def __init__(self, *args, user, devices=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.devices = devices
        self.device = None

    def clean_code(self):
        code = "".join(self.cleaned_data["code"].split()).lower()
        devices = self.devices if self.devices is not None else devices_for_user(self.user)
        for device in devices:
            # Each device counts its own failures and slows guessing down (ThrottlingMixin).
            allowed, _info = device.verify_is_allowed()
            if allowed and device.verify_token(code):
                self.device = device
                return code
        raise forms.ValidationError(
            _(
                "This code is not right. Type the 6 digits your app shows now, or one recovery "
                "code; after several wrong codes, wait a moment before trying again."
            )
        )


class ReauthForm(forms.Form):
    """The password again, or (for an enrolled user) a code instead."""

    secret = forms.CharField(
        label=_("Your password, or a code from your authenticator app"),
        strip=False,
        max_length=128,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password", "autofocus": True}),
    )

    def __init__(self, *args, request, **kwargs):
        super().__init__(*args, **kwargs)
        self.request = request
        self.device = None

    def clean_secret(self):
        secret = self.cleaned_data["secret"]
        user = self.request.user
        # Through authenticate(): a wrong password here counts towards the lockout too.
        if authenticate(self.request, username=user.get_username(), password=secret) == user:
            return secret
        code_form = CodeForm({"code": secret}, user=user)
        if len(secret) <= 16 and code_form.is_valid():
            self.device = code_form.device
            return secret
        raise forms.ValidationError(_("The password or code is not right."))


class StaffPasswordResetForm(PasswordResetForm):
    """Django's reset by e-mail, for staff accounts only (there are no public accounts)."""

    def get_users(self, email):
        return (user for user in super().get_users(email) if user.is_staff)

    def send_mail(
        self,
        subject_template_name,
        email_template_name,
        context,
        from_email,
        to_email,
        html_email_template_name=None,
    ):
        # Through the outbox: a mail server that is down delays the link, never loses it.
        from outbox.tasks import queue

        subject = "".join(render_to_string(subject_template_name, context).splitlines())
        body = render_to_string(email_template_name, context)
        queue([EmailMessage(subject, body, from_email, [to_email])])
