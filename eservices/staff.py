"""The staff's actions on a case: one form per transition, thin views in the admin's frame.

Each view: access check → form → one transition → message → redirect to the case.
"""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.views.decorators import staff_member_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods

from chiangkhian.models import Unit, User
from chiangkhian.privatefiles import private_file_response

from . import access, transitions
from .models import Case


class NoteForm(forms.Form):
    note = forms.CharField(label=_("Note"), required=False, widget=forms.Textarea({"rows": 4}))


class RequiredNoteForm(forms.Form):
    note = forms.CharField(
        label=_("Text"),
        widget=forms.Textarea({"rows": 5}),
        error_messages={"required": _("Fill in this field.")},
    )


class AssignForm(NoteForm):
    to = forms.ModelChoiceField(label=_("Assign to"), queryset=User.objects.none())

    def __init__(self, *args, case, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["to"].queryset = User.objects.filter(
            pk__in=[person.pk for person in access.handlers_of(case)]
        )


class ReassignForm(forms.Form):
    unit = forms.ModelChoiceField(label=_("Send to unit"), queryset=Unit.objects.all())
    note = forms.CharField(
        label=_("Reason"),
        widget=forms.Textarea({"rows": 3}),
        error_messages={"required": _("Give the reason for sending the case to another unit.")},
    )


class ReferForm(NoteForm):
    agency = forms.CharField(
        label=_("Responsible agency"),
        max_length=300,
        error_messages={"required": _("Name the agency responsible for this matter.")},
    )


class NameOfficialsForm(forms.Form):
    officials = forms.ModelMultipleChoiceField(
        label=_("Officials the report is about"),
        queryset=User.objects.filter(is_staff=True, is_active=True),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("They will no longer see this case, whatever their role."),
    )


class PublishAnswerForm(forms.Form):
    question = forms.CharField(
        label=_("Question as published"),
        widget=forms.Textarea({"rows": 3}),
        help_text=_("Remove anything that identifies the person who asked."),
    )
    answer = forms.CharField(label=_("Answer as published"), widget=forms.Textarea({"rows": 5}))

    def __init__(self, *args, case, **kwargs):
        replies = case.steps.filter(to_citizen=True).exclude(note="").exclude(by=None)
        last = replies.order_by("-at", "-pk").first()
        kwargs["initial"] = {"question": case.description, "answer": last.note if last else ""}
        super().__init__(*args, **kwargs)


# action: (label, form, transition)
ACTIONS = {
    "accept": (_("Accept the case"), NoteForm, transitions.accept),
    "assign": (_("Assign to a person"), AssignForm, transitions.assign),
    "reassign": (_("Send to another unit"), ReassignForm, transitions.reassign),
    "ask": (
        _("Ask for information"),
        RequiredNoteForm,
        transitions.ask_for_information,
    ),
    "reply": (_("Reply to the citizen"), RequiredNoteForm, transitions.reply),
    "note": (_("Add an internal note"), RequiredNoteForm, transitions.add_note),
    "close_done": (_("Close as finished"), RequiredNoteForm, transitions.close_done),
    "close_referred": (_("Close: not our responsibility"), ReferForm, transitions.close_referred),
    "publish_answer": (
        _("Publish on the Q&A page"),
        PublishAnswerForm,
        transitions.publish_answer,
    ),
    "name_officials": (
        _("Officials named in the report"),
        NameOfficialsForm,
        transitions.name_officials,
    ),
}
OPEN_ONLY = {
    Case.Status.RECEIVED: ["accept", "reassign", "ask", "note", "close_referred"],
    Case.Status.IN_PROGRESS: list(ACTIONS)[1:8],
    Case.Status.WAITING: list(ACTIONS)[1:8],
}


def available_actions(user, case):
    """[(action, label)] that `user` may take on the case now."""
    names = list(OPEN_ONLY.get(case.status, [])) if access.may_handle(user, case) else []
    if names and case.service.is_corruption:
        names = [name for name in names if name != "reassign"] + ["name_officials"]
    published = hasattr(case, "published_answer")
    if not published and access.why_not_publish(user, case) is None:
        names.append("publish_answer")
    return [(name, ACTIONS[name][0]) for name in names]


def why_not(user, case, action):
    if action == "publish_answer":
        return access.why_not_publish(user, case)
    return access.why_not_handle(user, case)


def _arguments(name, data):
    if name == "assign":
        return {"to": data["to"], "note": data["note"]}
    if name == "reassign":
        return {"unit": data["unit"], "reason": data["note"]}
    if name == "publish_answer":
        return {"question": data["question"], "answer": data["answer"]}
    if name == "name_officials":
        return {"officials": data["officials"]}
    if name == "close_referred":
        return {"agency": data["agency"], "note": data["note"]}
    return {"note": data["note"]}


@staff_member_required
@require_http_methods(["GET", "POST"])
def act(request, pk, action):
    case = get_object_or_404(Case.objects.visible_to(request.user), pk=pk)
    if action not in ACTIONS:
        return redirect(_change_url(case))
    label, form_class, transition = ACTIONS[action]
    kwargs = {"case": case} if form_class in (AssignForm, PublishAnswerForm) else {}
    form = form_class(request.POST if request.method == "POST" else None, **kwargs)
    if form.is_valid():
        try:
            transition(case=case, by=request.user, **_arguments(action, form.cleaned_data))
        except transitions.WorkflowError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("Done: %(action)s.") % {"action": label})
        return redirect(_change_url(case))
    context = {
        **admin.site.each_context(request),
        "title": f"{label}: {case.code}",
        "case": case,
        "form": form,
        "reason": why_not(request.user, case, action),
        "opts": Case._meta,
    }
    return render(request, "admin/eservices/case/act.html", context)


@staff_member_required
@require_http_methods(["GET", "HEAD"])
def case_file(request, pk, file_pk):
    """A photo or document the citizen sent, for the case's handlers only; recorded as seen."""
    case = get_object_or_404(Case.objects.visible_to(request.user), pk=pk)
    found = access.citizen_file(request.user, case, file_pk)
    if found is None:
        raise Http404
    return private_file_response(
        found.file.open("rb"), mime_type=found.mime_type, filename=found.original_name
    )


def _change_url(case):
    return reverse("admin:eservices_case_change", args=[case.pk])
