from django.urls import path

from . import views

app_name = "catalog"
urlpatterns = [
    path("<slug:category>/", views.category_detail, name="category"),
    path("<slug:category>/<slug:subcategory>/", views.subcategory_detail, name="subcategory"),
    path("<slug:category>/<slug:subcategory>/<int:pk>/", views.item_detail, name="item"),
]
