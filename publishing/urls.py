from django.urls import path

from . import importviews, report_views, views

app_name = "publishing"
urlpatterns = [
    path("<int:pk>/submit/", views.submit, name="submit"),
    path("<int:pk>/check/", views.check, name="check"),
    path("<int:pk>/return/", views.return_to_requester, name="return"),
    path("<int:pk>/approve/", views.approve, name="approve"),
    path("<int:pk>/approve-verbal/", views.record_verbal, name="record_verbal"),
    path("<int:pk>/confirm/", views.confirm, name="confirm"),
    path("<int:pk>/reject/", views.reject, name="reject"),
    path("<int:pk>/publish/", views.publish, name="publish"),
    path("<int:pk>/withdraw/", views.withdraw, name="withdraw"),
    path("<int:pk>/revise/", views.revise, name="revise"),
    path("<int:pk>/form/", views.request_form, name="form"),
    path("<int:pk>/form.pdf", views.request_form_pdf, name="form_pdf"),
    path("<int:pk>/files/<int:file_pk>/", views.attachment, name="attachment"),
    path("<int:pk>/photos/<int:file_pk>/", views.photo, name="photo"),
    path("import/", importviews.import_items, name="import"),
    path("import/confirm/", importviews.confirm_import, name="import_confirm"),
    path("import/template.xlsx", importviews.import_template, name="import_template"),
    path("inbox/", views.inbox, name="inbox"),
    path("procurement-reports/", report_views.procurement_reports, name="procurement_reports"),
    path("inbox/read/", views.mark_read, name="mark_read"),
]
