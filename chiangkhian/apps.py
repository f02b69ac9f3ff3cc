from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class ChiangkhianConfig(AppConfig):
    name = "chiangkhian"
    verbose_name = _("Municipality and staff")

    def ready(self):
        from . import eraformat, roles
        from .staffauth import notices, policy  # noqa: F401 (their signal receivers)

        # Localized dates (admin columns, history pages, {{ date }}) in the Buddhist Era.
        eraformat.install()
        _be_date_inputs_in_every_admin()

        # Permissions are created after every migrate; the role groups follow them so a
        # permission added by a later migration reaches its role without a manual step.
        post_migrate.connect(roles.sync_role_permissions, dispatch_uid="chiangkhian.sync_roles")

        from catalog import search

        search.register_page(
            "site_map",
            title_th="แผนผังเว็บไซต์",
            title_en="Site map",
            text_th="แผนผังเว็บไซต์ หมวดหมู่ทั้งหมด",
            text_en="sitemap all categories",
        )


def _be_date_inputs_in_every_admin():
    """Every date input of the back office takes B.E., the packages' admins too (axes, otp).

    The admin copies its field defaults when an admin is instantiated: the ones registered
    already get the B.E. fields here, inlines and later admins through the defaults.
    """
    from django.contrib import admin
    from django.contrib.admin import options

    from .admin_base import BE_DATE_FIELDS

    options.FORMFIELD_FOR_DBFIELD_DEFAULTS.update(BE_DATE_FIELDS)
    for model_admin in admin.site._registry.values():
        for field_class, kwargs in BE_DATE_FIELDS.items():
            model_admin.formfield_overrides[field_class] = dict(kwargs)
