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
        _register_search_pages()


def _register_search_pages():
    from catalog import search

    # Issue 13: the ITA page is found by the words people type for the assessment.
    search.register_page(
        "compliance:ita",
        title_th="ข้อมูลเปิดเผยสาธารณะ (OIT) สำหรับการประเมินคุณธรรมและความโปร่งใส (ITA)",
        title_en="Open data for the Integrity and Transparency Assessment (ITA / OIT)",
        text_th="การประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ ป.ป.ช. หลักฐาน",
        text_en="integrity transparency assessment evidence NACC OIT ITA",
    )
    search.register_page(
        "compliance:ita_evidence",
        title_th="หลักฐานการประเมิน ITA ทุกข้อ",
        title_en="Evidence for every ITA indicator",
        text_th="การประเมินคุณธรรมและความโปร่งใส ตัวชี้วัด OIT หลักฐาน",
        text_en="integrity transparency assessment indicators evidence",
    )


def check_checklists(app_configs=None, directory=None, **kwargs):
    """A checklist file that cannot be read stops `manage.py check` (and so every deploy)."""
    from .checklist import CHECKLIST_DIR, ChecklistError, load_all

    try:
        load_all(directory or CHECKLIST_DIR)
    except ChecklistError as error:
        return [checks.Error(str(error), id="compliance.E001")]
    return []
