from django.utils.functional import SimpleLazyObject

from catalog import fragments
from catalog.models import Item


def site(request):
    """The municipality profile, the ten categories, the live policy pages and the content
    generation, for every page.

    From the cache (catalog.fragments), lazily: a page that does not show them pays nothing.
    """
    frame = SimpleLazyObject(lambda: fragments.frame(fragments.for_request(request)))
    return {
        "municipality": SimpleLazyObject(lambda: frame.municipality),
        "nav_categories": SimpleLazyObject(lambda: frame.categories),
        "public_generation": SimpleLazyObject(lambda: fragments.for_request(request)),
        "policy_pages": SimpleLazyObject(Item.objects.policy_pages),
    }
