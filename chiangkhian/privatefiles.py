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
    if mime_type.startswith("image/"):
        # Opened on its own, an image is shown by the browser's own viewer, which centres it
        # with an inline style that the site's policy refuses. This response holds nothing
        # but the (re-encoded) image: no script may run at all, and only that style applies.
        response["Content-Security-Policy"] = (
            "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox"
        )
    return response
