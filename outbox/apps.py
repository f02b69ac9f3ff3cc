from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from django_tasks_db.apps import TasksAppConfig


class OutboxConfig(AppConfig):
    name = "outbox"
    verbose_name = _("Outgoing e-mail")


class TaskResultsConfig(TasksAppConfig):
    """django-tasks-db (the task queue and its results), under a Thai name in the back office."""

    verbose_name = _("Background tasks")
