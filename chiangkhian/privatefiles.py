"""The response for a file that only some people may open (requests' files, citizens' files).

Shown in the page when a browser can show it safely, downloaded otherwise; never kept by a
shared cache, because the right to open it can end (a withdrawn request, an erased case).
"""

from django.http import FileResponse
from django.utils.cache import patch_cache_control

# What a browser may show in the page itself; anything else (Office files) is downloaded.
SHOWN_INLINE = {"application/pdf", "image/jpeg", "image/png", "image/webp"}


def private_file_response(handle, *, mime_type, filename):
    response = FileResponse(
        handle,
        as_attachment=mime_type not in SHOWN_INLINE,
        filename=filename,
        content_type=mime_type,
    )
    patch_cache_control(response, private=True, no_cache=True, no_store=True)
    response["X-Robots-Tag"] = "noindex"
    return response
