import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from chiangkhian.dateinput import BEDateField

from .models import WHOLE_SITE, Score
from .pages import describe

COMMENT_MAX = 1000


class SurveyForm(forms.Form):
    """A 1–5 score and an optional comment, for the whole site or for one page."""

    score = forms.TypedChoiceField(
        label=_("Satisfaction level"),
        choices=Score.choices,
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choose a satisfaction level."),
            "invalid_choice": _("Choose a satisfaction level from 1 to 5."),
        },
    )
    comment = forms.CharField(
        label=_("Comment or suggestion (optional)"),
        required=False,
        max_length=COMMENT_MAX,
        widget=forms.Textarea(attrs={"rows": 3, "maxlength": COMMENT_MAX}),
        error_messages={
            "max_length": _("The comment may be at most %(limit_value)d characters long.")
        },
    )
    page = forms.CharField(required=False, widget=forms.HiddenInput)
    next = forms.CharField(required=False, widget=forms.HiddenInput)
    # The honeypot: hidden from people by CSS and from assistive technology; bots fill it.
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def clean_page(self):
        page = self.cleaned_data["page"]
        if page != WHOLE_SITE and describe([page]).get(page) is None:
            raise forms.ValidationError(_("The page you are rating is not published."))
        return page

    def is_spam(self):
        return bool(self.data.get("website"))


class ReportForm(forms.Form):
    """The period and grouping of a back-office report."""

    date_from = BEDateField(
        label=_("From"),
        error_messages={
            "required": _("Give the start date of the report."),
        },
    )
    date_to = BEDateField(
        label=_("To"),
        error_messages={
            "required": _("Give the end date of the report."),
        },
    )
    by = forms.ChoiceField(
        label=_("Group by"),
        choices=[("day", _("Day")), ("month", _("Month")), ("page", _("Web page"))],
        initial="day",
        required=False,
    )
    path = forms.CharField(
        label=_("Only this page (path)"),
        required=False,
        max_length=255,
        help_text=_("For example /news/general-news/12/; empty: the whole website."),
    )

    @classmethod
    def initial_period(cls, today=None):
        today = today or timezone.localdate()
        return {"date_from": today - datetime.timedelta(days=29), "date_to": today, "by": "day"}

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("date_from"), cleaned.get("date_to")
        if start and end and end < start:
            self.add_error("date_to", _("The end date of the report cannot be before its start."))
        cleaned["by"] = cleaned.get("by") or "day"
        return cleaned
