from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from chiangkhian.models import pick_language


class Category(models.Model):
    """One of the ten content categories of announcement section 1 (1.1 … 1.10)."""

    code = models.CharField(_("clause"), max_length=10, unique=True, help_text="1.1 … 1.10")
    slug = models.SlugField(_("URL name"), unique=True)
    name_th = models.CharField(_("name (Thai)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200)
    description_th = models.TextField(_("description (Thai)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["order"]
        verbose_name = _("category")
        verbose_name_plural = _("categories")

    def __str__(self):
        return f"{self.code} {self.name_th}"

    def get_absolute_url(self):
        return reverse("catalog:category", kwargs={"category": self.slug})

    @property
    def name(self):
        return pick_language(self.name_th, self.name_en)

    @property
    def description(self):
        return pick_language(self.description_th, self.description_en)


class Subcategory(models.Model):
    """A listing inside a category (news, laws, budget, ...); items are published into one."""

    category = models.ForeignKey(
        Category,
        verbose_name=_("category"),
        on_delete=models.PROTECT,
        related_name="subcategories",
    )
    slug = models.SlugField(_("URL name"))
    name_th = models.CharField(_("name (Thai)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200)
    description_th = models.TextField(_("description (Thai)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["category__order", "order"]
        verbose_name = _("subcategory")
        verbose_name_plural = _("subcategories")
        constraints = [
            models.UniqueConstraint(fields=["category", "slug"], name="unique_subcategory_slug")
        ]

    def __str__(self):
        return self.name_th

    def get_absolute_url(self):
        return reverse(
            "catalog:subcategory",
            kwargs={"category": self.category.slug, "subcategory": self.slug},
        )

    @property
    def name(self):
        return pick_language(self.name_th, self.name_en)

    @property
    def description(self):
        return pick_language(self.description_th, self.description_en)
