"""Who sees a case and its personal data (announcement 1.9, PDPA)."""

from chiangkhian import roles
from eservices import access
from eservices.models import Case, PersonalDataView
from tests.base import make_user

from .helpers import EserviceTestCase, file, make_service


class WhoSeesWhatTests(EserviceTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.corruption = make_service("corruption", unit=cls.approver.unit)
        cls.recipient = make_user("recipient", roles.CORRUPTION_RECIPIENT)
        cls.superuser = make_user("root", is_superuser=True)

    def staff(self):
        return [
            self.officer,
            self.head,
            self.health_officer,
            self.approver,
            self.checker,
            self.webmaster,
            self.recipient,
            self.superuser,
        ]

    def test_anonymous_report_hides_identity_from_all_staff(self):
        case = file(self.corruption, anonymous=True, subject="เรียกรับเงินค่าใบอนุญาต")
        case.refresh_from_db()
        self.assertEqual([case.name, case.phone, case.email], ["", "", ""])
        self.assertTrue(case.code and case.token)
        for person in self.staff():
            self.assertIsNone(access.personal_data(person, case), person)
        self.assertEqual(PersonalDataView.objects.count(), 0)

    def test_contact_details_of_a_report_only_for_the_designated_recipients(self):
        case = file(self.corruption, subject="เรียกรับเงินค่าใบอนุญาต")
        seen = {p.username for p in self.staff() if access.personal_data(p, case)}
        self.assertEqual(seen, {"recipient"})
        visible = {
            p.username for p in self.staff() if Case.objects.visible_to(p).filter(pk=case.pk)
        }
        self.assertEqual(visible, {"recipient"})
        self.assertEqual(PersonalDataView.objects.get().by, self.recipient)

    def test_approver_is_the_recipient_when_nobody_holds_the_role(self):
        self.recipient.groups.clear()
        self.municipality.approver = self.approver
        self.municipality.save()
        case = file(self.corruption)
        self.assertTrue(access.personal_data(self.approver, case))
        self.assertIsNone(access.personal_data(self.recipient, case))

    def test_named_official_cannot_see_report_about_them(self):
        other = make_user("recipient2", roles.CORRUPTION_RECIPIENT)
        case = file(self.corruption, accused="หัวหน้าฝ่ายที่รับเรื่อง")
        case.named_officials.add(self.recipient)
        self.assertFalse(Case.objects.visible_to(self.recipient).filter(pk=case.pk).exists())
        self.assertIsNone(access.personal_data(self.recipient, case))
        self.assertFalse(access.may_handle(self.recipient, case))
        self.assertTrue(Case.objects.visible_to(other).filter(pk=case.pk).exists())
        self.assertNotIn(self.recipient, access.handlers_of(case))

    def test_complaint_personal_data_only_for_its_unit_and_each_view_recorded(self):
        case = file(self.complaints)
        self.assertEqual(access.personal_data(self.officer, case)["name"], "นายสมชาย ใจกล้า")
        self.assertIsNone(access.personal_data(self.health_officer, case))
        self.assertIsNone(access.personal_data(self.approver, case))
        self.assertTrue(Case.objects.visible_to(self.approver).filter(pk=case.pk).exists())
        self.assertFalse(Case.objects.visible_to(self.health_officer).filter(pk=case.pk).exists())
        self.assertEqual(
            list(case.personal_data_views.values_list("by", flat=True)), [self.officer.pk]
        )


class NamingOfficialsTests(EserviceTestCase):
    def test_recipient_names_an_official_from_the_case_page_who_then_loses_it(self):
        corruption = make_service("corruption", unit=self.approver.unit)
        recipient = make_user("recipient", roles.CORRUPTION_RECIPIENT)
        accused = make_user("accused", roles.CORRUPTION_RECIPIENT)
        case = file(corruption, accused="เจ้าหน้าที่ที่รับคำขอใบอนุญาต")
        self.client.force_login(recipient)
        url = f"/admin/eservices/case/{case.pk}/act/name_officials/"
        self.client.post(url, {"officials": [accused.pk]})
        self.assertEqual(list(case.named_officials.all()), [accused])
        self.client.force_login(accused)
        self.assertNotContains(self.client.get("/admin/eservices/case/"), case.code)
        self.assertNotEqual(
            self.client.get(f"/admin/eservices/case/{case.pk}/change/").status_code, 200
        )
