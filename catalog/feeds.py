"""RSS and Atom feeds (django.contrib.syndication): all news, and each category's content.

Built from live() alone, so nothing unpublished, scheduled or taken down is ever in a feed.
"""

from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from chiangkhian.models import Municipality

from . import richtext
from .models import Category, Item

FEED_SIZE = 30


def _site_name():
    municipality = Municipality.current()
    return municipality.name if municipality else _("Municipality website")


class _ItemFeed(Feed):
    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary or richtext.to_text(item.body)[:500]

    def item_pubdate(self, item):
        return item.publish_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_categories(self, item):
        return [item.subcategory.name]

    def _live(self):
        return Item.objects.live().select_related("subcategory__category")


class NewsFeed(_ItemFeed):
    def title(self):
        return _("News of %(site)s") % {"site": _site_name()}

    def link(self):
        return reverse("home")

    def description(self):
        return self.title()

    def items(self):
        return self._live().filter(kind=Item.Kind.NEWS)[:FEED_SIZE]


class NewsAtomFeed(NewsFeed):
    feed_type = Atom1Feed
    subtitle = NewsFeed.description


class CategoryFeed(_ItemFeed):
    def get_object(self, request, category):
        return get_object_or_404(Category, slug=category)

    def title(self, category):
        return f"{category.name} · {_site_name()}"

    def link(self, category):
        return category.get_absolute_url()

    def description(self, category):
        return category.description or category.name

    def items(self, category):
        return self._live().filter(subcategory__category=category)[:FEED_SIZE]


class CategoryAtomFeed(CategoryFeed):
    feed_type = Atom1Feed
    subtitle = CategoryFeed.description
