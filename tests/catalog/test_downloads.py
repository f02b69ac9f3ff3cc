"""Files are private until their item is live: the download views apply live() too."""

import datetime

from tests.base import PersonaTestCase

from .helpers import NOW, add_photo, attach, make_item, pdf_bytes

DAY = datetime.timedelta(days=1)
NOT_LIVE = [
    {"status": "draft"},
    {"status": "expired"},
    {"status": "withdrawn", "withdrawal_reason": "ผิดพลาด"},
    {"expire_at": NOW - DAY},
    {"publish_at": NOW + DAY},
]


class DownloadTests(PersonaTestCase):
    def test_a_live_items_file_downloads_under_its_original_name(self):
        content = pdf_bytes(3)
        attachment = attach(make_item(), "เทศบัญญัติงบประมาณ 2569.pdf", content)
        response = self.client.get(attachment.get_absolute_url())
        self.assertEqual(response.status_code, 200)
        self.assertEqual(b"".join(response.streaming_content), content)
        self.assertEqual(response["Content-Type"], "application/pdf")
        self.assertIn("attachment;", response["Content-Disposition"])
        self.assertIn("filename*=utf-8''", response["Content-Disposition"])
        self.assertIn("no-cache", response["Cache-Control"])
        self.assertEqual(response["X-Content-Type-Options"], "nosniff")

    def test_files_of_items_that_are_not_live_are_not_found(self):
        for fields in NOT_LIVE:
            attachment = attach(make_item(**fields))
            photo = add_photo(attachment.item)
            for url in [attachment.get_absolute_url(), photo.url(), photo.thumbnail_url]:
                self.assertEqual(self.client.get(url).status_code, 404, (fields, url))

    def test_a_photo_and_its_sizes_are_served_while_live(self):
        photo = add_photo(make_item())
        for width in [0, 320, 640]:
            response = self.client.get(photo.url(width))
            self.assertEqual(response.status_code, 200)
            self.assertEqual(response["Content-Type"], "image/jpeg")
        self.assertEqual(self.client.get(photo.url(500)).status_code, 404)

    def test_media_files_are_never_served_by_url(self):
        attachment = attach(make_item())
        self.assertEqual(
            self.client.get(f"/media-not-served/{attachment.file.name}").status_code, 404
        )
        self.assertEqual(self.client.get(f"/{attachment.file.name}").status_code, 404)

    def test_downloads_are_read_only(self):
        attachment = attach(make_item())
        self.assertEqual(self.client.post(attachment.get_absolute_url()).status_code, 405)
