"""The Thai back office shows every date in the Buddhist Era: never 2025 (C.E.) nor 3112."""

import datetime
import io
import re

from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from catalog.models import Item
from compliance.models import LinkCheck, ReviewDigest, TrafficLog
from stats import survey
from stats.models import SurveyResponse
from tests.base import make_user
from tests.publishing.base import Status, WorkflowTestCase

BANGKOK = timezone.get_fixed_timezone(7 * 60)
# The C.E. years of the data and of today, and any year that is B.E. counted twice.
WRONG_YEARS = re.compile(r"\b(?:2024|2025|2026|2027|3[01]\d\d)\b")


def at(year, month, day, hour=10):
    return datetime.datetime(year, month, day, hour, tzinfo=BANGKOK)


def visible_text(response):
    html = response.content.decode()
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    return re.sub(r"<[^>]+>", " ", html)  # attributes (links, data-*) are not read


def wrong_years(text):
    """Each C.E. or doubled year on the page, with what precedes it (to see where it is)."""
    return [text[max(0, m.start() - 60) : m.end()] for m in WRONG_YEARS.finditer(text)]


class BackOfficeDatesTests(WorkflowTestCase):
    def setUp(self):
        self.admin = make_user("admin", is_superuser=True)
        dates = {
            "data_from": datetime.date(2024, 10, 1),
            "data_to": datetime.date(2025, 9, 30),
            "document_date": datetime.date(2024, 12, 25),
            "review_at": datetime.date(2025, 6, 1),
        }
        self.live = self.bring_to(
            Status.PUBLISHED, publish_at=at(2025, 1, 15), expire_at=at(2027, 3, 31), **dates
        )
        # Published on 15 Jan 2025 (publish() itself would date it today: the real moment).
        Item.objects.filter(pk=self.live.item.pk).update(
            publish_at=at(2025, 1, 15), published_at=at(2025, 1, 15)
        )
        self.draft = self.bring_to(
            Status.DRAFT, publish_at=at(2025, 2, 1), expire_at=at(2027, 1, 31), **dates
        )
        survey.answer(day=datetime.date(2025, 3, 1), path="", score=5, comment="ดี", visitor="a")
        ReviewDigest.objects.create(day=datetime.date(2025, 2, 3), sent_at=at(2025, 2, 3))
        LinkCheck.objects.create(
            url="https://example.test/", checked_at=at(2025, 4, 1), failing_since=at(2025, 3, 1)
        )
        TrafficLog.objects.create(at=at(2025, 5, 1), method="GET", path="/", status=200)

    def pages(self):
        item, draft_item = self.live.item, self.draft.item
        version = item.history.order_by("history_id").first().history_id
        yield from [
            # The traffic log first: it logs the addresses visited below, with their queries.
            "/admin/compliance/trafficlog/",
            reverse(
                "admin:compliance_trafficlog_change", args=[TrafficLog.objects.get(path="/").pk]
            ),
            "/admin/",
            "/admin/catalog/item/",
            "/admin/catalog/item/?publish_at__year=2025",
            "/admin/catalog/item/?publish_at__year=2025&publish_at__month=1",
            reverse("admin:catalog_item_change", args=[item.pk]),
            reverse("admin:catalog_item_change", args=[draft_item.pk]),
            reverse("admin:catalog_item_history", args=[item.pk]),
            reverse("admin:catalog_item_simple_history", args=[item.pk, version]),
            "/admin/publishing/publicationrequest/",
            self.live.get_absolute_url(),
            self.draft.get_absolute_url(),
            reverse("admin:publishing_publicationrequest_history", args=[self.live.pk]),
            reverse("publishing:form", args=[self.live.pk]),  # the filed form, to print
            reverse("publishing:inbox"),
            "/admin/stats/surveyresponse/",
            reverse("admin:stats_surveyresponse_change", args=[SurveyResponse.objects.get().pk]),
            "/admin/stats/report/?date_from=01/01/2568&date_to=31/03/2568&by=day",
            "/admin/compliance/reviewdigest/",
            "/admin/compliance/linkcheck/",
            reverse("admin:compliance_due"),
            reverse("admin:chiangkhian_user_change", args=[self.requester.pk]),
            reverse("admin:chiangkhian_user_history", args=[self.requester.pk]),
        ]

    def test_no_page_of_the_back_office_shows_a_ce_or_doubled_year(self):
        for user in [self.admin, self.requester]:
            self.client.force_login(user)
            for url in self.pages():
                with self.subTest(user=user.username, url=url):
                    # An item's admin page opens its request's page (publishing's one form).
                    response = self.client.get(url, follow=True)
                    if response.status_code != 200 and user != self.admin:
                        continue  # pages a requester may not open (access is tested elsewhere)
                    self.assertEqual(response.status_code, 200)
                    self.assertEqual(wrong_years(visible_text(response)), [])

    def test_list_columns_read_only_fields_and_the_date_hierarchy_are_in_the_buddhist_era(self):
        self.client.force_login(self.admin)
        changelist = visible_text(self.client.get("/admin/catalog/item/"))
        self.assertIn("15 มกราคม 2568", changelist)  # publish_at column
        self.assertIn("2568", changelist)  # date_hierarchy year link
        months = visible_text(self.client.get("/admin/catalog/item/?publish_at__year=2025"))
        self.assertIn("มกราคม 2568", months)
        url = reverse("admin:catalog_item_change", args=[self.live.item.pk])
        self.assertIn("25 ธันวาคม 2567", visible_text(self.client.get(url, follow=True)))
        response = self.client.get(reverse("admin:catalog_item_history", args=[self.live.item.pk]))
        this_year = timezone.localdate().year + 543
        self.assertRegex(visible_text(response), rf"\b{this_year}\b")

    def test_the_filed_form_pdf_shows_no_ce_or_doubled_year(self):
        self.client.force_login(self.admin)
        response = self.client.get(reverse("publishing:form_pdf", args=[self.live.pk]))
        pdf = PdfReader(io.BytesIO(response.getvalue()))
        text = " ".join(page.extract_text() for page in pdf.pages)
        self.assertIn("2568", text)  # the requested publication date, 15 Jan 2568
        self.assertEqual(wrong_years(text), [])
