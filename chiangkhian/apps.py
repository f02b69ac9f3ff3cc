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

        # Permissions are created after every migrate; the role groups follow them so a
        # permission added by a later migration reaches its role without a manual step.
        post_migrate.connect(roles.sync_role_permissions, dispatch_uid="chiangkhian.sync_roles")
