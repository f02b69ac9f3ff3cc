"""Two webmasters publishing the same imported batch at once give exactly one publication."""

import unittest
from importlib import import_module

from django.apps import apps
from django.db import connection
from django.test import TransactionTestCase

from catalog.models import Item
from chiangkhian import roles
from publishing import transitions
from publishing.models import PublicationRequest, StatusChange
from tests.base import make_municipality, make_user
from tests.publishing.base import item_fields
from tests.publishing.test_race import publish_at_once


@unittest.skipUnless(
    connection.vendor == "postgresql",
    "needs PostgreSQL: SQLite lets one writer at a time in, so there is no race to test",
)
class ConcurrentBatchPublishTests(TransactionTestCase):
    def setUp(self):
        import_module("catalog.migrations.0003_seed_categories").seed(apps, None)
        make_municipality()
        importer = make_user("importer", roles.WEBMASTER)
        checker = make_user("checker", roles.CHECKER)
        approver = make_user("approver", roles.APPROVER)
        self.webmasters = [make_user(f"web{n}", roles.WEBMASTER) for n in (1, 2)]
        entries = [
            (Item(**item_fields(kind=Item.Kind.PAGE, title_th=f"หน้าเก่า {n}")), []) for n in range(3)
        ]
        lead = transitions.file_batch(entries=entries, by=importer)
        transitions.check(publication_request=lead, by=checker)
        transitions.approve(publication_request=lead, by=approver)
        self.pk = lead.pk

    def test_two_webmasters_publishing_a_batch_at_once_give_one_publication(self):
        outcomes = publish_at_once(self.pk, self.webmasters)

        winners = [outcome for outcome in outcomes if outcome in self.webmasters]
        self.assertEqual(len(winners), 1, outcomes)
        self.assertEqual(StatusChange.objects.filter(action="publish").count(), 3)
        self.assertEqual(Item.objects.filter(status=Item.Status.PUBLISHED).count(), 3)
        self.assertEqual(
            set(PublicationRequest.objects.values_list("published_by", flat=True)),
            {winners[0].pk},
        )
