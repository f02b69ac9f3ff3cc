from django.apps import AppConfig
from django.core import checks
from django.core.signals import request_finished
from django.utils.translation import gettext_lazy as _


class ComplianceConfig(AppConfig):
    name = "compliance"
    verbose_name = _("Monitoring and compliance")

    def ready(self):
        from . import middleware

        request_finished.connect(middleware.flush, dispatch_uid="compliance.traffic_log")
        checks.register(check_checklists)


def check_checklists(app_configs=None, directory=None, **kwargs):
    """A checklist file that cannot be read stops `manage.py check` (and so every deploy)."""
    from .checklist import CHECKLIST_DIR, ChecklistError, load_all

    try:
        load_all(directory or CHECKLIST_DIR)
    except ChecklistError as error:
        return [checks.Error(str(error), id="compliance.E001")]
    return []
