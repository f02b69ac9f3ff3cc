"""The slow part of an upload, done off the request path (issue 12, part 5).

The checks that decide whether a file is accepted (type from content, structure, viruses, a
decodable image without its metadata) run before it is stored, in the request; what follows
here only adds to an accepted file: the text of a PDF for the search, the smaller sizes of a
photo for phones.
"""

from django.core.files.base import ContentFile
from django_tasks import task

from . import filetypes, search
from .models import Item
from .uploads import Attachment, Photo


@task()
def extract_attachment_text(attachment_id):
    """Read a PDF's text layer once, and refresh the search entry of its item if it has one."""
    attachment = Attachment.objects.select_related("item").filter(pk=attachment_id).first()
    if attachment is None or attachment.extension != "pdf":
        return 0
    with attachment.file.open("rb") as handle:
        text = search.pdf_text(handle.read())
    # Copies made meanwhile (a revision draft) share the stored file: they get the text too.
    sharing = Attachment.objects.filter(file=attachment.file.name)
    sharing.update(text=text)
    indexed = search.SearchDocument.objects.filter(item__attachments__in=sharing)
    for item in Item.objects.filter(search_document__in=indexed):
        search.index(item)
    return len(text)


@task()
def make_photo_renditions(photo_id):
    """Write the 320/640/1280 px sizes of a stored photo, then let the pages offer them."""
    photo = Photo.objects.filter(pk=photo_id).first()
    if photo is None:
        return []
    key = "jpeg" if photo.extension in {"jpg", "jpeg"} else photo.extension
    with photo.image.open("rb") as handle:
        sizes = filetypes.renditions_of(handle.read(), key)
    storage = photo.image.storage
    for width, content in sizes.items():
        name = photo.sized_name(width)
        if storage.exists(name):
            storage.delete(name)
        storage.save(name, ContentFile(content))
    widths = sorted(sizes)
    Photo.objects.filter(image=photo.image.name).update(widths=widths)  # copies share it
    return widths
