"""The satisfaction survey: one answer per visitor, page and day; spam refused; nothing kept."""

import datetime
from unittest import mock

from django.test import Client, override_settings
from django.utils import timezone

from stats.models import DailySatisfaction, SurveyResponse
from tests.base import PersonaTestCase

from .helpers import PHONE, make_item

SURVEY = "/statistics/satisfaction/"


def answer(client, score="4", comment="", ip="203.0.113.7", **fields):
    data = {"score": score, "comment": comment, "page": "", "next": "", "website": ""}
    data.update(fields)
    return client.post(SURVEY, data, HTTP_USER_AGENT=PHONE, REMOTE_ADDR=ip, follow=True)


class SiteSurveyTests(PersonaTestCase):
    def test_the_survey_offers_the_five_thai_levels(self):
        response = self.client.get(SURVEY)
        for label in ["มากที่สุด", "มาก", "ปานกลาง", "น้อย", "น้อยที่สุด"]:
            self.assertContains(response, f'<span class="score-label">{label}</span>', html=False)
        self.assertContains(response, 'name="website"')

    def test_an_answer_is_recorded_and_thanked(self):
        response = answer(self.client, score="5", comment="ข้อมูลครบถ้วน หาง่าย")
        self.assertContains(response, "ขอบคุณ")
        saved = SurveyResponse.objects.get()
        self.assertEqual((saved.path, saved.score, saved.comment), ("", 5, "ข้อมูลครบถ้วน หาง่าย"))
        self.assertEqual(DailySatisfaction.objects.get().responses, 1)

    def test_a_second_answer_the_same_day_is_refused_and_the_first_kept(self):
        answer(self.client, score="5")
        response = answer(self.client, score="1", comment="ซ้ำ")
        self.assertContains(response, "วันนี้คุณได้ตอบ")
        self.assertEqual(list(SurveyResponse.objects.values_list("score", flat=True)), [5])
        self.assertEqual(DailySatisfaction.objects.get().responses, 1)

    def test_the_same_visitor_may_answer_again_the_next_day(self):
        answer(self.client)
        tomorrow = timezone.localdate() + datetime.timedelta(days=1)
        with mock.patch("django.utils.timezone.localdate", return_value=tomorrow):
            answer(self.client)
        self.assertEqual(SurveyResponse.objects.count(), 2)

    def test_another_visitor_may_answer_the_same_day(self):
        answer(self.client)
        answer(self.client, ip="198.51.100.20")
        self.assertEqual(SurveyResponse.objects.count(), 2)
        self.assertEqual(DailySatisfaction.objects.get().responses, 2)

    def test_a_missing_score_is_named_in_thai_and_the_comment_kept(self):
        response = answer(self.client, score="", comment="อยากให้มีข่าวมากขึ้น")
        self.assertContains(response, "กรุณาเลือกระดับความพึงพอใจ")
        self.assertContains(response, "อยากให้มีข่าวมากขึ้น")
        self.assertFalse(SurveyResponse.objects.exists())

    def test_the_honeypot_refuses_the_answer_and_stores_nothing(self):
        response = answer(self.client, website="http://spam.example")
        self.assertContains(response, "ไม่สามารถรับคำตอบ")
        self.assertFalse(SurveyResponse.objects.exists())
        self.assertFalse(DailySatisfaction.objects.exists())

    @override_settings(STATS_SURVEY_RATE_LIMIT=3)
    def test_too_many_attempts_are_refused_for_an_hour(self):
        for _n in range(3):
            answer(self.client, score="")  # invalid attempts count too
        response = answer(self.client, score="5")
        self.assertContains(response, "กรุณาลองใหม่")
        self.assertFalse(SurveyResponse.objects.exists())
        answer(self.client, score="5", ip="198.51.100.20")  # someone else is not limited
        self.assertEqual(SurveyResponse.objects.count(), 1)

    def test_a_post_from_another_site_is_refused(self):
        client = Client(enforce_csrf_checks=True)
        for headers in [
            {"HTTP_SEC_FETCH_SITE": "cross-site"},
            {"HTTP_ORIGIN": "https://evil.example"},
        ]:
            response = client.post(SURVEY, {"score": "5"}, HTTP_USER_AGENT=PHONE, **headers)
            self.assertEqual(response.status_code, 403)
        self.assertFalse(SurveyResponse.objects.exists())

    def test_a_post_from_the_site_itself_needs_no_token(self):
        """No per-visitor token in the page, so item pages stay cacheable (docs/deployment.md)."""
        client = Client(enforce_csrf_checks=True)
        response = client.post(
            SURVEY, {"score": "5"}, HTTP_USER_AGENT=PHONE, HTTP_SEC_FETCH_SITE="same-origin"
        )
        self.assertEqual(response.status_code, 302)
        self.assertTrue(SurveyResponse.objects.exists())

    def test_the_return_address_never_leaves_the_site(self):
        response = self.client.post(
            SURVEY, {"score": "5", "next": "https://evil.example/"}, HTTP_USER_AGENT=PHONE
        )
        self.assertRedirects(response, SURVEY, fetch_redirect_response=False)

    def test_the_answer_stores_no_address(self):
        answer(self.client, comment="ดี")
        stored = " ".join(str(v) for v in SurveyResponse.objects.values().get().values())
        self.assertNotIn("203.0.113.7", stored)
        self.assertNotIn("Android", stored)


class PageRatingTests(PersonaTestCase):
    def setUp(self):
        self.item = make_item()
        self.url = self.item.get_absolute_url()

    def test_an_item_page_asks_whether_it_was_useful(self):
        response = self.client.get(self.url)
        self.assertContains(response, "หน้านี้มีประโยชน์หรือไม่")
        self.assertContains(response, f'name="page" value="{self.url}"', html=False)
        self.assertNotContains(response, "csrfmiddlewaretoken")
        self.assertEqual(response.cookies, {})

    def test_a_rating_goes_back_to_the_page_with_a_thank_you(self):
        response = answer(self.client, score="4", page=self.url, next=self.url)
        self.assertRedirects(response, self.url)
        self.assertContains(response, "ขอบคุณ")
        self.assertEqual(SurveyResponse.objects.get().path, self.url)

    def test_one_rating_per_page_a_day_but_other_pages_and_the_site_are_separate(self):
        other = make_item(title="ประกาศรับสมัครพนักงานจ้าง").get_absolute_url()
        for page in [self.url, self.url, other, ""]:
            answer(self.client, page=page, next=page)
        self.assertEqual(
            sorted(SurveyResponse.objects.values_list("path", flat=True)), ["", self.url, other]
        )

    def test_an_english_page_is_rated_as_the_same_page(self):
        response = self.client.get("/en" + self.url)
        self.assertContains(response, f'name="page" value="{self.url}"', html=False)

    def test_a_page_that_is_not_public_cannot_be_rated(self):
        from catalog.models import Item

        Item.objects.filter(pk=self.item.pk).update(status=Item.Status.WITHDRAWN)
        response = answer(self.client, page=self.url, next=self.url)
        self.assertContains(response, "ไม่ได้เผยแพร่")
        self.assertFalse(SurveyResponse.objects.exists())

    def test_the_rating_adds_no_query_to_the_item_page(self):
        def grow():
            for n in range(3):
                answer(self.client, ip=f"198.51.100.{n}", page=self.url, next=self.url)

        self.assertConstantQueries(self.url, grow)
