from django.urls import path
from django.views.i18n import JavaScriptCatalog

from . import feeds, views

app_name = "catalog"
urlpatterns = [
    # Files first: the category patterns below would take any first path segment.
    path("search/", views.search, name="search"),
    # The body editor's texts (catalog.widgets), in the language of the URL.
    path(
        "jsi18n/body-editor/",
        JavaScriptCatalog.as_view(domain="djangojs"),
        name="editor_jsi18n",
    ),
    path("files/<int:pk>/", views.download, name="download"),
    # RSS and Atom (issue 13): all news, and each category.
    path("feeds/news/rss/", feeds.NewsFeed(), name="feed_news_rss"),
    path("feeds/news/atom/", feeds.NewsAtomFeed(), name="feed_news_atom"),
    path("feeds/<slug:category>/rss/", feeds.CategoryFeed(), name="feed_category_rss"),
    path("feeds/<slug:category>/atom/", feeds.CategoryAtomFeed(), name="feed_category_atom"),
    path("photos/<int:pk>/<int:width>/", views.photo, name="photo"),
    path("<slug:category>/", views.category_detail, name="category"),
    path("<slug:category>/<slug:subcategory>/", views.subcategory_detail, name="subcategory"),
    path("<slug:category>/<slug:subcategory>/<int:pk>/", views.item_detail, name="item"),
]
