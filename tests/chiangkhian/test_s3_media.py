"""MEDIA_STORAGE=s3: uploads live in a private bucket (moto's emulator here), and every file
still reaches the public only through the views that check live() first."""

import io

import pytest
from django.core.files.storage import storages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from catalog.models import Attachment, Item
from chiangkhian.models import Municipality
from eservices import transitions as case_transitions
from eservices.models import Case, CaseFile
from tests.base import make_municipality, make_unit
from tests.catalog import test_downloads as public_downloads
from tests.catalog.helpers import add_photo, attach, image_bytes, make_item
from tests.catalog.test_upload_tasks import thai_pdf
from tests.eservices.helpers import make_service
from tests.publishing import test_filed_form_files as filed_form_files
from tests.publishing import test_request_files as request_files

pytestmark = pytest.mark.django_db


def stored_keys(s3):
    return {entry["Key"] for entry in s3.list_objects_v2(Bucket=s3.bucket).get("Contents", [])}


def test_an_attachment_lives_in_the_bucket_and_downloads_only_while_live(s3_media, client):
    content = thai_pdf()
    attachment = attach(make_item(), "ประกาศผลการสอบ.pdf", content)
    assert attachment.file.name in stored_keys(s3_media)
    assert "ผู้สอบผ่าน" in attachment.text  # the text task read it back from the bucket
    response = client.get(attachment.get_absolute_url())
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == content
    assert "attachment;" in response["Content-Disposition"]
    assert "no-cache" in response["Cache-Control"]
    Item.objects.filter(pk=attachment.item_id).update(
        status="withdrawn", withdrawal_reason="ผิดพลาด"
    )
    assert client.get(attachment.get_absolute_url()).status_code == 404


def test_the_bucket_itself_is_private(s3_media, s3_server):
    import urllib.error
    import urllib.request

    attachment = attach(make_item())
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(f"{s3_server}/{s3_media.bucket}/{attachment.file.name}")  # noqa: S310
    assert refused.value.code == 403


def test_photo_sizes_are_written_to_the_bucket_and_served(s3_media, client):
    photo = add_photo(make_item(), content=image_bytes(size=(1000, 600)))
    assert photo.widths == [320, 640]
    keys = stored_keys(s3_media)
    assert {photo.image.name, photo.sized_name(320), photo.sized_name(640)} <= keys
    response = client.get(photo.url(320))
    assert response.status_code == 200
    with Image.open(io.BytesIO(b"".join(response.streaming_content))) as image:
        assert image.width == 320


def test_the_logo_is_stored_in_the_bucket(s3_media, client):
    municipality = make_municipality()
    buffer = io.BytesIO()
    Image.new("RGB", (300, 300), (10, 120, 40)).save(buffer, "PNG")
    municipality.logo = SimpleUploadedFile("logo.png", buffer.getvalue())
    municipality.save()
    assert Municipality.objects.get().logo.name in stored_keys(s3_media)
    response = client.get(reverse("site_logo"))
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"\x89PNG")


def test_a_citizens_case_files_go_to_the_bucket_and_are_erased_from_it(s3_media):
    service = make_service("complaint", unit=make_unit())
    photo = CaseFile(kind=CaseFile.Kind.PHOTO, file=SimpleUploadedFile("ไฟดับ.jpg", image_bytes()))
    case = case_transitions.file_case(
        case=Case(
            service=service,
            subject="ไฟฟ้าส่องสว่างดับ หมู่ 3",
            description="ไฟถนนดับสามดวงหน้าวัด",
            name="นายสมชาย ใจกล้า",
            phone="081-234-5678",
        ),
        files=[photo],
    )
    name = case.files.get().file.name
    assert name in stored_keys(s3_media)
    Case.objects.filter(pk=case.pk).update(status=Case.CLOSED[0])
    assert case_transitions.erase_personal_data(case=Case.objects.get(pk=case.pk))
    assert name not in stored_keys(s3_media)
    assert not Attachment.objects.exists()


class InTheBucket:
    def setUp(self):
        super().setUp()
        self.assertEqual(type(storages["default"]).__name__, "S3Storage")


# The same behaviour with the files in the bucket: the download tests of the public site, the
# reviewers' file views and the filed request form (its PDF lists the files it certified).
@pytest.mark.usefixtures("s3_media")
class PublicDownloadsFromTheBucketTests(InTheBucket, public_downloads.DownloadTests):
    pass


@pytest.mark.usefixtures("s3_media")
class ReviewersFilesFromTheBucketTests(InTheBucket, request_files.RequestFileTests):
    pass


@pytest.mark.usefixtures("s3_media")
class FiledFormWithFilesInTheBucketTests(InTheBucket, filed_form_files.FiledFormFilesTests):
    pass
