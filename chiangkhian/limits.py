"""Request bodies over the limit are refused from their declared length, before any is read.

Django reads a body only up to its Content-Length (a body without one is read as empty), so
checking the header here, above every middleware that might touch request.POST (CSRF, the
session, the views), means an oversized upload never reaches memory or a temporary file.
Public pages and the back office have their own limits (REQUEST_MAX_MB,
BACK_OFFICE_REQUEST_MAX_MB); each file is further held to UPLOAD_MAX_MB by
catalog.filetypes.inspect_upload.
"""

import re

from django.conf import settings
from django.shortcuts import render

from catalog.filetypes import human_size

BACK_OFFICE = re.compile(r"^/(?:[a-z]{2}/)?admin/")


def body_limit(path):
    megabytes = (
        settings.BACK_OFFICE_REQUEST_MAX_MB if BACK_OFFICE.match(path) else settings.REQUEST_MAX_MB
    )
    return megabytes * 1024 * 1024


class RequestBodyLimitMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        declared = request.META.get("CONTENT_LENGTH") or "0"
        limit = body_limit(request.path_info)
        try:
            length = int(declared)
        except ValueError:
            length = -1
        if length < 0 or length > limit:
            context = {
                "size": human_size(max(length, 0)),
                "limit": human_size(limit),
                "file_limit": human_size(settings.UPLOAD_MAX_MB * 1024 * 1024),
            }
            return render(request, "request_too_large.html", context, status=413)
        return self.get_response(request)


class NulByteMiddleware:
    """A NUL byte in the path, the query string or a form field is answered 400.

    No person types one; PostgreSQL cannot store one, so it would otherwise surface as a
    server error (500) in whichever view first passes the value to a query.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if _has_nul(request):
            return render(request, "bad_request.html", status=400)
        return self.get_response(request)


def _has_nul(request):
    if "\x00" in request.path:
        return True
    if any("\x00" in key or "\x00" in "".join(values) for key, values in request.GET.lists()):
        return True
    content_type = request.content_type or ""
    if request.method == "POST" and content_type in {
        "application/x-www-form-urlencoded",
        "multipart/form-data",
    }:
        return any("\x00" in key or "\x00" in "".join(v) for key, v in request.POST.lists())
    return False


BIGINT_MAX = 2**63 - 1


def database_id(value):
    """value as a row id a database column can hold, or None (a 404, not an overflow)."""
    text = str(value)
    if not text.isdigit() or not text.isascii():
        return None
    number = int(text)
    return number if 0 < number <= BIGINT_MAX else None
