from django import forms
from django.conf import settings
from django.contrib.admin import widgets as admin_widgets
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from catalog.models import Item, Subcategory
from catalog.widgets import BodyEditorWidget
from chiangkhian.dateinput import BEDateField, BEDateTimeField
from chiangkhian.models import Municipality, User

from . import access, notify
from .models import ITEM_FIELDS, PublicationRequest


class SubcategoryChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.category.code} {obj.category.name_th} › {obj.name_th}"


def _item_field(name, **kwargs):
    return Item._meta.get_field(name).formfield(**kwargs)


def _date(name):
    return _item_field(name, form_class=BEDateField)  # typed and picked in B.E. in Thai


def _datetime(name):
    return _item_field(name, form_class=BEDateTimeField)


def _text(name, rows):
    return _item_field(name, widget=admin_widgets.AdminTextareaWidget(attrs={"rows": rows}))


def _rich(name):
    # HTML from the editor; Item.clean sanitises it (catalog.richtext).
    return _item_field(name, widget=BodyEditorWidget)


class PublicationRequestForm(forms.ModelForm):
    """The request form of announcement 2.2.1: the request and its draft item in one form.

    A draft may be saved with parts of the metadata of announcement 2.2 still missing (the
    page lists them); "Save and submit" validates the item with Item.full_clean, field by
    field, and the submit transition checks it again with the kind's details and files.
    """

    subcategory = SubcategoryChoiceField(
        queryset=Subcategory.objects.select_related("category"),
        label=capfirst(Item._meta.get_field("subcategory").verbose_name),
    )
    kind = _item_field("kind")
    title_th = _item_field("title_th", widget=admin_widgets.AdminTextInputWidget)
    summary_th = _text("summary_th", 3)
    body_th = _rich("body_th")
    external_url = _item_field(
        "external_url", widget=admin_widgets.AdminURLFieldWidget, assume_scheme="https"
    )
    owner_unit = _item_field("owner_unit")
    source = _item_field("source", widget=admin_widgets.AdminTextInputWidget)
    data_from = _date("data_from")
    data_to = _date("data_to")
    publish_at = _datetime("publish_at")
    expire_at = _datetime("expire_at")
    review_at = _date("review_at")
    document_date = _date("document_date")
    no_end_reason = _item_field("no_end_reason", widget=admin_widgets.AdminTextInputWidget)
    title_en = _item_field("title_en", widget=admin_widgets.AdminTextInputWidget)
    summary_en = _text("summary_en", 3)
    body_en = _rich("body_en")

    user = None  # set by PublicationRequestAdmin.get_form

    class Meta:
        model = PublicationRequest
        fields = ["unit", "remarks"]
        widgets = {"remarks": admin_widgets.AdminTextareaWidget(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.item = self.instance.item
            for name in ITEM_FIELDS:
                self.initial.setdefault(name, getattr(self.item, name))
        else:
            self.item = Item(created_by=self.user)
            # The inlines of the same page (details, files) are bound to this item.
            self.instance.item = self.item
            unit = getattr(self.user, "unit_id", None)
            self.initial.setdefault("unit", unit)
            self.initial.setdefault("owner_unit", unit)
        if self.user is not None and not self.user.is_superuser and "unit" in self.fields:
            # A requester files for their own unit only (transitions refuse any other).
            units = self.fields["unit"].queryset.filter(pk=self.user.unit_id)
            self.fields["unit"].queryset = units

    @property
    def submitting(self):
        return SUBMIT in self.data

    def clean(self):
        cleaned = super().clean()
        for name in ITEM_FIELDS:
            if name in cleaned:
                setattr(self.item, name, cleaned[name])
        failed = [name for name in ITEM_FIELDS if name in self.errors]
        try:
            self.item.clean_fields(exclude=failed)
        except ValidationError as error:
            self._add_item_errors(error)
        try:
            self.item.clean()  # also sanitises the body, for a draft too
        except ValidationError as error:
            # Announcement 2.2's metadata: required to submit, listed on the draft's page.
            if self.submitting:
                self._add_item_errors(error)
        return cleaned

    def _add_item_errors(self, error):
        for name, messages in error.message_dict.items():
            known = name in self.fields and name not in self.errors
            self.add_error(name if known else None, messages)


# The name of the button "Save and submit for checking" on the request's page.
SUBMIT = "_submit"


class NoteForm(forms.Form):
    note = forms.CharField(
        label=_("Comment"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, publication_request=None, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.publication_request = publication_request
        self.user = user


class ReturnForm(NoteForm):
    note = forms.CharField(
        label=_("What the requester must change"), widget=forms.Textarea(attrs={"rows": 4})
    )


class VerbalApprovalForm(NoteForm):
    approver = forms.ModelChoiceField(
        label=_("Approver who gave the verbal approval"), queryset=User.objects.none()
    )
    given_at = BEDateTimeField(label=_("Given at"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        pr = self.publication_request
        approvers = notify.holders_of("approve_publicationrequest").exclude(pk=pr.requester_id)
        if not settings.PUBLISHING_CHECKER_MAY_APPROVE:
            approvers = approvers.exclude(pk=pr.checked_by_id)
        self.fields["approver"].queryset = approvers
        municipality = Municipality.current()
        self.initial.setdefault("approver", municipality and municipality.approver_id)
        self.initial.setdefault("given_at", timezone.localtime().replace(second=0, microsecond=0))

    def clean_given_at(self):
        given_at = self.cleaned_data["given_at"]
        if given_at > timezone.now():
            raise ValidationError(_("The time of the verbal approval cannot be in the future."))
        return given_at


class RejectForm(NoteForm):
    reason = forms.ChoiceField(
        label=_("Reason for rejection"),
        choices=PublicationRequest.RejectionReason.choices,
        widget=forms.RadioSelect,
    )
    note = forms.CharField(
        label=_("Explanation for the owner of the information"),
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class PublishForm(NoteForm):
    subcategory = SubcategoryChoiceField(
        label=_("Publish in"),
        queryset=Subcategory.objects.none(),
        help_text=_("Confirm the category the requester chose, or correct it."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        subcategories = Subcategory.objects.select_related("category")
        categories = access.publishing_categories(self.user)
        if categories is not None:
            subcategories = subcategories.filter(category__in=categories)
        self.fields["subcategory"].queryset = subcategories
        self.initial.setdefault("subcategory", self.publication_request.item.subcategory_id)


class WithdrawForm(NoteForm):
    note = forms.CharField(
        label=_("Reason for the withdrawal"),
        help_text=_("Shown to the public at the item's address."),
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    in_error = forms.BooleanField(
        label=_("It was published in error (no public notice; the address shows “not found”)"),
        required=False,
    )


class ImportForm(forms.Form):
    spreadsheet = forms.FileField(
        label=_("Spreadsheet (CSV or Excel .xlsx)"),
        help_text=_("One row per item, with the column headers of the template."),
    )
    archive = forms.FileField(
        label=_("Zip of the files"),
        required=False,
        help_text=_("The files the rows name in the column ไฟล์ (separate several with ;)."),
    )
    encoding = forms.ChoiceField(
        label=_("Text encoding of a CSV file"),
        choices=[
            ("auto", _("Detect (UTF-8 or TIS-620)")),
            ("utf-8", _("UTF-8 (CSV UTF-8 from Excel, Google Sheets, LibreOffice)")),
            ("cp874", _("TIS-620 / Windows-874 (CSV from old Thai Excel)")),
        ],
        initial="auto",
    )
