"""The citizen's forms: one per service (its fields follow the service), follow-up and rating."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from .models import Case, CaseFile, Topic

MAX_PHOTOS = 5
TEXT_MAX = 5000


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class PhotosField(forms.FileField):
    """Up to MAX_PHOTOS photos from one file input."""

    widget = MultipleFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"})

    def clean(self, data, initial=None):
        files = [f for f in (data or []) if f] if isinstance(data, list | tuple) else [data]
        files = [super(PhotosField, self).clean(f, initial) for f in files if f]
        if len(files) > MAX_PHOTOS:
            raise ValidationError(
                _("Send at most %(max)s photos; you chose %(count)s.")
                % {"max": MAX_PHOTOS, "count": len(files)}
            )
        return files


class HoneypotMixin(forms.Form):
    # Hidden from people by CSS and from assistive technology; bots fill it.
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def is_spam(self):
        return bool(self.data.get("website"))


def _text(label, *, required=True, max_length=TEXT_MAX, rows=5, **attrs):
    return forms.CharField(
        label=label,
        required=required,
        max_length=max_length,
        widget=forms.Textarea(attrs={"rows": rows, "maxlength": max_length, **attrs}),
    )


class CaseForm(HoneypotMixin, forms.ModelForm):
    """What a citizen sends; the service decides which fields there are."""

    consent = forms.BooleanField(
        label=_(
            "I have read the privacy notice and agree that the municipality keeps and uses "
            "this information to handle my matter."
        ),
        error_messages={"required": _("Tick the box to agree to the privacy notice.")},
    )
    photos = PhotosField(label=_("Photos (up to 5)"), required=False)

    class Meta:
        model = Case
        fields = [
            "topic",
            "subject",
            "description",
            "place",
            "latitude",
            "longitude",
            "accused",
            "anonymous",
            "name",
            "phone",
            "email",
            "address",
        ]
        widgets = {
            "latitude": forms.HiddenInput,
            "longitude": forms.HiddenInput,
            "address": forms.Textarea(attrs={"rows": 2}),
            "accused": forms.Textarea(attrs={"rows": 2}),
            "phone": forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "name": forms.TextInput(attrs={"autocomplete": "name"}),
        }

    def __init__(self, *args, service, **kwargs):
        super().__init__(*args, **kwargs)
        self.service = service
        self.instance.service = service
        self.fields["description"] = _text(_("Details"))
        self.fields["subject"].label = _("Subject")
        self.fields["name"].label = _("Your name")
        self.fields["phone"].label = _("Phone number")
        self.fields["email"].label = _("E-mail (to receive news of your case)")
        self.fields["address"].label = _("Address")
        self.fields["place"].label = _("Where (village, road, landmark)")
        self.fields["accused"].label = _("Who the report is about (names or positions)")
        self.fields["anonymous"].label = _("Send without my name (anonymous)")
        if service.has_place:
            self.fields["topic"].required = True
            self.fields["topic"].choices = [("", _("Choose a category")), *Topic.choices]
            self.fields["place"].required = True
        else:
            for name in ["topic", "place", "latitude", "longitude", "photos"]:
                del self.fields[name]
        if not service.is_corruption:
            del self.fields["accused"]
            del self.fields["anonymous"]
        self.document_fields = []
        for document in service.required_documents():
            name = f"document_{document.pk}"
            self.fields[name] = forms.FileField(label=document.name, required=False)
            self.document_fields.append(name)
        for name, field in self.fields.items():
            if name != "consent":  # it says what to tick
                field.error_messages["required"] = _("Fill in this field.")
        self.files_to_attach = []

    def clean(self):
        cleaned = super().clean()
        anonymous = cleaned.get("anonymous") and self.service.is_corruption
        if not anonymous:
            if not cleaned.get("name"):
                self.add_error("name", _("Give your name, so that we can answer you."))
            if not (cleaned.get("phone") or cleaned.get("email")):
                self.add_error(
                    "phone", _("Give a phone number or an e-mail, so that we can reach you.")
                )
        phone = cleaned.get("phone") or ""
        if phone and len([ch for ch in phone if ch.isdigit()]) < 9:
            self.add_error("phone", _("Give a phone number of 9 or 10 digits, e.g. 081-234-5678."))
        lat, lon = cleaned.get("latitude"), cleaned.get("longitude")
        if (lat is None) != (lon is None):
            self.add_error("place", _("The map position is incomplete; try again or leave it."))
        self._inspect_files(cleaned)
        return cleaned

    def _inspect_files(self, cleaned):
        """Every file through the one inspection path of the site (catalog.filetypes)."""
        pending = [("photos", CaseFile.Kind.PHOTO, f) for f in cleaned.get("photos") or []]
        for name in self.document_fields:
            if cleaned.get(name):
                pending.append((name, CaseFile.Kind.DOCUMENT, cleaned[name]))
        for name, kind, uploaded in pending:
            label = self.fields[name].label if name != "photos" else ""
            case_file = CaseFile(kind=kind, label=label, file=uploaded)
            try:
                case_file.inspect()
            except ValidationError as error:
                for message in error.message_dict.get("file", error.messages):
                    self.add_error(name, f"{uploaded.name}: {message}")
            else:
                self.files_to_attach.append(case_file)


class LookupForm(HoneypotMixin, forms.Form):
    """Find one's case by its code and the phone number or e-mail given with it."""

    code = forms.CharField(
        label=_("Tracking code"),
        max_length=20,
        widget=forms.TextInput(attrs={"placeholder": "ร-2570-000123", "autocomplete": "off"}),
        error_messages={"required": _("Type the tracking code you received.")},
    )
    contact = forms.CharField(
        label=_("The phone number or e-mail you gave"),
        max_length=254,
        error_messages={"required": _("Type the phone number or e-mail you gave.")},
    )


class AddInformationForm(HoneypotMixin, forms.Form):
    text = _text(_("Information to add"), rows=4)
    photos = PhotosField(label=_("Photos (up to 5)"), required=False)

    def clean(self):
        cleaned = super().clean()
        self.files_to_attach = []
        for uploaded in cleaned.get("photos") or []:
            case_file = CaseFile(kind=CaseFile.Kind.PHOTO, file=uploaded)
            try:
                case_file.inspect()
            except ValidationError as error:
                for message in error.message_dict.get("file", error.messages):
                    self.add_error("photos", f"{uploaded.name}: {message}")
            else:
                self.files_to_attach.append(case_file)
        return cleaned


class RatingForm(HoneypotMixin, forms.Form):
    score = forms.TypedChoiceField(
        label=_("How satisfied are you with how your matter was handled?"),
        choices=[
            (5, _("Very satisfied")),
            (4, _("Satisfied")),
            (3, _("Fair")),
            (2, _("Dissatisfied")),
            (1, _("Very dissatisfied")),
        ],
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose a satisfaction level.")},
    )
    comment = _text(_("Comment (optional)"), required=False, max_length=1000, rows=3)
