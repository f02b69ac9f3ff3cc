from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from .models import OutgoingMail
from .tasks import send_again


@admin.register(OutgoingMail)
class OutgoingMailAdmin(admin.ModelAdmin):
    """Superusers only: the messages hold citizens' addresses and what they asked."""

    list_display = ["subject", "recipients_label", "status", "attempts", "created_at", "sent_at"]
    list_filter = ["status"]
    search_fields = ["subject", "to"]
    date_hierarchy = "created_at"
    actions = ["send_selected_again"]
    readonly_fields = [f.name for f in OutgoingMail._meta.fields]

    def has_module_permission(self, request):
        return request.user.is_active and request.user.is_superuser

    def has_view_permission(self, request, obj=None):
        return request.user.is_active and request.user.is_superuser

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description=_("recipients"))
    def recipients_label(self, obj):
        return obj.recipients_label

    @admin.action(description=_("Send the selected e-mails again"))
    def send_selected_again(self, request, queryset):
        count = send_again(queryset)
        self.message_user(
            request,
            ngettext(
                "%(count)d e-mail was put back in the queue.",
                "%(count)d e-mails were put back in the queue.",
                count,
            )
            % {"count": count},
            messages.SUCCESS,
        )

    def get_actions(self, request):
        # The action needs no change permission: sending again is the whole point of the list.
        actions = super().get_actions(request)
        return actions if request.user.is_superuser else {}
