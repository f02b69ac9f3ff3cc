"""Files of an item: attachments to download and photos to show (announcement 2.2).

A file is inspected from its content before it is stored (catalog/filetypes.py), in the model
layer, so the admin, the workflow and the demo loader all pass the same checks. It is stored
under a generated name in MEDIA_ROOT, which no URL serves: catalog.views.download and
catalog.views.photo hand it out only while its item is live.
"""

import uuid

from django.core.files.base import ContentFile
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_tasks import TaskResultStatus
from simple_history.models import HistoricalRecords

from chiangkhian.models import pick_language

from . import filetypes


def _generated_name(folder, extension):
    return f"{folder}/{timezone.now():%Y/%m}/{uuid.uuid4().hex}.{extension}"


def attachment_path(instance, filename):
    return _generated_name("attachments", instance.extension)


def photo_path(instance, filename):
    return _generated_name("photos", instance.extension)


def _is_new_upload(field_file):
    return bool(field_file) and not field_file._committed


def _refresh_when_done(obj, result, field):
    # The embedded default runs the task at once: the object in hand shows what it wrote.
    if result.status == TaskResultStatus.SUCCESSFUL:
        obj.refresh_from_db(fields=[field])


def _safe_original_name(name):
    return filetypes.safe_download_name(name)


class InspectedFile(models.Model):
    """The facts of announcement 2.2 about a file, read from its content."""

    original_name = models.CharField(_("original file name"), max_length=255, editable=False)
    mime_type = models.CharField(_("detected type"), max_length=150, editable=False)
    extension = models.CharField(_("extension"), max_length=10, editable=False)
    size = models.PositiveBigIntegerField(_("size in bytes"), editable=False, default=0)
    sha256 = models.CharField(_("SHA-256"), max_length=64, editable=False)
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)

    file_field = "file"
    only_types = None
    renditions = False

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        # No path stores an unchecked file: an upload not yet inspected is inspected here.
        if _is_new_upload(getattr(self, self.file_field)) and not getattr(self, "_inspected", 0):
            self.inspect()
        super().save(*args, **kwargs)

    @classmethod
    def from_bytes(cls, *, item, name, content, **fields):
        """Create a checked file of an item from bytes (ValidationError if refused)."""
        obj = cls(item=item, **fields)
        setattr(obj, cls.file_field, ContentFile(content, name=name))
        obj.full_clean()
        obj.save()
        return obj

    def clean_fields(self, exclude=None):
        super().clean_fields(exclude)
        field_file = getattr(self, self.file_field)
        if _is_new_upload(field_file) and not getattr(self, "_inspected", False):
            self.inspect()

    def inspect(self):
        field_file = getattr(self, self.file_field)
        found = filetypes.inspect_upload(
            field_file, field=self.file_field, only=self.only_types, renditions=self.renditions
        )
        self.original_name = _safe_original_name(field_file.name)
        self.mime_type = found.mime
        self.extension = found.extension
        self.size = found.size
        self.sha256 = found.sha256
        self._accept(found)
        setattr(self, self.file_field, ContentFile(found.content, name=self.original_name))
        self._inspected = True

    def _accept(self, found):
        pass

    @property
    def type_label(self):
        type_ = filetypes.TYPES.get(self.extension.replace("jpg", "jpeg"))
        return type_.label if type_ else self.extension.upper()

    @property
    def size_label(self):
        return filetypes.human_size(self.size)


class Attachment(InspectedFile):
    """A file to download: a document, a form to fill in, the manual as a PDF, ..."""

    class Role(models.TextChoices):
        DOCUMENT = "document", _("Document")
        FORM = "form", _("Form to fill in")

    item = models.ForeignKey(
        "catalog.Item",
        verbose_name=_("content item"),
        on_delete=models.CASCADE,
        related_name="attachments",
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.DOCUMENT)
    title_th = models.CharField(_("title (Thai)"), max_length=300, blank=True)
    title_en = models.CharField(_("title (English)"), max_length=300, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    file = models.FileField(_("file"), upload_to=attachment_path, max_length=200)
    page_count = models.PositiveIntegerField(_("pages"), null=True, blank=True, editable=False)
    # The PDF's text layer, read once on upload, for the site search (catalog.search).
    text = models.TextField(_("text of the document"), blank=True, editable=False)
    history = HistoricalRecords(excluded_fields=["text"])

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")

    def __str__(self):
        return self.title_th or self.original_name

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        if getattr(self, "_text_pending", False):
            self._text_pending = False
            # Reading the text of a long PDF takes seconds: a background task does it.
            from .tasks import extract_attachment_text

            _refresh_when_done(self, extract_attachment_text.enqueue(self.pk), "text")

    def get_absolute_url(self):
        return reverse("catalog:download", kwargs={"pk": self.pk})

    def _accept(self, found):
        self.page_count = found.page_count
        self.text = ""
        self._text_pending = found.extension == "pdf"

    @property
    def title(self):
        return pick_language(self.title_th, self.title_en) or self.original_name

    @property
    def facts(self):
        """'PDF · 1.2 MB · 14 หน้า', as announcement 2.2 asks next to each download link."""
        parts = [self.type_label, self.size_label]
        if self.page_count:
            parts.append(filetypes.pages_label(self.page_count))
        return " · ".join(parts)


class Photo(InspectedFile):
    """A photo of an item (activity gallery, portrait), cleaned and resized for phones."""

    item = models.ForeignKey(
        "catalog.Item",
        verbose_name=_("content item"),
        on_delete=models.CASCADE,
        related_name="photos",
    )
    image = models.FileField(_("image"), upload_to=photo_path, max_length=200)
    alt_th = models.CharField(
        _("text alternative (Thai)"),
        max_length=300,
        help_text=_("What the photo shows, read aloud to people who cannot see it."),
    )
    alt_en = models.CharField(_("text alternative (English)"), max_length=300, blank=True)
    caption_th = models.CharField(_("caption (Thai)"), max_length=300, blank=True)
    caption_en = models.CharField(_("caption (English)"), max_length=300, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    width = models.PositiveIntegerField(_("width"), default=0, editable=False)
    height = models.PositiveIntegerField(_("height"), default=0, editable=False)
    widths = models.JSONField(_("resized widths"), default=list, editable=False)
    history = HistoricalRecords()

    file_field = "image"
    only_types = filetypes.IMAGE_TYPES

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("photo")
        verbose_name_plural = _("photos")

    def __str__(self):
        return self.alt_th

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        if getattr(self, "_renditions_pending", False):
            self._renditions_pending = False
            # The stored photo is cleaned already (upright, no EXIF or GPS): only the smaller
            # sizes for phones, seconds of resizing for a large photo, wait for a task. Until
            # then the pages show the full-size photo (widths is empty).
            from .tasks import make_photo_renditions

            _refresh_when_done(self, make_photo_renditions.enqueue(self.pk), "widths")

    def _accept(self, found):
        self.width, self.height = found.image.width, found.image.height
        self.widths = []
        self._renditions_pending = any(w < self.width for w in filetypes.RENDITION_WIDTHS)

    def rendition_name(self, width):
        return self.sized_name(width) if width in self.widths else self.image.name

    def sized_name(self, width):
        stem, dot, extension = self.image.name.rpartition(".")
        return f"{stem}-w{width}.{extension}"

    def url(self, width=0):
        return reverse("catalog:photo", kwargs={"pk": self.pk, "width": width})

    @property
    def alt(self):
        return pick_language(self.alt_th, self.alt_en)

    @property
    def caption(self):
        return pick_language(self.caption_th, self.caption_en)

    @property
    def thumbnail_url(self):
        return self.url(self.widths[0] if self.widths else 0)

    @property
    def srcset(self):
        sizes = [f"{self.url(width)} {width}w" for width in self.widths]
        return ", ".join([*sizes, f"{self.url(0)} {self.width}w"])

    def copy_files(self):
        """Names of the stored files, for a copy of this photo that shares them."""
        return [self.image.name, *(self.rendition_name(width) for width in self.widths)]
