import mimetypes

from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, render
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe

from catalog.models import CouncilDetail, Item

from .models import CouncilMember

LATEST = 10


@require_safe
def index(request):
    """The council: its serving members in order, then its latest notices, minutes, resolutions."""
    documents = (
        Item.objects.live()
        .filter(kind=Item.Kind.COUNCIL)
        .select_related("subcategory__category", "councildetail")
        .order_by("-councildetail__meeting_on", "-pk")
    )
    Type = CouncilDetail.DocumentType
    context = {
        "members": CouncilMember.objects.serving(),
        "sections": [
            (label, documents.filter(councildetail__document_type=value)[:LATEST])
            for value, label in Type.choices
        ],
    }
    return render(request, "council/council_index.html", context)


@require_safe
@cache_control(public=True, max_age=3600)
def photo(request, pk):
    """A member's portrait (re-drawn on upload); media files are never served directly."""
    member = get_object_or_404(CouncilMember, pk=pk)
    if not member.photo:
        raise Http404
    content_type = mimetypes.guess_type(member.photo.name)[0] or "image/png"
    return FileResponse(member.photo.open("rb"), content_type=content_type)
