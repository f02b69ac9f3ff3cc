"""Citizens filing at the same moment get different tracking codes; two officers, one close."""

import threading
import unittest

from django.db import connection
from django.test import TransactionTestCase

from chiangkhian import roles
from eservices import transitions
from eservices.models import Case, CaseStep
from tests.base import make_municipality, make_unit, make_user

from .helpers import file, make_service


@unittest.skipUnless(
    connection.vendor == "postgresql",
    "needs PostgreSQL: SQLite lets one writer at a time in, so there is no race to test",
)
class ConcurrentFilingTests(TransactionTestCase):
    def setUp(self):
        make_municipality()
        self.unit = make_unit("engineering", "กองช่าง", "Engineering")
        self.officers = [make_user(f"o{n}", roles.CASE_OFFICER, unit=self.unit) for n in (1, 2)]
        self.service = make_service("complaint", unit=self.unit)

    def run_at_once(self, targets):
        barrier = threading.Barrier(len(targets))
        outcomes = []

        def run(target):
            try:
                barrier.wait()
                outcomes.append(target())
            except Exception as error:  # noqa: BLE001 - the outcome is what the test checks
                outcomes.append(error)
            finally:
                connection.close()

        threads = [threading.Thread(target=run, args=[t]) for t in targets]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        return outcomes

    def test_simultaneous_filings_get_distinct_codes(self):
        outcomes = self.run_at_once([lambda: file(self.service).code for _ in range(4)])
        self.assertEqual(len(set(outcomes)), 4, outcomes)
        self.assertEqual(
            sorted(code[-6:] for code in outcomes), ["000001", "000002", "000003", "000004"]
        )

    def test_two_officers_closing_at_once_close_it_once(self):
        case = file(self.service)
        transitions.accept(case=case, by=self.officers[0])

        def close(officer):
            return lambda: transitions.close_done(
                case=Case.objects.get(pk=case.pk), by=officer, note="เสร็จแล้ว"
            )

        outcomes = self.run_at_once([close(officer) for officer in self.officers])
        errors = [o for o in outcomes if isinstance(o, Exception)]
        self.assertEqual(len(errors), 1, outcomes)
        self.assertIsInstance(errors[0], transitions.InvalidTransition)
        self.assertEqual(CaseStep.objects.filter(case=case, action="close_done").count(), 1)
