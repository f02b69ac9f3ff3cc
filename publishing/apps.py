from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PublishingConfig(AppConfig):
    name = "publishing"
    verbose_name = _("Publication workflow")

    def ready(self):
        from . import checks  # noqa: F401 - registers the procurement reports' site feature
