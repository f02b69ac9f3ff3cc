"""The municipality's logo: decoded from its content, re-drawn, never served as uploaded."""

import io

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

MAX_PIXELS = 4_000_000  # a logo; far larger is a mistake or a decompression bomb


def clean_logo(upload):
    """PNG bytes of the uploaded image, upright, at most 512 px, with no metadata (EXIF, GPS)."""
    try:
        with Image.open(upload) as image:
            if image.width * image.height > MAX_PIXELS:
                raise ValidationError(_("The logo is too large; use an image under 2,000 pixels."))
            image = ImageOps.exif_transpose(image).convert("RGBA")
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError) as error:
        raise ValidationError(_("The logo must be a PNG, JPEG or WebP image.")) from error
    image.thumbnail((512, 512))
    out = io.BytesIO()
    image.save(out, "PNG")  # a fresh file: only the pixels are copied
    return out.getvalue()
