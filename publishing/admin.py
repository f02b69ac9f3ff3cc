from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from guardian.admin import GuardedModelAdminMixin
from guardian.shortcuts import get_perms_for_model

from catalog import richtext
from catalog.models import Item
from chiangkhian.admin_base import AuditedAdmin
from chiangkhian.permissions import permission_name
from chiangkhian.thaidates import format_date

from . import access, timeline, transitions
from .forms import SUBMIT, PublicationRequestForm
from .models import ITEM_FIELDS, PublicationRequest, StatusChange

WORKFLOW_FIELDS = ["status", "requester", "request_date", "public_url"]


def _item_value(name):
    """A read-only display of one of the draft item's fields, for those who may not edit it."""
    field = Item._meta.get_field(name)

    def display(model_admin, obj):
        value = getattr(obj.item, name)
        if value in (None, ""):
            return "—"
        if field.choices:
            return getattr(obj.item, f"get_{name}_display")()
        if hasattr(value, "hour"):
            return format_date(value, "datetime")
        if hasattr(value, "year"):
            return format_date(value)
        if name in ("body_th", "body_en"):
            return richtext.render(value)  # as the public will see it, not its HTML
        return value

    display.short_description = field.verbose_name
    return display


class ConfirmationFilter(admin.SimpleListFilter):
    """Verbal approvals waiting for their written confirmation, and those past the deadline."""

    title = _("written confirmation")
    parameter_name = "confirmation"

    def lookups(self, request, model_admin):
        return [("waiting", _("Waiting for confirmation")), ("overdue", _("Deadline passed"))]

    def queryset(self, request, queryset):
        if self.value() == "waiting":
            return queryset.waiting_for_written_confirmation()
        if self.value() == "overdue":
            return queryset.written_confirmation_overdue()
        return queryset


@admin.register(PublicationRequest)
class PublicationRequestAdmin(AuditedAdmin):
    form = PublicationRequestForm
    change_form_template = "admin/publishing/publicationrequest/change_form.html"
    list_display = ["title", "status", "requester", "unit", "request_date", "waiting"]
    list_filter = ["status", "approval_mode", ConfirmationFilter, "unit"]
    list_select_related = ["item", "requester", "unit"]
    search_fields = ["item__title_th", "item__title_en"]
    readonly_fields = WORKFLOW_FIELDS
    view_on_site = False  # its absolute URL is this page; the public page is in the panel

    class Media:
        css = {"all": ["css/request-admin.css"]}
        js = ["js/request-form.js"]

    @admin.display(description=_("title"), ordering="item__title_th")
    def title(self, obj):
        return obj.item.title_th

    @admin.display(description=_("request date"), ordering="created_at")
    def request_date(self, obj):
        return format_date(obj.created_at, "datetime")  # Buddhist Era, like the paper form

    @admin.display(description=_("waiting for"), ordering="status_changed_at")
    def waiting(self, obj):
        if obj.status in PublicationRequest.OPEN_STATUSES[:-1]:
            return timeline.waited(obj.status_changed_at)
        return "—"

    def get_queryset(self, request):
        return super().get_queryset(request).visible_to(request.user)

    def get_fieldsets(self, request, obj=None):
        fieldsets = [
            (
                _("Request (announcement 2.2.1)"),
                {
                    "fields": [
                        "unit",
                        "subcategory",
                        "kind",
                        "title_th",
                        "summary_th",
                        "body_th",
                        "external_url",
                        "remarks",
                    ]
                },
            ),
            (
                _("Source and period of the information (announcement 2.2)"),
                {
                    "fields": [
                        "owner_unit",
                        "source",
                        ("data_from", "data_to"),
                        "document_date",
                        "publish_at",
                        "expire_at",
                        "review_at",
                        "no_end_reason",
                    ]
                },
            ),
            (
                _("English version (optional)"),
                {"fields": ["title_en", "summary_en", "body_en"], "classes": ["collapse"]},
            ),
        ]
        if obj is not None:
            fieldsets.insert(0, (_("Workflow"), {"fields": WORKFLOW_FIELDS}))
        return fieldsets

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change, **kwargs)
        form.user = request.user  # a fresh class per call: safe to set
        return form

    def has_view_permission(self, request, obj=None):
        return request.user.has_perm("publishing.view_publicationrequest")

    def has_add_permission(self, request):
        return request.user.has_perm("publishing.add_publicationrequest")

    def has_change_permission(self, request, obj=None):
        # Only the filer, only while it is a draft or returned (a guardian object permission).
        return obj is not None and access.why_not(request.user, "edit", obj) is None

    def has_delete_permission(self, request, obj=None):
        # Requests are evidence (ITA); a draft that is not wanted simply stays a draft.
        return False

    def revert_disabled(self, request, obj=None):
        # Old versions are for reading: edits go through save_draft, statuses through
        # transitions, never through a restored historical record.
        return True

    def save_model(self, request, obj, form, change):
        try:
            if change:
                transitions.save_draft(publication_request=obj, by=request.user)
            else:
                obj.item = form.item
                transitions.file_request(publication_request=obj, by=request.user)
        except transitions.WorkflowError as error:
            raise PermissionDenied(error.message) from error

    def response_add(self, request, obj, post_url_continue=None):
        return self._saved(request, obj)

    def response_change(self, request, obj):
        return self._saved(request, obj)

    def _saved(self, request, obj):
        """After one POST saved the request, its content and its files: submit it if asked."""
        pr = PublicationRequest.objects.select_related("item").get(pk=obj.pk)
        if SUBMIT not in request.POST:
            missing = pr.item.completeness_errors()
            if missing:
                message = ngettext(
                    "The draft is saved. %(count)s thing is still missing before it can be "
                    "submitted for checking: see the list on this page.",
                    "The draft is saved. %(count)s things are still missing before it can be "
                    "submitted for checking: see the list on this page.",
                    len(missing),
                ) % {"count": len(missing)}
                messages.warning(request, message)
            else:
                messages.success(
                    request, _("The draft is saved and complete: you may submit it for checking.")
                )
            return redirect(pr)
        try:
            transitions.submit(publication_request=pr, by=request.user)
        except transitions.WorkflowError as error:
            messages.error(
                request,
                _("The draft is saved, but it cannot be submitted yet. %(reason)s")
                % {"reason": error.message},
            )
        else:
            messages.success(
                request,
                _("The request is saved and submitted for checking; the checkers have been told."),
            )
        return redirect(pr)

    # The request's item carries the typed details, rows and files (publishing.inlines).
    def get_inlines(self, request, obj):
        from .inlines import PARTS  # catalog.admin imports this module

        return PARTS

    def get_inline_instances(self, request, obj=None):
        instances = []
        for inline_class in self.get_inlines(request, obj):
            inline = inline_class(Item, self.admin_site)
            inline.publication_request = obj
            if not inline.has_add_permission(request, obj):
                inline.max_num = 0
            instances.append(inline)
        return instances

    def get_formsets_with_inlines(self, request, obj=None):
        # Only the chosen kind's sections are bound and saved; the others are shown unbound.
        kind = chosen_kind(request, obj)
        for inline in self.get_inline_instances(request, obj):
            if inline.kind in (None, kind):
                yield inline.get_formset(request, obj), inline

    def get_formset_kwargs(self, request, obj, inline, prefix):
        kwargs = super().get_formset_kwargs(request, obj, inline, prefix)
        kwargs["instance"] = obj.item  # a new request: the form's item, saved just before
        return kwargs

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        form = context["adminform"].form
        sections = context["inline_admin_formsets"]
        if may_edit(request, obj):
            sections = self._with_other_kinds(request, sections, form.item, obj)
        context["inline_admin_formsets"] = sections
        context["chosen_kind"] = chosen_kind(request, obj)
        context["may_edit_request"] = may_edit(request, obj)
        return super().render_change_form(request, context, add, change, form_url, obj)

    def _with_other_kinds(self, request, sections, item, obj):
        """Every kind's sections, so that choosing another kind needs no reload (static/js)."""
        from .inlines import PARTS

        shown = {type(section.opts) for section in sections}
        for inline in self.get_inline_instances(request, obj):
            if type(inline) in shown:
                continue
            inline.hidden = True
            formset_class = inline.get_formset(request, obj)
            formset = formset_class(
                instance=item,
                prefix=formset_class.get_default_prefix(),
                queryset=inline.get_queryset(request),
            )
            sections += self.get_inline_formsets(request, [formset], [inline], obj)
        return sorted(sections, key=lambda section: PARTS.index(type(section.opts)))

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        extra_context = {
            **(extra_context or {}),
            "show_save_and_add_another": False,
            "show_save_and_continue": False,
        }
        if object_id:
            pr = self.get_object(request, unquote(object_id))
            if pr is not None:
                extra_context.update(workflow_context(request, pr))
        return super().changeform_view(request, object_id, form_url, extra_context)


def chosen_kind(request, pr):
    """The kind of content whose sections the page shows: as posted, as saved, or as asked."""
    if request.method == "POST":
        return request.POST.get("kind", "")
    if pr is not None:
        return pr.item.kind
    return request.GET.get("kind", "")


def may_edit(request, pr):
    """Whether the user may edit this request's content now (a new one: may file one).

    Asked by each section for each form: answered once per HTTP request (guardian queries).
    """
    if pr is None or pr.pk is None:
        return request.user.has_perm("publishing.add_publicationrequest")
    cache = request.__dict__.setdefault("_may_edit_request", {})
    if pr.pk not in cache:
        cache[pr.pk] = access.why_not(request.user, "edit", pr) is None
    return cache[pr.pk]


for _name in ITEM_FIELDS:
    setattr(PublicationRequestAdmin, _name, _item_value(_name))


def workflow_context(request, pr):
    """The request page's workflow panel: what can be done next (or why not) and the history."""
    user = request.user
    actions = [
        (label, reverse(f"publishing:{action}", args=[pr.pk]), reason)
        for action, label, reason in access.available_actions(user, pr)
    ]
    may_revise = access.why_not_revise(user, pr) is None
    item = pr.item
    return {
        # Every file of the request, as links to the access-checked downloads (announcement
        # 2.2: type, size and pages next to each).
        "attachments": [
            (file, reverse("publishing:attachment", args=[pr.pk, file.pk]))
            for file in item.attachments.all()
        ],
        "photos": [
            (photo, reverse("publishing:photo", args=[pr.pk, photo.pk]))
            for photo in item.photos.all()
        ],
        "content_missing": item.completeness_errors() if item.status == Item.Status.DRAFT else [],
        "workflow_actions": actions,
        "revise_url": reverse("publishing:revise", args=[pr.pk]) if may_revise else "",
        "timeline": timeline.timeline(pr),
        "changes_since": timeline.changes_since_last_seen(pr, user),
        "changes_from_live": timeline.changes_from_live(pr) if pr.is_revision else None,
        "last_return": pr.changes.filter(action=StatusChange.Action.RETURN).last()
        if pr.status == PublicationRequest.Status.RETURNED
        else None,
        "publication_request": pr,
        "batch_members": _batch_members(pr),
    }


def _batch_members(pr):
    """The items of the import batch the request belongs to, for the reviewers to open."""
    if not pr.batch_id:
        return []
    return list(
        PublicationRequest.objects.filter(batch_id=pr.batch_id)
        .select_related("item__subcategory__category")
        .annotate(file_count=Count("item__attachments"))
        .order_by("batch_position", "pk")
    )


class PublishingRightsAdminMixin(GuardedModelAdminMixin):
    """'Object permissions' on a category: where a webmaster is limited to some categories.

    Give a webmaster `publish_in_category` on the categories they may publish in; one with no
    such permission publishes everywhere (publishing.access). Only superusers manage this.
    """

    def get_obj_perms_base_context(self, request, obj):
        context = super().get_obj_perms_base_context(request, obj)
        context["model_perms"] = [_named(perm) for perm in context["model_perms"]]
        return context

    def get_obj_perms_manage_user_form(self, request):
        return _with_named_choices(super().get_obj_perms_manage_user_form(request))

    def get_obj_perms_manage_group_form(self, request):
        return _with_named_choices(super().get_obj_perms_manage_group_form(request))

    def obj_perms_manage_view(self, request, object_pk):
        _superuser_only(request)
        return super().obj_perms_manage_view(request, object_pk)

    def obj_perms_manage_user_view(self, request, object_pk, user_id):
        _superuser_only(request)
        return super().obj_perms_manage_user_view(request, object_pk, user_id)

    def obj_perms_manage_group_view(self, request, object_pk, group_id):
        _superuser_only(request)
        return super().obj_perms_manage_group_view(request, object_pk, group_id)


def _named(permission):
    # guardian's pages print perm.name: Django stored it in English.
    permission.name = permission_name(permission)
    return permission


def _with_named_choices(form_class):
    class NamedChoicesForm(form_class):
        def get_obj_perms_field_choices(self):
            names = {p.codename: permission_name(p) for p in get_perms_for_model(self.obj)}
            choices = super().get_obj_perms_field_choices()
            return [(code, names.get(code, name)) for code, name in choices]

    return NamedChoicesForm


def _superuser_only(request):
    if not request.user.is_superuser:
        raise PermissionDenied
