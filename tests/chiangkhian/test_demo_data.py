import io

from django.contrib.auth.models import Group
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import TestCase, override_settings

from chiangkhian.models import Municipality, Unit, User


@override_settings(DEBUG=True)  # the loader refuses to run with DEBUG off
class DemoDataTests(TestCase):
    def test_loading_twice_duplicates_nothing(self):
        call_command("load_demo", stdout=_Sink())
        counts = (Municipality.objects.count(), Unit.objects.count(), User.objects.count())
        call_command("load_demo", stdout=_Sink())
        self.assertEqual(
            (Municipality.objects.count(), Unit.objects.count(), User.objects.count()), counts
        )
        self.assertEqual(counts[0], 1)

    def test_its_output_explains_how_to_sign_in(self):
        out = io.StringIO()
        call_command("load_demo", stdout=out)
        self.assertIn("Sign in at /admin/", out.getvalue())
        self.assertIn("Two-step sign-in", out.getvalue())
        self.assertIn("password for all", out.getvalue())

    def test_it_names_the_officials_of_the_announcement(self):
        call_command("load_demo", stdout=_Sink())
        municipality = Municipality.current()
        self.assertEqual(municipality.name_th, "เทศบาลตำบลเชียงเคี่ยน")
        self.assertEqual(municipality.approver.get_full_name(), "นางสาวอาทิตยา วราห์วิโรจน์")
        self.assertEqual(municipality.approver.position, "รองปลัดเทศบาล รักษาราชการแทนปลัดเทศบาล")
        self.assertEqual(municipality.checker.position, "หัวหน้าสำนักปลัด")
        self.assertEqual(
            sorted(u.username for u in municipality.webmasters.all()), ["khwanwipa", "morakot"]
        )
        self.assertTrue(municipality.logo)

    def test_each_role_has_a_demo_user_and_the_requester_is_in_another_unit(self):
        call_command("load_demo", stdout=_Sink())
        for role in ["requester", "checker", "approver", "webmaster"]:
            self.assertTrue(User.objects.filter(groups__name=role).exists(), role)
        requester = User.objects.get(groups__name="requester")
        checker = User.objects.get(groups__name="checker")
        self.assertNotEqual(requester.unit, checker.unit)
        self.assertTrue(Group.objects.get(name="webmaster").user_set.count() == 2)

    def test_it_prints_the_log_ins(self):
        out = _Sink()
        call_command("load_demo", stdout=out)
        self.assertIn("arthitaya", out.text)
        self.assertIn("demo-chiangkhian", out.text)

    @override_settings(DEBUG=False)
    def test_it_refuses_to_load_published_passwords_in_production(self):
        with self.assertRaisesMessage(CommandError, "DEBUG off"):
            call_command("load_demo", stdout=_Sink())
        self.assertFalse(Municipality.objects.exists())
        self.assertFalse(User.objects.filter(username="arthitaya").exists())


class _Sink:
    def __init__(self):
        self.text = ""

    def write(self, text, *args, **kwargs):
        self.text += text

    def flush(self):
        pass
