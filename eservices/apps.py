from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EservicesConfig(AppConfig):
    name = "eservices"
    verbose_name = _("E-services")

    def ready(self):
        # The running services are the ITA checklist's evidence for O3, O10, O17 and O18.
        from . import checks

        checks.register()
