"""Two webmasters publishing the same request at the same moment give exactly one publication."""

import threading
import unittest
from importlib import import_module

from django.apps import apps
from django.db import connection
from django.test import TransactionTestCase

from catalog.models import Item
from chiangkhian import roles
from publishing import transitions
from publishing.models import PublicationRequest, StatusChange
from tests.base import make_municipality, make_unit, make_user
from tests.publishing.base import file_request


def publish_at_once(pk, webmasters):
    """Each webmaster publishes request `pk` in a thread of their own, released together;
    returns, in finishing order, the webmaster who succeeded or the error each other got."""
    barrier = threading.Barrier(len(webmasters))
    outcomes = []

    def publish(user):
        try:
            pr = PublicationRequest.objects.select_related("item").get(pk=pk)
            barrier.wait()
            transitions.publish(publication_request=pr, by=user)
            outcomes.append(user)
        except transitions.WorkflowError as error:
            outcomes.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=publish, args=[user]) for user in webmasters]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return outcomes


@unittest.skipUnless(
    connection.vendor == "postgresql",
    "needs PostgreSQL: SQLite lets one writer at a time in, so there is no race to test",
)
class ConcurrentPublishTests(TransactionTestCase):
    def setUp(self):
        # A transactional test starts after others have flushed what the migrations seeded.
        import_module("catalog.migrations.0003_seed_categories").seed(apps, None)
        make_municipality()
        finance = make_unit("finance", "กองคลัง", "Finance Division")
        self.requester = make_user("requester", roles.REQUESTER, unit=finance)
        checker = make_user("checker", roles.CHECKER)
        approver = make_user("approver", roles.APPROVER)
        self.webmasters = [make_user(f"web{n}", roles.WEBMASTER) for n in (1, 2)]
        pr = file_request(self.requester)
        transitions.submit(publication_request=pr, by=self.requester)
        transitions.check(publication_request=pr, by=checker)
        transitions.approve(publication_request=pr, by=approver)
        self.pk = pr.pk

    def test_two_webmasters_publishing_at_once_give_one_publication(self):
        outcomes = publish_at_once(self.pk, self.webmasters)

        winners = [outcome for outcome in outcomes if outcome in self.webmasters]
        losers = [outcome for outcome in outcomes if outcome not in self.webmasters]
        self.assertEqual(len(winners), 1, outcomes)
        self.assertIsInstance(losers[0], transitions.InvalidTransition)
        pr = PublicationRequest.objects.get(pk=self.pk)
        self.assertEqual(pr.published_by, winners[0])
        self.assertEqual(StatusChange.objects.filter(request=pr, action="publish").count(), 1)
        self.assertEqual(Item.objects.filter(status=Item.Status.PUBLISHED).count(), 1)
        self.assertEqual(pr.item.history.filter(status=Item.Status.PUBLISHED).count(), 1)
