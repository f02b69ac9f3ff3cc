"""tel: links hold only what a phone can dial; an extension follows a pause (a comma)."""

from django.test import SimpleTestCase

from catalog.details import Person
from catalog.models import Item
from chiangkhian.templatetags.thai import tel
from tests.base import PersonaTestCase
from tests.catalog.helpers import make_item


class TelFilterTests(SimpleTestCase):
    def test_an_extension_goes_after_a_comma(self):
        self.assertEqual(tel("053-795-123 ต่อ 12"), "tel:053795123,12")

    def test_english_extension_marks_are_understood(self):
        self.assertEqual(tel("053 795 123 ext. 12"), "tel:053795123,12")
        self.assertEqual(tel("053-795-123 #12"), "tel:053795123,12")

    def test_only_the_first_of_several_numbers_is_dialled(self):
        self.assertEqual(tel("053-795-123, 053-795-124"), "tel:053795123")

    def test_an_international_number_keeps_its_plus(self):
        self.assertEqual(tel("+66 53 795 123"), "tel:+6653795123")

    def test_text_without_a_number_gives_no_link_target(self):
        self.assertEqual(tel("ไม่มี"), "")


class PhoneLinkPageTests(PersonaTestCase):
    def test_footer_links_the_municipality_phone(self):
        self.municipality.phone = "053-000-111 ต่อ 5"
        self.municipality.save()
        response = self.client.get("/")
        self.assertContains(response, 'href="tel:053000111,5"')
        self.assertNotContains(response, "tel:053000111ต่อ")

    def test_a_persons_phone_with_an_extension_is_dialable(self):
        item = make_item(kind=Item.Kind.PERSON, sub="executives", title_th="คณะผู้บริหาร")
        phone = "053-795-123 ต่อ 101"
        Person.objects.create(item=item, name="นายทดสอบ", position="นายก", phone=phone)
        response = self.client.get(item.get_absolute_url())
        self.assertContains(response, 'href="tel:053795123,101"')
        self.assertContains(response, "053-795-123 ต่อ 101")
