from django.shortcuts import get_object_or_404, render

from .models import Category, Subcategory


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
        "crumbs": [subcategory.category, subcategory],
    }
    return render(request, "catalog/subcategory_detail.html", context)
