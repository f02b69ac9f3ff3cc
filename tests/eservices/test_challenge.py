"""The proof-of-work challenge of the public forms: solved once, by the browser, or refused."""

import json
import re
from html import unescape

from django.test import override_settings

from eservices import challenge
from eservices.models import Case

from .helpers import EserviceTestCase
from .test_citizen import FORM


@override_settings(ESERVICES_POW_MAX_NUMBER=2000)
class ChallengeTests(EserviceTestCase):
    def page_challenge(self):
        page = self.client.get(self.complaints.get_absolute_url()).content.decode()
        return json.loads(unescape(re.search(r'data-challenge="([^"]+)"', page).group(1)))

    def test_form_without_a_solved_challenge_is_refused_and_keeps_the_text(self):
        response = self.client.post(self.complaints.get_absolute_url(), FORM)
        self.assertContains(response, "การตรวจสอบอัตโนมัติ")
        self.assertContains(response, "ไฟถนนดับทั้งซอยมาสามคืนแล้ว")
        self.assertEqual(Case.objects.count(), 0)

    def test_solved_challenge_is_accepted_once(self):
        payload = challenge.solve_for_tests(self.page_challenge())
        url = self.complaints.get_absolute_url()
        self.assertEqual(self.client.post(url, {**FORM, "altcha": payload}).status_code, 302)
        self.assertEqual(self.client.post(url, {**FORM, "altcha": payload}).status_code, 200)
        self.assertEqual(Case.objects.count(), 1)

    def test_forged_or_garbage_payload_is_refused(self):
        data = self.page_challenge()
        forged = {**data, "number": 1, "signature": "0" * 64}
        forged.pop("maxNumber")
        import base64

        for payload in [base64.b64encode(json.dumps(forged).encode()).decode(), "%%%", "e30="]:
            self.assertFalse(challenge.verify(payload))

    def test_without_javascript_the_form_says_why_it_cannot_be_sent(self):
        page = self.client.get(self.complaints.get_absolute_url()).content.decode()
        noscript = re.search(r"<noscript>(.*?)</noscript>", page, re.S).group(1)
        self.assertIn("ต้องใช้ JavaScript", noscript)
        self.assertRegex(page, r'<script src="[^"]*eservices-pow[^"]*\.js" defer>')
        self.assertNotIn("<script>", page)  # the challenge is data in the page, no inline code
