"""Which page a request is counted as, and what the public calls that page.

A page is its path without the language prefix: /news/ and /en/news/ are one page, so the
statistics do not split by language. Query strings are dropped (they may carry personal
data, and they would multiply the rows).
"""

from django.conf import settings
from django.urls import Resolver404, resolve
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from catalog.models import Category, Item, Subcategory

# Never counted: the back office, the language switch, files.
EXCLUDED_PREFIXES = ("/admin/", "/i18n/", "/logo", "/favicon.ico", "/robots.txt")

# Pages outside the catalog whose name is known.
NAMED_VIEWS = {
    "home": _("Home page"),
    "stats:index": _("Visitor statistics and satisfaction"),
    "stats:survey": _("Website satisfaction survey"),
}


def _other_languages():
    return [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]


def page_path(path_info):
    """The page a request path counts as, or None for what is never counted."""
    path = path_info or "/"
    for code in _other_languages():
        if path == f"/{code}/" or path.startswith(f"/{code}/"):
            path = path[len(code) + 1 :]
            break
    files = tuple("/" + url.lstrip("/") for url in (settings.STATIC_URL, settings.MEDIA_URL))
    if path.startswith(EXCLUDED_PREFIXES + files):
        return None
    return path[:255]


def localized(path):
    """The URL of a page in the current language."""
    language = translation.get_language() or settings.LANGUAGE_CODE
    if language in _other_languages():
        return f"/{language}{path}"
    return path


def describe(paths):
    """{path: title} of the pages that are public now; the others map to None.

    Catalog pages are named from the catalog (items only while live); a page of another app
    that still resolves is named by its path. A few queries, whatever the number of paths.
    """
    with translation.override(settings.LANGUAGE_CODE):
        matches = {}
        for path in paths:
            try:
                matches[path] = resolve(path)
            except Resolver404:
                continue
        catalog = _catalog_objects(matches)
    result = {path: None for path in paths}
    for path, match in matches.items():
        if match.view_name in NAMED_VIEWS:
            result[path] = str(NAMED_VIEWS[match.view_name])
        elif match.namespace == "catalog":
            obj = catalog.get(path)
            result[path] = obj and (obj.title if isinstance(obj, Item) else obj.name)
        else:
            result[path] = path
    return result


def _catalog_objects(matches):
    """{path: item, subcategory or category} for the catalog pages among matches."""
    kwargs = [m.kwargs for m in matches.values() if m.namespace == "catalog"]
    pks = {k["pk"] for k in kwargs if "pk" in k}
    sub_slugs = {k["subcategory"] for k in kwargs if "subcategory" in k and "pk" not in k}
    cat_slugs = {k["category"] for k in kwargs if list(k) == ["category"]}
    objects = []
    if pks:
        objects += Item.objects.live().filter(pk__in=pks).select_related("subcategory__category")
    if sub_slugs:
        objects += Subcategory.objects.filter(slug__in=sub_slugs).select_related("category")
    if cat_slugs:
        objects += Category.objects.filter(slug__in=cat_slugs)
    urls = {obj.get_absolute_url(): obj for obj in objects}
    return {path: urls[path] for path in matches if path in urls}
