"""Back-office views of the workflow: one confirmation page per transition, the request form
as evidence (print page and PDF), the request's files for those who review it, and the
notification inbox.

Each transition view: access helper → form → one transition → message → redirect.
"""

from django import forms as django_forms
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.views.decorators import staff_member_required
from django.db.models import Q
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from catalog.models import Attachment, Photo
from chiangkhian.privatefiles import private_file_response
from chiangkhian.staffauth.views import recent_authentication_required

from . import access, evidence, forms, notify, transitions
from .models import PublicationRequest

# What the admin's own change form loads before any widget's media: the admin widgets'
# scripts (the calendar, DateTimeShortcuts) call helpers from core.js.
ADMIN_MEDIA = django_forms.Media(js=["admin/js/core.js"])

APPROVING = {"approve", "reject", "record_verbal"}

# A confirmation page is shown (GET, HEAD) and then sent (POST).
require_form = require_http_methods(["GET", "HEAD", "POST"])


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
        "media": ADMIN_MEDIA + form.media,
        "reason": access.why_not(request.user, action, pr)
        if action in access.ACTIONS
        else access.why_not_revise(request.user, pr),
        "opts": PublicationRequest._meta,
        # A small office's exception to the separation of duties is said where it applies.
        "checker_may_approve": action in APPROVING and settings.PUBLISHING_CHECKER_MAY_APPROVE,
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
@require_form
def submit(request, pk):
    pr = _get_visible(request, pk)
    form = _form(forms.NoteForm, request, pr)
    if form.is_valid():
        done = _("The request is submitted; the checkers have been told.")
        return _run(request, pr, transitions.submit, done, note=form.cleaned_data["note"])
    return _confirm_page(request, pr, "submit", form)


@staff_member_required
@require_form
def check(request, pk):
    pr = _get_visible(request, pk)
    form = _form(forms.NoteForm, request, pr)
    if form.is_valid():
        done = _("The request is checked; the approvers have been told.")
        return _run(request, pr, transitions.check, done, note=form.cleaned_data["note"])
    return _confirm_page(request, pr, "check", form)


@staff_member_required
@require_form
def return_to_requester(request, pk):
    pr = _get_visible(request, pk)
    form = _form(forms.ReturnForm, request, pr)
    if form.is_valid():
        done = _("The request is returned to the requester with your comments.")
        note = form.cleaned_data["note"]
        return _run(request, pr, transitions.return_to_requester, done, note=note)
    return _confirm_page(request, pr, "return", form)


@staff_member_required
@require_form
@recent_authentication_required
def approve(request, pk):
    pr = _get_visible(request, pk)
    form = _form(forms.NoteForm, request, pr)
    if form.is_valid():
        done = _("The request is approved; the webmasters have been told.")
        return _run(request, pr, transitions.approve, done, note=form.cleaned_data["note"])
    return _confirm_page(request, pr, "approve", form)


@staff_member_required
@require_form
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
@require_form
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
@require_form
def reject(request, pk):
    pr = _get_visible(request, pk)
    form = _form(forms.RejectForm, request, pr)
    if form.is_valid():
        data = form.cleaned_data
        done = _("The request is rejected; the requester has been told the reason.")
        return _run(request, pr, transitions.reject, done, reason=data["reason"], note=data["note"])
    return _confirm_page(request, pr, "reject", form)


@staff_member_required
@require_form
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
@require_form
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
@require_form
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
@require_safe
def request_form(request, pk):
    """The filled official form as an A4 page to print (Thai, as the paper form is)."""
    pr = _get_visible(request, pk)
    with translation.override("th"):
        return render(request, "publishing/publicationrequest_form.html", evidence.context(pr))


@staff_member_required
@require_safe
def request_form_pdf(request, pk):
    pr = _get_visible(request, pk)
    response = HttpResponse(evidence.render_pdf(pr), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="publication-request-{pr.pk}.pdf"'
    return response


def _request_file(request, pk, model, file_pk):
    """A file of a request the user may see: of its item or, for a revision, of the live item."""
    pr = _get_visible(request, pk)
    items = Q(item_id=pr.item_id)
    if pr.is_revision:
        items |= Q(item_id=pr.item.revision_of_id)
    return get_object_or_404(model.objects.filter(items), pk=file_pk)


def _private_file(handle, file, name):
    # The right to open it ends with the right to see the request.
    return private_file_response(handle, mime_type=file.mime_type, filename=name)


@staff_member_required
@require_safe
def attachment(request, pk, file_pk):
    """An attachment of a request, for whoever may see the request (the reviewers first)."""
    file = _request_file(request, pk, Attachment, file_pk)
    return _private_file(file.file.open("rb"), file, file.original_name)


@staff_member_required
@require_safe
def photo(request, pk, file_pk):
    """A photo of a request (`?width=` one of its smaller sizes), for whoever may see it."""
    image = _request_file(request, pk, Photo, file_pk)
    width = request.GET.get("width", "0")
    width = int(width) if width.isdigit() else -1
    if width and width not in image.widths:
        raise Http404
    handle = image.image.storage.open(image.rendition_name(width), "rb")
    return _private_file(handle, image, image.original_name)


@staff_member_required
@require_safe
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
