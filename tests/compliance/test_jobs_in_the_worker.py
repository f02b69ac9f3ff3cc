"""With the database queue, the daily jobs' commands hand their work to the worker."""

import datetime
import io

from django.core import mail
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from compliance.models import ReviewDigest
from outbox.models import OutgoingMail
from tests.base import PersonaTestCase
from tests.worker import DATABASE_QUEUE, run_worker

from .helpers import make_item


def command(name):
    out = io.StringIO()
    call_command(name, stdout=out)
    return out.getvalue()


@override_settings(TASKS=DATABASE_QUEUE)
class WorkerJobTests(PersonaTestCase):
    def test_the_digest_is_composed_and_mailed_by_the_worker(self):
        now = timezone.now()
        make_item("news/jobs", now=now, title_th="ประกาศรับสมัครพนักงานจ้าง")
        item = make_item("news/jobs", now=now, title_th="ประกาศสอบราคาจ้างเหมา")
        item.expire_at = now + datetime.timedelta(days=5)
        item.save()
        self.assertIn("Digest queued for the worker", command("send_review_digest"))
        self.assertFalse(ReviewDigest.objects.exists())
        run_worker()  # composes the digest and queues its e-mail, which it then sends
        self.assertEqual(ReviewDigest.objects.get().ending_count, 1)
        self.assertEqual(OutgoingMail.objects.get().status, OutgoingMail.Status.SENT)
        self.assertIn("ประกาศสอบราคาจ้างเหมา", mail.outbox[0].body)

    def test_the_link_check_runs_in_the_worker(self):
        self.assertIn("Link check queued for the worker", command("check_links"))
        run_worker()
        result = DBTaskResult.objects.get(task_path="compliance.tasks.check_links_task")
        self.assertEqual(result.status, "SUCCESSFUL")
        self.assertEqual(result.return_value, {"checked": 0, "broken": []})
