import mimetypes

from django.http import FileResponse, Http404
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe

from catalog.models import Category
from catalog.querysets import home_sections

from .models import Municipality


@require_safe
def home(request):
    categories = Category.objects.prefetch_related("subcategories")
    context = {"categories": categories, "today": timezone.now(), **home_sections()}
    return render(request, "chiangkhian/home.html", context)


@require_safe
@cache_control(public=True, max_age=3600)
def logo(request):
    """The municipality's logo; media files are never served straight from MEDIA_ROOT."""
    municipality = Municipality.current()
    if not municipality or not municipality.logo:
        raise Http404
    content_type = mimetypes.guess_type(municipality.logo.name)[0] or "image/png"
    return FileResponse(municipality.logo.open("rb"), content_type=content_type)
