from django.utils.functional import SimpleLazyObject

from catalog import fragments


def site(request):
    """The municipality profile, the ten categories and the content generation, for every page.

    From the cache (catalog.fragments), lazily: a page that does not show them pays nothing.
    """
    frame = SimpleLazyObject(lambda: fragments.frame(fragments.for_request(request)))
    return {
        "municipality": SimpleLazyObject(lambda: frame.municipality),
        "nav_categories": SimpleLazyObject(lambda: frame.categories),
        "public_generation": SimpleLazyObject(lambda: fragments.for_request(request)),
    }
