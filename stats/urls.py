from django.urls import path
from django.views.generic import RedirectView

from . import views

app_name = "stats"
# Mounted before the catalog: these pages replace the catalog's shell of category 1.10
# (slug "statistics", subcategories "visitors" and "satisfaction").
urlpatterns = [
    path("statistics/", views.statistics, name="index"),
    path(
        "statistics/visitors/",
        RedirectView.as_view(pattern_name="stats:index", permanent=False),
        name="visitors",
    ),
    path("statistics/satisfaction/", views.survey_page, name="survey"),
    path("statistics/seen.gif", views.seen, name="seen"),
]
