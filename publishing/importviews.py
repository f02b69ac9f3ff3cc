"""Back-office pages of the import of an old website: upload, preview, confirm, template.

Access: `publishing.import_items` (webmasters and superusers); a webmaster limited to some
categories sees the rows of other categories refused in the preview.
"""

from django.contrib import admin, messages
from django.contrib.admin.views.decorators import staff_member_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from . import forms, importing, importstaging, transitions
from .models import PublicationRequest

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _may_import(request):
    if not request.user.has_perm("publishing.import_items"):
        raise PermissionDenied


def _page(request, form, preview=None, staged=None):
    context = {
        **admin.site.each_context(request),
        "title": _("Import items from an old website"),
        "form": form,
        "preview": preview,
        "staged": staged,
        "opts": PublicationRequest._meta,
    }
    return render(request, "publishing/import.html", context)


@staff_member_required
@require_http_methods(["GET", "HEAD", "POST"])
def import_items(request):
    """Upload a spreadsheet and a zip; the preview lists every row's errors, saving nothing."""
    _may_import(request)
    form = forms.ImportForm(request.POST or None, request.FILES or None)
    if not form.is_valid():
        return _page(request, form)
    data = form.cleaned_data
    staged = importstaging.stage(
        request.user, data["spreadsheet"], data["archive"], data["encoding"]
    )
    preview = importing.preview(staged, request.user)
    preview.close()
    if not preview.ok:
        importstaging.discard(staged)
        staged = None
    return _page(request, forms.ImportForm(initial=data), preview, staged)


@staff_member_required
@require_POST
def confirm_import(request):
    """File the previewed batch as one request (checked again: nothing is taken on trust)."""
    _may_import(request)
    staged = importstaging.load(request.user, request.POST.get("token"))
    if staged is None:
        messages.error(request, _("The upload has expired; choose the files again."))
        return redirect("publishing:import")
    preview = importing.preview(staged, request.user)
    try:
        if not preview.ok:
            importstaging.discard(staged)
            return _page(request, forms.ImportForm(), preview, None)
        lead = transitions.file_batch(
            entries=preview.entries(),
            by=request.user,
            spreadsheet_name=staged.spreadsheet_name,
            archive_name=staged.archive_name,
        )
    except transitions.WorkflowError as error:
        messages.error(request, error.message)
        return redirect("publishing:import")
    finally:
        preview.close()
    importstaging.discard(staged)
    messages.success(
        request,
        _("%(count)s items are filed as one request and sent to the checkers.")
        % {"count": len(preview.rows)},
    )
    return redirect(lead)


@staff_member_required
@require_safe
def import_template(request):
    """The spreadsheet to fill in, with Thai column headers and the list of categories."""
    _may_import(request)
    response = HttpResponse(importing.template_workbook(), content_type=XLSX)
    response["Content-Disposition"] = 'attachment; filename="import-template.xlsx"'
    return response
