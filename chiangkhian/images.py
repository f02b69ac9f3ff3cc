"""The municipality's logo: decoded from its content, re-drawn, never served as uploaded."""

import io

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

MAX_PIXELS = 4_000_000  # a logo; far larger is a mistake or a decompression bomb


def clean_logo(upload):
    """PNG bytes of the uploaded image, upright, at most 512 px, with no metadata (EXIF, GPS)."""
    return _redraw(
        upload,
        512,
        too_large=_("The logo is too large; use an image under 2,000 pixels."),
        not_image=_("The logo must be a PNG, JPEG or WebP image."),
    )


def clean_portrait(upload):
    """A portrait (a council member's) re-drawn the same way, at most 600 px."""
    return _redraw(
        upload,
        600,
        too_large=_("The portrait is too large; use an image under 2,000 pixels."),
        not_image=_("The portrait must be a PNG, JPEG or WebP image."),
    )


def _redraw(upload, size, *, too_large, not_image):
    try:
        with Image.open(upload) as image:
            if image.width * image.height > MAX_PIXELS:
                raise ValidationError(too_large)
            image = ImageOps.exif_transpose(image).convert("RGBA")
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError) as error:
        raise ValidationError(not_image) from error
    image.thumbnail((size, size))
    out = io.BytesIO()
    image.save(out, "PNG")  # a fresh file: only the pixels are copied
    return out.getvalue()
