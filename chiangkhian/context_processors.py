from django.utils.functional import SimpleLazyObject

from catalog.models import Category, Item

from .models import Municipality


def site(request):
    """The municipality profile, the ten categories and the live policy pages for every page.

    Lazy, so a page that does not show them (the admin's JSON views) pays no query.
    """
    return {
        "municipality": SimpleLazyObject(Municipality.current),
        "nav_categories": SimpleLazyObject(lambda: list(Category.objects.all())),
        "policy_pages": SimpleLazyObject(Item.objects.policy_pages),
    }
