from django.core.paginator import Paginator
from django.db.models import Count, OuterRef, Subquery, prefetch_related_objects
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, render
from django.template.loader import render_to_string
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_safe

from chiangkhian.thaidates import buddhist_year

from . import fragments
from . import search as search_index
from .models import Attachment, Item, Photo, Subcategory
from .querysets import live_filter

PAGE_SIZE = 20


@require_safe
def category_detail(request, category):
    live = Item.objects.live().filter(subcategory=OuterRef("pk")).order_by("-publish_at", "-pk")
    subcategories = Subcategory.objects.select_related("category").annotate(
        live_count=Count("items", filter=live_filter(prefix="items__")),
        latest_title=Subquery(live.values("title_th")[:1]),
        latest_title_en=Subquery(live.values("title_en")[:1]),
        latest_pk=Subquery(live.values("pk")[:1]),
    )
    frame = fragments.frame(fragments.for_request(request))
    category = next((c for c in frame.categories if c.slug == category), None)
    if category is None:
        raise Http404
    context = {
        "category": category,
        "subcategories": subcategories.filter(category=category),
        "crumbs": [category],
    }
    return render(request, "catalog/category_detail.html", context)


@require_safe
def subcategory_detail(request, category, subcategory):
    frame = fragments.frame(fragments.for_request(request))
    subcategory = frame.subcategories.get((category, subcategory))
    if subcategory is None:
        raise Http404
    # Only well-formed values make a cache entry: any other is the first page, all years.
    number, year = request.GET.get("page", ""), request.GET.get("year", "")
    number = number if number.isdigit() and len(number) <= 6 else ""
    year = year if year.isdigit() and len(year) == 4 else ""
    listing = fragments.cached(
        request,
        "listing",
        subcategory.pk,
        number,
        year,
        build=lambda: _listing(request, subcategory, number, year),
    )
    context = {
        "category": subcategory.category,
        "subcategory": subcategory,
        "listing": listing,
        "crumbs": [subcategory.category, subcategory],
    }
    return render(request, "catalog/subcategory_detail.html", context)


def _listing(request, subcategory, number, year):
    """The year filter, one page of cards and the pages' links, rendered (for the cache)."""
    items = Item.objects.live().filter(subcategory=subcategory)
    years = [buddhist_year(day) for day in items.datetimes("publish_at", "year", order="DESC")]
    if year and int(year) in years:
        items = items.in_year(year)
    else:
        year = ""
    page = Paginator(items.with_details(), PAGE_SIZE).get_page(number)
    context = {"page": page, "years": years, "year": year}
    html = render_to_string("catalog/includes/listing.html", context, request=request)
    return {"number": page.number, "html": html}


@require_safe
def search(request):
    query = " ".join(request.GET.get("q", "").split())[:100]
    words = search_index.words_of(query)
    found = search_index.matching(Item.objects.live(), words) if words else Item.objects.none()
    facets = found.order_by().values("subcategory__category").annotate(count=Count("pk"))
    counts = {row["subcategory__category"]: row["count"] for row in facets}
    frame = fragments.frame(fragments.for_request(request))  # the categories, from the cache
    categories = [c for c in frame.categories if c.pk in counts]
    chosen = next((c for c in categories if c.slug == request.GET.get("category")), None)
    if chosen is not None:
        found = found.filter(subcategory__category=chosen)
    paginator = Paginator(found.with_details(), PAGE_SIZE)
    # The facets counted the matches already: no second pass over the index to count them.
    paginator.count = counts[chosen.pk] if chosen is not None else sum(counts.values())
    page = paginator.get_page(request.GET.get("page"))
    for item in page:
        item.search_snippet = search_index.snippet(item, words)
    context = {
        "query": query,
        "words": words,
        "page": page,
        "facets": [(category, counts[category.pk]) for category in categories],
        "chosen": chosen,
        # The site's own pages (the ITA page, the site map) that hold every word.
        "pages": search_index.matching_pages(words),
    }
    return render(request, "catalog/search.html", context)


@require_safe
def item_detail(request, category, subcategory, pk):
    frame = fragments.frame(fragments.for_request(request))
    sub = frame.subcategories.get((category, subcategory))
    found = Item.objects.live().filter(subcategory=sub, pk=pk).first() if sub else None
    if found is None:
        return _not_live(request, category, subcategory, pk)
    found.subcategory = sub  # with its category, from the frame
    context = {
        "item": found,
        "category": found.subcategory.category,
        "subcategory": found.subcategory,
        "crumbs": [found.subcategory.category, found.subcategory, found],
    }
    # The article is cached under the generation: what it needs besides the item only then.
    if not fragments.has_template_part(request, "item", found.pk):
        prefetch_related_objects([found], *ITEM_PAGE_PREFETCH)
        history = found.history.order_by("-history_date").values_list("history_date", flat=True)
        context["last_updated"] = history.first() or found.updated_at
    return render(request, f"catalog/item_{found.kind}.html", context)


ITEM_PAGE_PREFETCH = [
    "attachments",
    "photos",
    "manual_steps",
    "manual_documents",
    "people__photo",
    "bids",
]


def _not_live(request, category, subcategory, pk):
    """A withdrawn item leaves a notice (HTTP 410) saying when and why; anything else is 404."""
    item = get_object_or_404(
        Item.objects.select_related("subcategory__category"),
        subcategory__category__slug=category,
        subcategory__slug=subcategory,
        pk=pk,
    )
    if not item.shows_withdrawal_notice:
        raise Http404
    context = {
        "item": item,
        "crumbs": [item.subcategory.category, item.subcategory, item],
    }
    return render(request, "catalog/item_withdrawn.html", context, status=410)


@require_safe
def download(request, pk):
    """An attachment, only while its item is live; as a download under its original name."""
    attachment = get_object_or_404(Attachment.objects.filter(item__in=Item.objects.live()), pk=pk)
    response = FileResponse(
        attachment.file.open("rb"),
        as_attachment=True,
        filename=attachment.original_name,
        content_type=attachment.mime_type,
    )
    return _private_file(response, attachment.sha256)


@require_safe
def photo(request, pk, width):
    """A photo (or one of its smaller sizes), only while its item is live."""
    image = get_object_or_404(Photo.objects.filter(item__in=Item.objects.live()), pk=pk)
    if width and width not in image.widths:
        raise Http404
    storage = image.image.storage
    response = FileResponse(
        storage.open(image.rendition_name(width), "rb"), content_type=image.mime_type
    )
    return _private_file(response, f"{image.sha256[:32]}-{width}")


def _private_file(response, etag):
    # Caches must ask again each time: a withdrawn item's file must stop being served.
    response["ETag"] = f'"{etag}"'
    patch_cache_control(response, no_cache=True, private=True)
    return response
