from django.urls import path

from . import views

app_name = "events"
urlpatterns = [
    path("", views.index, name="index"),
    path("calendar.ics", views.feed, name="feed"),
    path("<int:year>/<int:month>/", views.month, name="month"),
    path("<int:pk>.ics", views.item_ics, name="item_ics"),
]
