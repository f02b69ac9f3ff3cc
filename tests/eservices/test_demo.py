"""The demo: five services and cases of the last six months in every status, loaded twice."""

from django.test import TestCase

from chiangkhian import demo as organisation
from eservices import demo
from eservices.models import Case, Service


class DemoTests(TestCase):
    def test_demo_covers_every_status_and_loads_idempotently(self):
        organisation.load()
        demo.load()
        counts = (Service.objects.count(), Case.objects.count())
        demo.load()
        self.assertEqual((Service.objects.count(), Case.objects.count()), counts)
        self.assertEqual(counts[0], 5)
        self.assertEqual(set(Case.objects.values_list("status", flat=True)), set(Case.Status))
        self.assertTrue(Case.objects.overdue().exists())
        self.assertTrue(Case.objects.filter(anonymous=True, name="").exists())
        self.assertTrue(Case.objects.filter(status="referred").exclude(referred_to="").exists())
        oldest = Case.objects.order_by("received_at").first().received_at
        self.assertGreater((Case.objects.latest("received_at").received_at - oldest).days, 150)
