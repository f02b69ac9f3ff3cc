from django.urls import path

from . import views

app_name = "compliance"
urlpatterns = [
    path("", views.ita, name="ita"),
    path("evidence/", views.ita_evidence, name="ita_evidence"),
    path("evidence.csv", views.ita_evidence_csv, name="ita_evidence_csv"),
]
