"""The members of the local council (สภาเทศบาล / สภา อบต.), kept by the webmasters.

Members are not publications: a name, a seat and a term are facts the webmaster keeps up to
date (an election, a resignation), not a document an official signs off, so they are a model
with its own history instead of items of the publication workflow. What the council issues
(meeting notices, minutes, resolutions) is content and goes through the workflow as items of
kind council (catalog.CouncilDetail).
"""

import uuid

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from chiangkhian.images import clean_portrait
from chiangkhian.models import pick_language


class MemberQuerySet(models.QuerySet):
    def serving(self, on=None):
        """Members whose term includes the day `on` (today in the site's time zone)."""
        on = on or timezone.localdate()
        return self.filter(term_start__lte=on).filter(
            models.Q(term_end__isnull=True) | models.Q(term_end__gte=on)
        )


def portrait_path(instance, filename):
    return f"council/{timezone.now():%Y/%m}/{uuid.uuid4().hex}.png"


class CouncilMember(models.Model):
    class Role(models.TextChoices):
        PRESIDENT = "president", _("President of the council")
        VICE_PRESIDENT = "vice_president", _("Vice-president of the council")
        SECRETARY = "secretary", _("Secretary of the council")
        MEMBER = "member", _("Council member")

    order = models.PositiveSmallIntegerField(_("order"), default=0)
    name_th = models.CharField(_("full name (Thai)"), max_length=200)
    name_en = models.CharField(_("full name (English)"), max_length=200, blank=True)
    role = models.CharField(_("position"), max_length=20, choices=Role.choices)
    constituency = models.CharField(
        _("constituency"), max_length=200, blank=True, help_text=_("e.g. เขตเลือกตั้งที่ 1")
    )
    term_start = models.DateField(_("term from"))
    term_end = models.DateField(_("term until"), null=True, blank=True)
    photo = models.ImageField(_("portrait"), upload_to=portrait_path, blank=True)
    history = HistoricalRecords()

    objects = MemberQuerySet.as_manager()

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("council member")
        verbose_name_plural = _("council members")

    def __str__(self):
        return self.name_th

    def clean(self):
        if self.term_end and self.term_start and self.term_end < self.term_start:
            raise ValidationError({"term_end": _("The term cannot end before it starts.")})
        if self.photo and not getattr(self.photo, "_committed", True):
            # Re-drawn from its pixels (no EXIF, no script in a crafted file), like the logo.
            self.photo = ContentFile(clean_portrait(self.photo), name="portrait.png")

    @property
    def name(self):
        return pick_language(self.name_th, self.name_en)

    @property
    def photo_url(self):
        return reverse("council:photo", args=[self.pk]) if self.photo else ""
