"""Passwords of at least 12 characters; a change is told by e-mail; reset by e-mail for staff."""

import re

from django.core import mail
from django.test import TestCase

from chiangkhian import roles
from outbox.models import OutgoingMail
from tests.base import PASSWORD, make_user


class PasswordTests(TestCase):
    def setUp(self):
        self.clerk = make_user("clerk", roles.REQUESTER)
        self.client.force_login(self.clerk)

    def change(self, new):
        with self.captureOnCommitCallbacks(execute=True):
            return self.client.post(
                "/admin/password_change/",
                {"old_password": PASSWORD, "new_password1": new, "new_password2": new},
            )

    def test_an_eleven_character_password_is_refused(self):
        response = self.change("Kx9#mQ2$vL7")
        self.assertContains(response, "12")
        self.assertEqual(mail.outbox, [])

    def test_a_password_change_sends_an_email(self):
        response = self.change("Kx9#mQ2$vL7!pZ")
        self.assertEqual(response.status_code, 302)
        self.assertEqual(len(mail.outbox), 1)
        self.assertEqual(mail.outbox[0].to, ["clerk@example.test"])
        self.assertIn("รหัสผ่าน", mail.outbox[0].subject)

    def test_a_new_account_gets_no_change_notice(self):
        with self.captureOnCommitCallbacks(execute=True):
            make_user("newcomer", roles.REQUESTER)
        self.assertEqual(mail.outbox, [])


class PasswordResetTests(TestCase):
    def test_a_staff_member_resets_a_forgotten_password_by_email(self):
        make_user("clerk", roles.REQUESTER)
        login = self.client.get("/admin/login/")
        self.assertContains(login, "/admin/password-reset/")
        self.client.post("/admin/password-reset/", {"email": "clerk@example.test"})
        self.assertEqual(len(mail.outbox), 1)
        sent = OutgoingMail.objects.get()  # kept in the outbox, retried if the server is down
        self.assertEqual((sent.to, sent.status), (["clerk@example.test"], OutgoingMail.Status.SENT))
        link = re.search(r"http://testserver(/admin/password-reset/\S+/)", mail.outbox[0].body)
        form = self.client.get(link.group(1), follow=True)
        new = "Kx9#mQ2$vL7!pZ"
        done = self.client.post(
            form.redirect_chain[-1][0], {"new_password1": new, "new_password2": new}
        )
        self.assertEqual(done.status_code, 302)
        self.assertTrue(self.client.login(username="clerk", password=new))

    def test_no_mail_for_an_address_that_is_not_staff(self):
        self.client.post("/admin/password-reset/", {"email": "nobody@example.test"})
        self.assertEqual(mail.outbox, [])
