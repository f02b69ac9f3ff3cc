from django.shortcuts import get_object_or_404, render

from .models import Category, Item, Subcategory


def category_detail(request, category):
    category = get_object_or_404(Category.objects.prefetch_related("subcategories"), slug=category)
    return render(
        request, "catalog/category_detail.html", {"category": category, "crumbs": [category]}
    )


def subcategory_detail(request, category, subcategory):
    subcategory = get_object_or_404(
        Subcategory.objects.select_related("category"),
        category__slug=category,
        slug=subcategory,
    )
    context = {
        "category": subcategory.category,
        "subcategory": subcategory,
        "items": Item.objects.live().filter(subcategory=subcategory),
        "crumbs": [subcategory.category, subcategory],
    }
    return render(request, "catalog/subcategory_detail.html", context)


def item_detail(request, category, subcategory, pk):
    item = get_object_or_404(
        Item.objects.live().select_related("subcategory__category", "owner_unit"),
        subcategory__category__slug=category,
        subcategory__slug=subcategory,
        pk=pk,
    )
    context = {
        "item": item,
        "category": item.subcategory.category,
        "subcategory": item.subcategory,
        "crumbs": [item.subcategory.category, item.subcategory, item],
    }
    return render(request, "catalog/item_detail.html", context)
