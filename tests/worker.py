"""Run the production task worker (django-tasks-db's db_worker) inside a test."""

import signal
from unittest import mock

from django.core.management import call_command

DATABASE_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}


def run_worker():
    """Run every task that is due, then return (the worker's --batch mode).

    The worker closes "old" connections after each wake-up; inside a test's transaction that
    would close the test's own connection on PostgreSQL, so it is kept open here. In
    production the worker is its own process with its own connection.
    """
    target = "django_tasks_db.management.commands.db_worker.close_old_connections"
    # The worker installs its own SIGINT/SIGTERM handlers and leaves them: put pytest's back.
    handlers = {number: signal.getsignal(number) for number in (signal.SIGINT, signal.SIGTERM)}
    try:
        with mock.patch(target):
            call_command("db_worker", batch=True, no_startup_delay=True, verbosity=0)
    finally:
        for number, handler in handlers.items():
            signal.signal(number, handler)
