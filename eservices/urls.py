from django.urls import path

from . import views

app_name = "eservices"
# Mounted before the catalog: /e-service/ is the municipality's own service, beside the
# catalog's category 1.9 (slug "e-services"), which links to it.
urlpatterns = [
    path("", views.index, name="index"),
    path("questions/", views.questions, name="questions"),
    path("cases/", views.public_cases, name="public_cases"),
    path("statistics/", views.statistics_page, name="statistics"),
    path("statistics.csv", views.statistics_csv, name="statistics_csv"),
    path("track/", views.lookup, name="lookup"),
    path("track/<str:token>/", views.track, name="track"),
    path("track/<str:token>/files/<int:file_pk>/", views.case_file, name="case_file"),
    path("<slug:slug>/", views.file, name="file"),
]
