import mimetypes

from django.conf import settings
from django.http import FileResponse, Http404, HttpResponse, HttpResponseServerError
from django.shortcuts import render
from django.template import loader
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language
from django.views.decorators.cache import cache_control
from django.views.decorators.csrf import requires_csrf_token
from django.views.decorators.http import require_safe

from catalog import fragments
from catalog.models import Category
from catalog.querysets import HOME_SECTIONS, home_sections

from .models import Municipality


@require_safe
def home(request):
    # Lazy: when the page's content is cached (catalog.fragments), no query is even built.
    sections = SimpleLazyObject(home_sections)
    context = {name: _lazy(sections, name) for name in HOME_SECTIONS}
    context["categories"] = SimpleLazyObject(
        lambda: fragments.frame(fragments.for_request(request)).categories
    )
    context["today"] = timezone.now()
    return render(request, "chiangkhian/home.html", context)


def _lazy(sections, name):
    return SimpleLazyObject(lambda: sections[name])


@require_safe
def site_map(request):
    """The HTML site map: every category and listing, and the site's own pages."""
    categories = Category.objects.prefetch_related("subcategories")
    return render(request, "chiangkhian/site_map.html", {"categories": categories})


@require_safe
@cache_control(public=True, max_age=3600)
def robots_txt(request):
    """Crawlers: everything public, not the back office; where the sitemap is."""
    base = settings.SITE_URL or request.build_absolute_uri("/").rstrip("/")
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /en/admin/",
        f"Sitemap: {base}{reverse('sitemap')}",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


@require_safe
@cache_control(public=True, max_age=3600)
def logo(request):
    """The municipality's logo; media files are never served straight from MEDIA_ROOT."""
    municipality = Municipality.current()
    if not municipality or not municipality.logo:
        raise Http404
    content_type = mimetypes.guess_type(municipality.logo.name)[0] or "image/png"
    return FileResponse(municipality.logo.open("rb"), content_type=content_type)


@requires_csrf_token
def server_error(request):
    """The 500 page in the site's colours and language, drawn without the database.

    Django's own handler renders 500.html with an empty context; this one adds only what
    needs no query (the language and the home page of that language).
    """
    context = {"LANGUAGE_CODE": get_language(), "home_url": reverse("home")}
    try:
        html = loader.get_template("500.html").render(context)
    except Exception:  # the error page itself must never fail
        html = "<h1>Server Error (500)</h1>"
    return HttpResponseServerError(html)
