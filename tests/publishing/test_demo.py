import io

from django.core.management import call_command
from django.test import TestCase, override_settings

from catalog.models import Item
from publishing.models import Notification, PublicationRequest, StatusChange

Status = PublicationRequest.Status


@override_settings(DEBUG=True)
class DemoRequestsTests(TestCase):
    def load(self):
        call_command("load_demo", stdout=io.StringIO())

    def test_loading_twice_duplicates_nothing(self):
        self.load()
        counts = [model.objects.count() for model in [PublicationRequest, StatusChange, Item]]
        self.load()
        self.assertEqual(
            [model.objects.count() for model in [PublicationRequest, StatusChange, Item]], counts
        )

    def test_there_is_a_request_in_every_status_for_full_queues(self):
        self.load()
        statuses = set(PublicationRequest.objects.values_list("status", flat=True))
        self.assertEqual(statuses, set(Status.values))

    def test_it_shows_a_verbal_approval_to_confirm_a_rejection_and_a_revision(self):
        self.load()
        self.assertTrue(PublicationRequest.objects.waiting_for_written_confirmation().exists())
        rejected = PublicationRequest.objects.get(status=Status.REJECTED)
        self.assertTrue(rejected.rejection_note)
        revision = PublicationRequest.objects.get(item__revision_of__isnull=False)
        self.assertEqual(revision.status, Status.SUBMITTED)
        self.assertIn(revision.item.revision_of, Item.objects.live())

    def test_the_demo_people_play_their_roles_and_no_mail_is_sent(self):
        from django.core import mail

        with self.captureOnCommitCallbacks(execute=True):
            self.load()
        published = PublicationRequest.objects.filter(
            status=Status.PUBLISHED, item__revision_of=None
        )
        self.assertEqual({pr.requester.username for pr in published}, {"somporn"})
        self.assertEqual({pr.checked_by.username for pr in published}, {"thitaporn"})
        self.assertEqual({pr.approved_by.username for pr in published}, {"arthitaya"})
        self.assertEqual({pr.published_by.username for pr in published}, {"khwanwipa", "morakot"})
        self.assertTrue(Notification.objects.exists())
        self.assertEqual(mail.outbox, [])
