"""The back office of e-services: services (set up by webmasters) and cases (by their unit)."""

from django.contrib import admin

from .models import Case, Service


@admin.register(Service)
class ServiceAdmin(admin.ModelAdmin):
    list_display = ["name_th", "kind", "unit", "default_days", "is_online", "cases_public"]
    list_filter = ["kind", "is_online"]
    prepopulated_fields = {"slug": ["name_en"]}
    autocomplete_fields = []
    raw_id_fields = ["manual"]


@admin.register(Case)
class CaseAdmin(admin.ModelAdmin):
    list_display = ["code", "service", "subject", "status", "unit", "due_on"]
    list_filter = ["status", "service"]
    search_fields = ["code", "subject"]

    def get_queryset(self, request):
        return (
            super().get_queryset(request).visible_to(request.user).select_related("service", "unit")
        )

    def has_add_permission(self, request):
        return False  # cases come from citizens, through the public form

    def has_change_permission(self, request, obj=None):
        return False  # changed only through the transitions

    def has_delete_permission(self, request, obj=None):
        return False
