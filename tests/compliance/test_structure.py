"""The checklist judges from structure: listings, typed fields, data periods, site features."""

import datetime

from django.test import override_settings

from catalog.models import Item, LinkDetail, Person
from chiangkhian.models import Municipality
from compliance import checklist, features
from compliance.status import Status, build_report
from tests.base import PersonaTestCase

from .helpers import bangkok, make_executives, make_item

NOW = bangkok(2026, 12, 1, 10, 0)  # 1 ธ.ค. 2569, fiscal year 2570


def status_of(code, now=NOW, municipality=None):
    checklists = checklist.current_checklists(2570)
    report = build_report(checklists, now=now, municipality=municipality)
    return next(s for s in report.statuses if s.entry.code == code)


def link(url, *, title="บริการออนไลน์", link_type=LinkDetail.LinkType.E_SERVICE):
    item = make_item("e-services/online-services", now=NOW, kind=Item.Kind.LINK, title_th=title)
    LinkDetail.objects.create(item=item, agency="หน่วยงาน", url=url, link_type=link_type)
    return item


class TypedFieldTests(PersonaTestCase):
    def test_link_to_other_agency_does_not_satisfy_o10(self):
        link("https://www.dla.go.th/", title="ยื่นคำขอรับเบี้ยยังชีพผู้สูงอายุออนไลน์")
        o10 = status_of("ITA69-O10")
        self.assertEqual(o10.status, Status.MISSING)
        self.assertIn("e_service", [feature.name for feature in o10.missing_features])

    def test_an_online_service_on_this_site_is_the_municipalitys_own(self):
        from django.urls import reverse

        from chiangkhian.models import Unit
        from eservices.models import Service

        def e_service():
            o10 = status_of("ITA69-O10")
            return dict((f.name, found) for f, found in o10.features)["e_service"]

        link("/e-services/elderly-allowance/")  # a link is not a service the site runs
        self.assertFalse(e_service().present)
        unit = Unit.objects.create(code="palat", name_th="สำนักปลัด")
        Service.objects.create(
            kind=Service.Kind.GENERAL, slug="general", name_th="คำร้องทั่วไป", unit=unit
        )
        self.assertTrue(e_service().present)
        self.assertEqual(e_service().url, reverse("eservices:index"))

    def test_link_to_other_agency_does_not_satisfy_the_complaint_channel(self):
        link("https://www.nacc.go.th/", title="ช่องทางแจ้งเรื่องร้องเรียนการทุจริต")
        self.assertEqual(status_of("ITA69-O17").status, Status.MISSING)

    def test_o2_executives_without_a_photo_is_not_satisfied(self):
        make_executives(now=NOW, photos=False)
        self.assertEqual(status_of("ITA69-O2").status, Status.MISSING)

    def test_o2_needs_every_executives_contact_too(self):
        item = make_executives(now=NOW)
        self.assertEqual(status_of("ITA69-O2").status, Status.SATISFIED)
        Person.objects.filter(item=item, order=2).update(phone="", email="")
        self.assertEqual(status_of("ITA69-O2").status, Status.MISSING)

    def test_the_cio_is_found_among_the_executives_by_position(self):
        make_executives(now=NOW, positions=["นายกเทศมนตรี", "รองนายกเทศมนตรี"])
        self.assertEqual(status_of("GWS-07").status, Status.MISSING)
        make_executives(now=NOW, title_th="คณะผู้บริหาร", positions=["รองนายกเทศมนตรี (CIO)"])
        self.assertEqual(status_of("GWS-07").status, Status.SATISFIED)

    def test_a_six_month_report_is_told_from_an_annual_one_by_its_data_period(self):
        make_item(
            "public-info/reports",
            now=NOW,
            title_th="รายงานผลการดำเนินงาน",
            data_from=datetime.date(2025, 10, 1),
            data_to=datetime.date(2026, 3, 31),
        )
        self.assertEqual(status_of("ITA69-O6").status, Status.SATISFIED)
        self.assertEqual(status_of("ITA69-O7").status, Status.MISSING)


class DataPeriodTests(PersonaTestCase):
    def plan_and_budget(self, year_start, *, budget_published):
        period = {
            "data_from": datetime.date(year_start, 10, 1),
            "data_to": datetime.date(year_start + 1, 9, 30),
        }
        make_item(
            "general/action-plan",
            now=NOW,
            data_from=datetime.date(2026, 10, 1),
            data_to=datetime.date(2027, 9, 30),
        )
        return make_item(
            "general/budget", now=NOW, title_th="เทศบัญญัติงบประมาณรายจ่าย",
            publish_at=budget_published, **period,
        )  # fmt: skip

    def test_budget_of_previous_fiscal_year_is_stale(self):
        # The FY 2569 budget, published on 2 Oct 2569 (already in FY 2570), covers 2569.
        self.plan_and_budget(2025, budget_published=bangkok(2026, 10, 2, 9, 0))
        o5 = status_of("ITA69-O5")
        self.assertEqual(o5.status, Status.STALE)
        self.assertEqual(o5.latest_reference, datetime.date(2027, 9, 30))

    def test_the_current_fiscal_years_budget_is_current(self):
        self.plan_and_budget(2026, budget_published=bangkok(2026, 9, 20, 9, 0))
        self.assertEqual(status_of("ITA69-O5").status, Status.SATISFIED)

    def test_a_plan_without_its_budget_is_missing(self):
        make_item("general/action-plan", now=NOW, data_to=datetime.date(2027, 9, 30))
        o5 = status_of("ITA69-O5")
        self.assertEqual(o5.status, Status.MISSING)
        self.assertEqual([sub.slug for sub in o5.empty_subcategories], ["budget"])

    def test_a_report_on_the_previous_fiscal_year_is_current_for_previous_year_rules(self):
        make_item("public-info/hr-report", now=NOW, title_th="รายงานผลการบริหารบุคคล ปี 2569",
                  data_from=datetime.date(2025, 10, 1), data_to=datetime.date(2026, 9, 30),
                  expire_at=bangkok(2030, 1, 1, 0, 0))  # fmt: skip
        self.assertEqual(status_of("ITA69-O14").status, Status.SATISFIED)
        self.assertEqual(status_of("ITA69-O14", bangkok(2027, 10, 1, 0, 0)).status, Status.STALE)


class SiteFeatureTests(PersonaTestCase):
    def test_a_feature_check_reports_missing_when_the_feature_is_absent(self):
        # The sitemap exists since issue 13 (sitemap.xml and the site map page).
        self.assertEqual(status_of("GWS-20").status, Status.SATISFIED)
        self.assertEqual(status_of("GWS-21").status, Status.SATISFIED)  # the search exists
        with override_settings(ROOT_URLCONF="tests.compliance.urls_without_sitemap"):
            sitemap = status_of("GWS-20")
        self.assertEqual(sitemap.status, Status.MISSING)
        self.assertEqual([f.name for f in sitemap.missing_features], ["sitemap"])

    def test_https_is_judged_from_the_production_settings(self):
        with override_settings(SECURE_SSL_REDIRECT=False, SECURE_PROXY_SSL_HEADER=None):
            self.assertEqual(status_of("GWS-22").status, Status.MISSING)
        with override_settings(SECURE_SSL_REDIRECT=True):
            self.assertEqual(status_of("GWS-22").status, Status.SATISFIED)

    def test_o3_needs_a_social_channel_and_an_enquiry_channel(self):
        make_item("general/contact", now=NOW, kind=Item.Kind.PAGE, title_th="ติดต่อเรา")
        profile = Municipality(name_th="เทศบาลทดสอบ", facebook_url="https://facebook.com/x")
        o3 = status_of("ITA69-O3", municipality=profile)
        self.assertEqual(o3.status, Status.MISSING)
        self.assertEqual([f.name for f in o3.missing_features], ["enquiry_channel"])
        original = features.get("enquiry_channel")
        self.addCleanup(features.register("enquiry_channel", original.label, replace=True),
                        original.check)  # fmt: skip
        features.register("enquiry_channel", "ถาม-ตอบ", replace=True)(
            lambda site: features.Finding(present=True, url="/e-services/questions/")
        )
        self.assertEqual(status_of("ITA69-O3", municipality=profile).status, Status.SATISFIED)

    def test_another_app_can_register_its_own_check(self):
        with self.assertRaises(ValueError):
            features.register("search", "ค้นหา")(lambda site: True)
        self.assertIn("complaint_channel", features.names())
