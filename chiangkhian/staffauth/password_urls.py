"""Django's password reset by e-mail, for staff, under the admin (the names the admin expects)."""

from django.contrib.auth import views as auth_views
from django.urls import path, reverse_lazy

from .forms import StaffPasswordResetForm

urlpatterns = [
    path(
        "password-reset/",
        auth_views.PasswordResetView.as_view(
            form_class=StaffPasswordResetForm,
            success_url=reverse_lazy("password_reset_done"),
        ),
        name="admin_password_reset",
    ),
    path(
        "password-reset/sent/",
        auth_views.PasswordResetDoneView.as_view(),
        name="password_reset_done",
    ),
    path(
        "password-reset/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "password-reset/done/",
        auth_views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
]
