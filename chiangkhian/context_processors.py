from django.utils.functional import SimpleLazyObject

from catalog.models import Category

from .models import Municipality


def site(request):
    """The municipality profile and the ten categories for the frame of every page.

    Lazy, so a page that does not show them (the admin's JSON views) pays no query.
    """
    return {
        "municipality": SimpleLazyObject(Municipality.current),
        "nav_categories": SimpleLazyObject(lambda: list(Category.objects.all())),
    }
