from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from publishing.admin import PublishingRightsAdminMixin

from .models import Category, Subcategory


class SubcategoryInline(admin.TabularInline):
    model = Subcategory
    extra = 0
    fields = ["order", "slug", "name_th", "name_en"]
    can_delete = False


@admin.register(Category)
class CategoryAdmin(PublishingRightsAdminMixin, SimpleHistoryAdmin):
    list_display = ["code", "name_th", "name_en", "slug"]
    inlines = [SubcategoryInline]

    def has_add_permission(self, request):
        # The ten categories are fixed by the announcement (section 1).
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Subcategory)
class SubcategoryAdmin(SimpleHistoryAdmin):
    list_display = ["name_th", "name_en", "category", "slug", "order"]
    list_filter = ["category"]
    list_select_related = ["category"]
    prepopulated_fields = {"slug": ["name_en"]}
