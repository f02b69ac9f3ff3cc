"""Dates in the back office are typed in the Buddhist Era (Thai) and stored as that very day."""

import datetime
from html.parser import HTMLParser
from zoneinfo import ZoneInfo

from django.contrib import admin
from django.db import models
from django.test import RequestFactory, SimpleTestCase
from django.urls import reverse
from django.utils import timezone, translation

from catalog.admin import KIND_INLINES
from catalog.models import Item, LawDetail, Subcategory
from chiangkhian.dateinput import BEDateField, BEDateTimeField, BEDateWidget
from chiangkhian.models import Unit
from publishing.models import PublicationRequest
from tests.base import PASSWORD
from tests.publishing.base import WorkflowTestCase
from tests.publishing.test_request_page import form_data as request_form

BANGKOK = ZoneInfo("Asia/Bangkok")
ADD = reverse("admin:publishing_publicationrequest_add")


def form_data(**fields):
    return request_form(unit=Unit.objects.get(code="finance").pk, **fields)


def typed_be(day):
    """A day as a clerk types it: dd/mm/yyyy with the Buddhist Era year."""
    return f"{day.day:02d}/{day.month:02d}/{day.year + 543}"


class FormFields(HTMLParser):
    """What a browser would post for the first form on a page that has a submit button."""

    def __init__(self):
        super().__init__()
        self.data, self._select, self._textarea = {}, None, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        name = attrs.get("name")
        if tag == "input" and name and attrs.get("type") not in {"file", "submit", "button"}:
            if attrs.get("type") not in {"checkbox", "radio"} or "checked" in attrs:
                self.data[name] = attrs.get("value") or ""
        elif tag == "select" and name:
            self._select = name
            self.data.setdefault(name, "")
        elif tag == "option" and self._select and "selected" in attrs:
            self.data[self._select] = attrs.get("value") or ""
        elif tag == "textarea" and name:
            self._textarea = name
            self.data[name] = ""

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None

    def handle_data(self, data):
        if self._textarea:
            self.data[self._textarea] += (
                data.lstrip("\n") if not self.data[self._textarea] else data
            )


def posted_form(response):
    parser = FormFields()
    html = response.content.decode()
    start = html.index("<form", html.index('id="content-main"'))
    parser.feed(html[start : html.index("</form>", start)])
    parser.data.pop("csrfmiddlewaretoken", None)
    return {name: value for name, value in parser.data.items() if "__prefix__" not in name}


class BEDateEntryTests(WorkflowTestCase):
    def setUp(self):
        self.client.login(username="requester", password=PASSWORD)
        self.day = timezone.localdate() + datetime.timedelta(days=10)
        self.end = self.day + datetime.timedelta(days=365)

    def test_be_date_typed_in_admin_is_stored_as_that_day(self):
        data = form_data(
            data_from="01/10/2569",
            publish_at_0=typed_be(self.day),
            publish_at_1="14:30",
            expire_at_0=typed_be(self.end),
            expire_at_1="16:30",
            review_at="1/6/2570",
        )
        response = self.client.post(ADD, data)
        item = PublicationRequest.objects.get().item
        self.assertRedirects(response, item.publication_requests.get().get_absolute_url())
        self.assertEqual(item.data_from, datetime.date(2026, 10, 1))
        self.assertEqual(item.review_at, datetime.date(2027, 6, 1))
        self.assertEqual(
            item.publish_at, datetime.datetime.combine(self.day, datetime.time(14, 30), BANGKOK)
        )
        self.assertEqual(
            item.expire_at, datetime.datetime.combine(self.end, datetime.time(16, 30), BANGKOK)
        )

    def test_inline_dates_round_trip_in_the_buddhist_era(self):
        """The request's one form shows its dates in B.E.; saving it as shown changes no date."""
        pr = self.file(
            subcategory=Subcategory.objects.get(slug="acts"),
            kind=Item.Kind.LAW,
            data_from=datetime.date(2026, 1, 1),
        )
        url = reverse("admin:publishing_publicationrequest_change", args=[pr.pk])
        data = posted_form(self.client.get(url))
        self.assertEqual(data["data_from"], "01/01/2569")
        self.assertEqual(data["lawdetail-0-enacted_on"], "01/01/2569")
        # The Municipality Act B.E. 2496: laws may be decades old.
        data.update(
            {"lawdetail-0-enacted_on": "๑๔/๒/๒๔๙๖", "lawdetail-0-gazette_date": "17/2/2496"}
        )
        response = self.client.post(url, data)
        self.assertEqual(response.status_code, 302)
        law = LawDetail.objects.get(item=pr.item)
        self.assertEqual(law.enacted_on, datetime.date(1953, 2, 14))
        self.assertEqual(law.gazette_date, datetime.date(1953, 2, 17))
        pr.item.refresh_from_db()
        self.assertEqual(pr.item.data_from, datetime.date(2026, 1, 1))

    def test_absurd_year_is_refused_with_thai_message(self):
        data = form_data(data_from="01/12/2026", publish_at_0="01/12/3112", publish_at_1="09:00")
        response = self.client.post(ADD, data)
        self.assertFalse(PublicationRequest.objects.exists())
        errors = response.context["adminform"].form.errors
        self.assertEqual(
            errors["publish_at"],
            ["วันที่เผยแพร่: ปี 3112 ไม่น่าจะถูกต้อง กรุณาพิมพ์ปี พ.ศ. ระหว่าง 2549 ถึง 2589 "
             "เช่น " + typed_be(timezone.localdate())],
        )  # fmt: skip
        self.assertIn("ปี 2026 เป็นปี ค.ศ. กรุณาพิมพ์ปี พ.ศ. เช่น 01/12/2569", errors["data_from"][0])
        self.assertContains(response, "ปี 2026 เป็นปี ค.ศ. กรุณาพิมพ์ปี พ.ศ. เช่น 01/12/2569")

    def test_a_date_without_its_time_or_an_impossible_day_is_explained(self):
        data = form_data(publish_at_0=typed_be(self.day), publish_at_1="", data_from="31/02/2569")
        response = self.client.post(ADD, data)
        errors = response.context["adminform"].form.errors
        self.assertEqual(errors["publish_at"], ["วันที่เผยแพร่: กรุณาพิมพ์เวลาด้วย เช่น 14:30"])
        self.assertIn("ไม่มีวันที่ 31/02/2569 ในปฏิทิน", errors["data_from"][0])
        self.assertFalse(PublicationRequest.objects.exists())

    def test_thai_digits_and_common_spellings_are_understood(self):
        thai = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")
        data = form_data(
            data_from="1 ต.ค. 2569",
            publish_at_0=f"{self.day.day}-{self.day.month}-{self.day.year + 543}".translate(thai),
            publish_at_1="๑๔.๓๐ น.",
            review_at="2570-06-01",
            document_date="15/9/69",
        )
        self.client.post(ADD, data)
        item = PublicationRequest.objects.get().item
        self.assertEqual(item.data_from, datetime.date(2026, 10, 1))
        self.assertEqual(item.review_at, datetime.date(2027, 6, 1))
        self.assertEqual(item.document_date, datetime.date(2026, 9, 15))
        self.assertEqual(timezone.localtime(item.publish_at).date(), self.day)
        self.assertEqual(timezone.localtime(item.publish_at).time(), datetime.time(14, 30))

    def test_english_back_office_takes_the_year_ad(self):
        with translation.override("en"):
            add = reverse("admin:publishing_publicationrequest_add")
        self.assertTrue(add.startswith("/en/"))
        day, end = f"{self.day:%d/%m/%Y}", f"{self.end:%d/%m/%Y}"
        response = self.client.post(add, form_data(publish_at_0="01/12/2569", expire_at_0=end))
        errors = response.context["adminform"].form.errors
        self.assertIn(
            "The year 2569 is a Buddhist Era year: type the year A.D., for example 01/12/2026.",
            errors["publish_at"][0],
        )
        self.client.post(add, form_data(data_from="01/10/2026", publish_at_0=day, expire_at_0=end))
        item = PublicationRequest.objects.get().item
        self.assertEqual(item.data_from, datetime.date(2026, 10, 1))
        self.assertEqual(timezone.localtime(item.publish_at).date(), self.day)

    def test_verbal_approval_time_is_typed_in_the_buddhist_era(self):
        pr = self.bring_to(PublicationRequest.Status.CHECKED)
        self.client.login(username="checker", password=PASSWORD)
        today = timezone.localdate()
        data = {"approver": self.approver.pk, "given_at_0": typed_be(today), "given_at_1": "00:05"}
        self.client.post(reverse("publishing:record_verbal", args=[pr.pk]), data)
        pr.refresh_from_db()
        self.assertEqual(
            pr.verbal_given_at, datetime.datetime.combine(today, datetime.time(0, 5), BANGKOK)
        )


class EveryAdminTakesBuddhistEraDatesTests(WorkflowTestCase):
    def test_every_date_input_of_every_admin_and_inline_is_a_be_field(self):
        request = RequestFactory().get("/admin/")
        request.user = self.webmaster
        inlines = {inline for kind in KIND_INLINES.values() for inline in kind}
        for model, model_admin in admin.site._registry.items():
            admins = [model_admin] + [
                inline(model, admin.site) for inline in {*model_admin.inlines, *inlines}
            ]
            for each in admins:
                for field in each.model._meta.get_fields():
                    if not isinstance(field, models.DateField) or not field.editable:
                        continue
                    with self.subTest(admin=type(each).__name__, field=field.name):
                        formfield = each.formfield_for_dbfield(field, request)
                        self.assertIsInstance(formfield, (BEDateField, BEDateTimeField))


class PickerLanguageTests(SimpleTestCase):
    def test_the_picker_counts_years_in_be_with_thai_months_in_thai_and_ad_in_english(self):
        day = datetime.date(2026, 12, 1)
        thai = BEDateWidget().render("publish_at", day)
        self.assertIn('value="01/12/2569"', thai)
        self.assertIn('data-year-offset="543"', thai)
        self.assertIn("มกราคม|กุมภาพันธ์", thai)
        with translation.override("en"):
            english = BEDateWidget().render("publish_at", day)
        self.assertIn('value="01/12/2026"', english)
        self.assertIn('data-year-offset="0"', english)
        self.assertIn("January|February", english)
