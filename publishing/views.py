"""Back-office views of the workflow: one confirmation page per transition, the request form
as evidence (print page and PDF), and the notification inbox.

Each transition view: access helper → form → one transition → message → redirect.
"""

from django.contrib import admin, messages
from django.contrib.admin.views.decorators import staff_member_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from chiangkhian.staffauth.views import recent_authentication_required

from . import access, evidence, forms, notify, transitions
from .models import PublicationRequest


def _get_visible(request, pk):
    queryset = PublicationRequest.objects.visible_to(request.user).select_related(
        "item__subcategory__category", "item__revision_of", "requester", "unit", "approved_by"
    )
    return get_object_or_404(queryset, pk=pk)


def _confirm_page(request, pr, action, form):
    context = {
        **admin.site.each_context(request),
        "title": access.ACTIONS[action][0] if action in access.ACTIONS else _("Request a change"),
        "publication_request": pr,
        "form": form,
        "reason": access.why_not(request.user, action, pr)
        if action in access.ACTIONS
        else access.why_not_revise(request.user, pr),
        "opts": PublicationRequest._meta,
    }
    return render(request, "publishing/publicationrequest_confirm.html", context)


def _run(request, pr, transition, done, **arguments):
    try:
        transition(publication_request=pr, by=request.user, **arguments)
    except transitions.WorkflowError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, done)
    return redirect(pr)


def _form(form_class, request, pr):
    return form_class(request.POST or None, publication_request=pr, user=request.user)


@staff_member_required
def submit(request, pk):
    pr = _get_visible(request, pk)
    form = _form(forms.NoteForm, request, pr)
    if form.is_valid():
        done = _("The request is submitted; the checkers have been told.")
        return _run(request, pr, transitions.submit, done, note=form.cleaned_data["note"])
    return _confirm_page(request, pr, "submit", form)


@staff_member_required
def check(request, pk):
    pr = _get_visible(request, pk)
    form = _form(forms.NoteForm, request, pr)
    if form.is_valid():
        done = _("The request is checked; the approvers have been told.")
        return _run(request, pr, transitions.check, done, note=form.cleaned_data["note"])
    return _confirm_page(request, pr, "check", form)


@staff_member_required
def return_to_requester(request, pk):
    pr = _get_visible(request, pk)
    form = _form(forms.ReturnForm, request, pr)
    if form.is_valid():
        done = _("The request is returned to the requester with your comments.")
        note = form.cleaned_data["note"]
        return _run(request, pr, transitions.return_to_requester, done, note=note)
    return _confirm_page(request, pr, "return", form)


@staff_member_required
@recent_authentication_required
def approve(request, pk):
    pr = _get_visible(request, pk)
    form = _form(forms.NoteForm, request, pr)
    if form.is_valid():
        done = _("The request is approved; the webmasters have been told.")
        return _run(request, pr, transitions.approve, done, note=form.cleaned_data["note"])
    return _confirm_page(request, pr, "approve", form)


@staff_member_required
@recent_authentication_required
def record_verbal(request, pk):
    pr = _get_visible(request, pk)
    form = _form(forms.VerbalApprovalForm, request, pr)
    if form.is_valid():
        data = form.cleaned_data
        done = _("The verbal approval is recorded; it waits for confirmation in writing.")
        return _run(
            request,
            pr,
            transitions.approve,
            done,
            mode=PublicationRequest.ApprovalMode.VERBAL,
            approver=data["approver"],
            given_at=data["given_at"],
            note=data["note"],
        )
    return _confirm_page(request, pr, "record_verbal", form)


@staff_member_required
@recent_authentication_required
def confirm(request, pk):
    pr = _get_visible(request, pk)
    form = _form(forms.NoteForm, request, pr)
    if form.is_valid():
        done = _("The verbal approval is confirmed in writing.")
        note = form.cleaned_data["note"]
        return _run(request, pr, transitions.confirm_in_writing, done, note=note)
    return _confirm_page(request, pr, "confirm", form)


@staff_member_required
def reject(request, pk):
    pr = _get_visible(request, pk)
    form = _form(forms.RejectForm, request, pr)
    if form.is_valid():
        data = form.cleaned_data
        done = _("The request is rejected; the requester has been told the reason.")
        return _run(request, pr, transitions.reject, done, reason=data["reason"], note=data["note"])
    return _confirm_page(request, pr, "reject", form)


@staff_member_required
@recent_authentication_required
def publish(request, pk):
    pr = _get_visible(request, pk)
    form = _form(forms.PublishForm, request, pr)
    if form.is_valid():
        data = form.cleaned_data
        done = _("Published; the owner of the information has been told.")
        subcategory = data["subcategory"]
        return _run(
            request, pr, transitions.publish, done, subcategory=subcategory, note=data["note"]
        )
    return _confirm_page(request, pr, "publish", form)


@staff_member_required
@recent_authentication_required
def withdraw(request, pk):
    pr = _get_visible(request, pk)
    form = _form(forms.WithdrawForm, request, pr)
    if form.is_valid():
        data = form.cleaned_data
        done = _("The item is withdrawn from the website.")
        return _run(
            request, pr, transitions.withdraw, done, reason=data["note"], in_error=data["in_error"]
        )
    return _confirm_page(request, pr, "withdraw", form)


@staff_member_required
def revise(request, pk):
    pr = _get_visible(request, pk)
    form = _form(forms.NoteForm, request, pr)
    if not form.is_valid():
        return _confirm_page(request, pr, "revise", form)
    try:
        revision = transitions.start_revision(
            item=pr.live_item, by=request.user, remarks=form.cleaned_data["note"]
        )
    except transitions.WorkflowError as error:
        messages.error(request, error.message)
        return redirect(pr)
    messages.success(request, _("A change request is filed as a draft: edit it, then submit."))
    return redirect(revision)


@staff_member_required
def request_form(request, pk):
    """The filled official form as an A4 page to print (Thai, as the paper form is)."""
    pr = _get_visible(request, pk)
    with translation.override("th"):
        return render(request, "publishing/publicationrequest_form.html", evidence.context(pr))


@staff_member_required
def request_form_pdf(request, pk):
    pr = _get_visible(request, pk)
    response = HttpResponse(evidence.render_pdf(pr), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="publication-request-{pr.pk}.pdf"'
    return response


@staff_member_required
def inbox(request):
    notifications = request.user.notifications.select_related("request__item")[:100]
    context = {
        **admin.site.each_context(request),
        "title": _("Notifications"),
        "notifications": notifications,
    }
    return render(request, "publishing/notification_list.html", context)


@staff_member_required
@require_POST
def mark_read(request):
    notify.mark_all_read(request.user)
    return redirect("publishing:inbox")
