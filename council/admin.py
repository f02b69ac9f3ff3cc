from django.contrib import admin
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from chiangkhian.admin_base import AuditedAdmin

from .models import CouncilMember


@admin.register(CouncilMember)
class CouncilMemberAdmin(AuditedAdmin):
    list_display = ["name_th", "role", "constituency", "term_start", "term_end", "order"]
    list_editable = ["order"]
    list_filter = ["role", "term_start"]
    search_fields = ["name_th", "name_en"]
    readonly_fields = ["portrait"]
    fields = [
        "order",
        "name_th",
        "name_en",
        "role",
        "constituency",
        "term_start",
        "term_end",
        "photo",
        "portrait",
    ]

    @admin.display(description=_("current portrait"))
    def portrait(self, member):
        if not member.pk or not member.photo:
            return "—"
        return format_html('<img src="{}" width="120" alt="">', member.photo_url)
