import io

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from chiangkhian.models import Municipality
from tests.base import PersonaTestCase


def jpeg_with_gps():
    """A photo of the seal taken with a phone: its EXIF says where."""
    image = Image.new("RGB", (800, 600), (20, 105, 76))
    exif = Image.Exif()
    exif[0x0110] = "Phone camera"
    gps = exif.get_ifd(0x8825)
    gps[1], gps[2] = "N", (19.0, 44.0, 0.0)  # latitude of the office
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif)
    return out.getvalue()


class LogoTests(PersonaTestCase):
    def test_an_uploaded_logo_is_redrawn_without_its_metadata(self):
        municipality = Municipality.objects.get()
        municipality.logo = SimpleUploadedFile("ตรา.jpg", jpeg_with_gps(), "image/jpeg")
        municipality.full_clean()
        municipality.save()
        with Image.open(municipality.logo.path) as saved:
            self.assertEqual(saved.format, "PNG")
            self.assertEqual(dict(saved.getexif()), {})
            self.assertLessEqual(max(saved.size), 512)
        self.assertNotIn("ตรา", municipality.logo.name)

    def test_a_file_that_is_not_an_image_is_refused_in_thai(self):
        municipality = Municipality.objects.get()
        municipality.logo = SimpleUploadedFile("logo.png", b"MZ\x90\x00 not an image", "image/png")
        with self.assertRaises(ValidationError) as raised:
            municipality.full_clean()
        self.assertIn("ตราสัญลักษณ์ต้องเป็นภาพ", str(raised.exception))
