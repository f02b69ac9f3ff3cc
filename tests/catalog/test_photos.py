"""Photos are cleaned (no EXIF, upright), bounded in pixels, resized, and described."""

from django.core.exceptions import ValidationError
from django.test import override_settings
from PIL import Image

from catalog.models import Photo
from tests.base import PersonaTestCase

from .helpers import add_photo, image_bytes, make_item, pdf_bytes

GPS_IFD = 0x8825
ORIENTATION = 0x0112


def exif_with_gps(orientation=1):
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"
    exif[ORIENTATION] = orientation
    exif.get_ifd(GPS_IFD).update({1: "N", 2: (19.0, 44.0, 9.0), 3: "E", 4: (100.0, 9.0, 53.0)})
    return exif


class PhotoTests(PersonaTestCase):
    def setUp(self):
        self.item = make_item(kind="news", status="draft")

    def stored(self, photo, width=0):
        with photo.image.storage.open(photo.rendition_name(width)) as file:
            image = Image.open(file)
            image.load()
            return image

    def test_gps_and_all_exif_are_stripped(self):
        original = image_bytes((400, 300), exif=exif_with_gps())
        self.assertIn(GPS_IFD, Image.open(__import__("io").BytesIO(original)).getexif())
        photo = add_photo(self.item, "IMG_0001.jpg", original)
        image = self.stored(photo)
        self.assertEqual(dict(image.getexif()), {})
        self.assertNotIn("exif", image.info)

    def test_the_orientation_is_applied(self):
        # Orientation 6: the camera was turned; the picture is shown rotated 90°.
        photo = add_photo(self.item, "turned.jpg", image_bytes((200, 100), exif=exif_with_gps(6)))
        self.assertEqual((photo.width, photo.height), (100, 200))
        self.assertEqual(self.stored(photo).size, (100, 200))

    def test_smaller_sizes_are_made_for_phones(self):
        photo = add_photo(self.item, "wide.jpg", image_bytes((1000, 500)))
        self.assertEqual(photo.widths, [320, 640])
        self.assertEqual(self.stored(photo, 320).size, (320, 160))
        self.assertEqual(self.stored(photo, 640).size, (640, 320))
        self.assertEqual(photo.thumbnail_url, f"/photos/{photo.pk}/320/")
        self.assertIn(f"/photos/{photo.pk}/640/ 640w", photo.srcset)
        self.assertIn(f"/photos/{photo.pk}/0/ 1000w", photo.srcset)

    @override_settings(IMAGE_MAX_PIXELS=10_000)
    def test_a_decompression_bomb_is_refused(self):
        with self.assertRaises(ValidationError) as raised:
            add_photo(self.item, "bomb.png", image_bytes((200, 200), fmt="PNG"))
        self.assertIn("ล้านพิกเซล", raised.exception.message_dict["image"][0])
        self.assertFalse(Photo.objects.exists())

    def test_alt_text_is_required(self):
        with self.assertRaises(ValidationError) as raised:
            add_photo(self.item, "x.jpg", alt_th="")
        self.assertIn("alt_th", raised.exception.message_dict)

    def test_a_photo_must_be_an_image(self):
        with self.assertRaises(ValidationError) as raised:
            add_photo(self.item, "report.pdf", pdf_bytes())
        self.assertIn("ไม่รับไฟล์ประเภท PDF (รับเฉพาะ JPEG, PNG, WebP)", str(raised.exception))
