from django.urls import path

from . import views

app_name = "staffauth"
urlpatterns = [
    path("", views.overview, name="overview"),
    path("setup/", views.setup, name="setup"),
    path("verify/", views.verify, name="verify"),
    path("recovery-codes/", views.new_recovery_codes, name="recovery_codes"),
    path("confirm/", views.reauth, name="reauth"),
]
