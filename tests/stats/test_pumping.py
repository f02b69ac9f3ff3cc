"""One source cannot pump the public figures: a burst of 500 page views or 500 survey
answers from one address, whatever its User-Agent, moves them by at most a small cap."""

from django.test import override_settings

from stats.models import DailySatisfaction, SurveyResponse
from tests.base import PersonaTestCase

from .helpers import GOOGLEBOT, flushed

BEACON = "/statistics/seen.gif?p=/news/"
SURVEY = "/statistics/satisfaction/"
SCRIPT = "203.0.113.66"


def agent(n):
    """A different, browser-like User-Agent for every request of the script."""
    return f"Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:{n}.0) Gecko/20100101 Firefox/{n}.0"


def satisfaction_answers():
    return sum(DailySatisfaction.objects.values_list("responses", flat=True))


@override_settings(STATS_SOURCE_DAILY_VIEWS=20, STATS_SOURCE_DAILY_VISITORS=3)
class BeaconBurstTests(PersonaTestCase):
    def beacon(self, user_agent, ip=SCRIPT, **headers):
        return self.client.get(BEACON, HTTP_USER_AGENT=user_agent, REMOTE_ADDR=ip, **headers)

    def test_beacon_burst_is_capped(self):
        for n in range(500):
            self.assertEqual(self.beacon(agent(n)).status_code, 200)
        pages, site = flushed()
        # 20 views; 3 visitors, then the rest of the burst as one more.
        self.assertEqual(site, (20, 4))
        self.assertEqual(pages["/news/"], (20, 4))

    def test_other_sources_still_count_during_a_burst(self):
        for n in range(100):
            self.beacon(agent(n))
        self.beacon(agent(1), ip="198.51.100.20")
        _pages, site = flushed()
        self.assertEqual(site, (21, 5))

    def test_a_forged_forwarded_for_is_not_a_new_source(self):
        for n in range(100):
            self.beacon(agent(n), HTTP_X_FORWARDED_FOR=f"192.0.2.{n}")
        _pages, site = flushed()
        self.assertEqual(site, (20, 4))

    @override_settings(TRUSTED_PROXY_COUNT=1)
    def test_behind_the_trusted_proxy_each_client_address_is_its_own_source(self):
        for n in range(30):
            self.beacon(agent(1), ip="127.0.0.1", HTTP_X_FORWARDED_FOR=f"192.0.2.{n}")
        _pages, site = flushed()
        self.assertEqual(site, (30, 30))

    def test_known_bot_is_not_counted(self):
        for user_agent in [GOOGLEBOT, "curl/8.5.0", "python-requests/2.32", ""]:
            self.beacon(user_agent, ip="198.51.100.30")
        _pages, site = flushed()
        self.assertEqual(site, (0, 0))


@override_settings(STATS_SOURCE_DAILY_ANSWERS=5, STATS_SURVEY_RATE_LIMIT=1000)
class SurveyBurstTests(PersonaTestCase):
    def answer(self, user_agent, ip=SCRIPT, score="1"):
        data = {"score": score, "comment": "", "page": "", "next": "", "website": ""}
        return self.client.post(SURVEY, data, HTTP_USER_AGENT=user_agent, REMOTE_ADDR=ip)

    def test_survey_burst_with_changing_user_agent_is_capped(self):
        for n in range(500):
            self.answer(agent(n))
        self.assertEqual(satisfaction_answers(), 5)
        self.assertEqual(SurveyResponse.objects.count(), 5)
        self.client.get(SURVEY)  # the messages of the burst, read
        self.answer(agent(999))
        self.assertContains(self.client.get(SURVEY), "การเชื่อมต่ออินเทอร์เน็ตของท่าน")

    def test_another_source_still_answers(self):
        for n in range(20):
            self.answer(agent(n))
        self.answer(agent(1), ip="198.51.100.20", score="5")
        self.assertEqual(satisfaction_answers(), 6)

    def test_known_bot_is_not_counted(self):
        self.answer(GOOGLEBOT, ip="198.51.100.30")
        self.answer("", ip="198.51.100.31")
        self.assertEqual(satisfaction_answers(), 0)


@override_settings(STATS_SOURCE_DAILY_ANSWERS=1000, STATS_SURVEY_RATE_LIMIT=10)
class HourlyRateLimitTests(PersonaTestCase):
    def test_the_hourly_limit_holds_whatever_the_user_agent(self):
        data = {"score": "3", "comment": "", "page": "", "next": "", "website": ""}
        for n in range(50):
            self.client.post(SURVEY, data, HTTP_USER_AGENT=agent(n), REMOTE_ADDR=SCRIPT)
        self.assertEqual(SurveyResponse.objects.count(), 10)
