from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = _("Events calendar")

    def ready(self):
        from . import checks  # noqa: F401 - registers the calendar's site-feature check
