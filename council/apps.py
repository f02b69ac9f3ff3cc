from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CouncilConfig(AppConfig):
    name = "council"
    verbose_name = _("Local council")

    def ready(self):
        from . import checks  # noqa: F401 - registers the council's site-feature check
