from django.contrib import admin
from django.contrib.auth.admin import GroupAdmin as DjangoGroupAdmin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.contrib.auth.models import Group
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_totp import admin as totp_admin
from django_otp.plugins.otp_totp.models import TOTPDevice

from .admin_base import AuditedAdmin
from .limits import database_id
from .models import Municipality, PublicHoliday, Unit, User
from .permissions import permission_label
from .thaidates import format_date


class PermissionLabelsMixin:
    """Permission pickers in Thai: Django stores permission names in English."""

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        field = super().formfield_for_manytomany(db_field, request, **kwargs)
        if db_field.name in {"permissions", "user_permissions"}:
            field.label_from_instance = permission_label
        return field


admin.site.unregister(Group)
admin.site.unregister(TOTPDevice)


@admin.register(TOTPDevice)
class TOTPDeviceAdmin(totp_admin.TOTPDeviceAdmin):
    """django-otp's, with a 404 for a device that does not exist (its views .get() it)."""

    def config_view(self, request, pk):
        self._require_device(pk)
        return super().config_view(request, pk)

    def qrcode_view(self, request, pk):
        self._require_device(pk)
        return super().qrcode_view(request, pk)

    def _require_device(self, pk):
        if not TOTPDevice.objects.filter(pk=database_id(pk) or 0).exists():
            raise Http404


@admin.register(Group)
class GroupAdmin(PermissionLabelsMixin, DjangoGroupAdmin):
    pass


@admin.register(User)
class UserAdmin(PermissionLabelsMixin, DjangoUserAdmin, AuditedAdmin):
    list_display = ["username", "full_name", "position", "unit", "is_active"]
    list_filter = ["unit", "groups", "is_active", "is_staff"]
    list_select_related = ["unit"]
    fieldsets = DjangoUserAdmin.fieldsets + (
        (
            _("Position in the municipality"),
            {"fields": ["name_prefix", "position", "unit", "phone"]},
        ),
    )

    @admin.display(description=_("name"), ordering="first_name")
    def full_name(self, user):
        return user.get_full_name()


@admin.register(Unit)
class UnitAdmin(AuditedAdmin):
    list_display = ["name_th", "name_en", "code", "order"]
    list_editable = ["order"]
    prepopulated_fields = {"code": ["name_en"]}


@admin.register(PublicHoliday)
class PublicHolidayAdmin(AuditedAdmin):
    list_display = ["thai_date", "name_th", "name_en"]
    date_hierarchy = "date"
    search_fields = ["name_th", "name_en"]

    @admin.display(description=_("date"), ordering="date")
    def thai_date(self, holiday):
        return format_date(holiday.date, "long")


@admin.register(Municipality)
class MunicipalityAdmin(AuditedAdmin):
    filter_horizontal = ["webmasters"]
    fieldsets = [
        (None, {"fields": ["name_th", "name_en", "kind", "tagline_th", "tagline_en", "logo"]}),
        (
            _("Contact"),
            {
                "fields": [
                    "address_th",
                    "address_en",
                    "phone",
                    "fax",
                    "email",
                    "website",
                    "facebook_url",
                    "line_url",
                    "youtube_url",
                    "tiktok_url",
                    "instagram_url",
                    "x_url",
                    "hotlines",
                    "latitude",
                    "longitude",
                ]
            },
        ),
        (
            _("Officials (announcement 2.1)"),
            {
                "fields": [
                    "chief_executive_name",
                    "chief_executive_position",
                    "approver",
                    "checker",
                    "webmasters",
                ]
            },
        ),
    ]

    def has_add_permission(self, request):
        # A single profile: once it exists it is edited, never a second one added.
        return not Municipality.objects.exists() and super().has_add_permission(request)

    def has_delete_permission(self, request, obj=None):
        return False
