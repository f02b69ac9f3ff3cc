import shutil
import tempfile
from pathlib import Path

from django.test import SimpleTestCase, TestCase

from catalog.models import Subcategory
from compliance import checklist
from compliance.apps import check_checklists
from compliance.checklist import ChecklistError, load_all, load_file

GOOD = """
[checklist]
source = "ITA"
version = "2570"
fiscal_year = 2570
title_th = "ตัวชี้วัด OIT ปีงบประมาณ พ.ศ. 2570"
title_en = "OIT indicators 2570"
document = "คู่มือ ITA 2570"
citations = ["S14"]

[[entry]]
code = "ITA70-O1"
fiscal_year = 2570
name_th = "โครงสร้าง หน้าที่และอำนาจ"
name_en = "Structure"
document = "ITA 2570 O1"
citations = ["S14"]
confidence = "V"
satisfied_by = ["general/structure"]
freshness = "on_change"
"""


class ShippedChecklistTests(TestCase):
    def test_the_shipped_files_load_and_cover_the_three_sources(self):
        checklists = load_all()
        self.assertEqual({c.source for c in checklists}, {"GWS", "OIA", "ITA"})
        ita = checklist.ita_checklist(2569)
        self.assertEqual(ita.fiscal_year, 2569)
        self.assertEqual(len(ita.entries), 26)
        self.assertTrue(all(entry.fiscal_year == 2569 for entry in ita.entries))

    def test_every_gws_entry_names_its_version_2_item(self):
        gws = next(c for c in load_all() if c.source == "GWS")
        self.assertTrue(all(entry.v2 for entry in gws.entries))
        self.assertIn("มสพร. 11-2566", gws.title_th)

    def test_every_subcategory_named_by_a_checklist_exists(self):
        slugs = set()
        for sub in Subcategory.objects.select_related("category"):
            slugs |= {sub.category.slug, f"{sub.category.slug}/{sub.slug}"}
        for c in load_all():
            for entry in c.entries:
                unknown = set(entry.satisfied_by) - slugs
                self.assertFalse(unknown, f"{entry.code}: {unknown}")

    def test_every_entry_cites_a_source_with_a_confidence(self):
        for c in load_all():
            for entry in c.entries:
                self.assertTrue(entry.citations, entry.code)
                self.assertIn(entry.confidence, "VPI", entry.code)

    def test_the_system_check_is_clean(self):
        self.assertEqual(check_checklists(), [])


class BrokenChecklistTests(SimpleTestCase):
    def write(self, text, name="ita-2570.toml"):
        directory = Path(self.enterContext(tempfile.TemporaryDirectory()))
        path = directory / name
        path.write_text(text, encoding="utf-8")
        return path

    def assertRefused(self, text, *fragments):
        path = self.write(text)
        with self.assertRaises(ChecklistError) as raised:
            load_file(path)
        message = str(raised.exception)
        self.assertIn("ita-2570.toml", message)
        for fragment in fragments:
            self.assertIn(fragment, message)

    def test_a_valid_file_loads(self):
        loaded = load_file(self.write(GOOD))
        self.assertEqual(loaded.entries[0].code, "ITA70-O1")

    def test_a_toml_syntax_error_names_the_file(self):
        self.assertRefused(GOOD.replace('code = "ITA70-O1"', 'code = "ITA70-O1'), "TOML")

    def test_a_missing_key_names_the_entry_and_the_key(self):
        self.assertRefused(GOOD.replace('freshness = "on_change"\n', ""), "ITA70-O1", "freshness")

    def test_an_unknown_freshness_rule_is_refused(self):
        self.assertRefused(GOOD.replace('"on_change"', '"weekly"'), "ITA70-O1", "weekly")

    def test_a_misspelt_key_is_refused(self):
        self.assertRefused(GOOD.replace("satisfied_by", "satisfied_bye"), "satisfied_bye")

    def test_an_entry_of_another_fiscal_year_is_refused(self):
        self.assertRefused(
            GOOD.replace("fiscal_year = 2570\nname_th", "fiscal_year = 2569\nname_th"),
            "fiscal_year must be 2570",
        )

    def test_a_bad_slug_or_kind_is_refused(self):
        self.assertRefused(GOOD.replace('"general/structure"', '"General Info"'), "General Info")
        self.assertRefused(
            GOOD.replace('freshness = "on_change"', 'freshness = "on_change"\nkinds = ["video"]'),
            "video",
        )

    def rule(self, line):
        return GOOD.replace('freshness = "on_change"', f'{line}\nfreshness = "on_change"')

    def test_the_loader_refuses_an_unknown_structural_key(self):
        self.assertRefused(self.rule('link_type = ["e_service"]'), "ITA70-O1", "link_type")
        # Title words are no longer a rule: the checklist judges from structure.
        self.assertRefused(self.rule('title_any = ["โครงสร้าง"]'), "ITA70-O1", "title_any")

    def test_the_loader_refuses_a_value_the_models_do_not_know(self):
        self.assertRefused(self.rule('link_types = ["homepage"]'), "link_types", "homepage")
        self.assertRefused(self.rule('people = "some"'), "people", "some")
        self.assertRefused(self.rule('period = "fortnight"'), "period", "fortnight")
        self.assertRefused(self.rule('features = ["teleport"]'), "features", "teleport")

    def test_the_loader_refuses_typed_rules_of_another_kind(self):
        self.assertRefused(
            self.rule('kinds = ["news"]\nmanual_types = ["sop"]'), "ITA70-O1", "manual"
        )

    def test_a_code_used_in_two_files_is_refused(self):
        path = self.write(GOOD)
        # Another year's file that reuses the code by mistake.
        (path.parent / "ita-2571.toml").write_text(GOOD.replace("2570", "2571"), encoding="utf-8")
        with self.assertRaisesMessage(ChecklistError, "ITA70-O1"):
            load_all(path.parent)

    def test_the_system_check_reports_a_broken_shipped_file(self):
        directory = Path(self.enterContext(tempfile.TemporaryDirectory()))
        shutil.copytree(checklist.CHECKLIST_DIR, directory, dirs_exist_ok=True)
        (directory / "oia.toml").write_text("[checklist]\nsource = 'OIA'\n", encoding="utf-8")
        errors = check_checklists(directory=directory)
        self.assertEqual(len(errors), 1)
        self.assertIn("oia.toml", errors[0].msg)


class NewFiscalYearTests(SimpleTestCase):
    def test_a_new_years_list_is_a_new_file_and_later_years_fall_back_to_it(self):
        directory = Path(self.enterContext(tempfile.TemporaryDirectory()))
        shutil.copytree(checklist.CHECKLIST_DIR, directory, dirs_exist_ok=True)
        (directory / "ita-2570.toml").write_text(GOOD, encoding="utf-8")
        self.assertEqual(checklist.ita_checklist(2569, directory).fiscal_year, 2569)
        self.assertEqual(checklist.ita_checklist(2570, directory).fiscal_year, 2570)
        self.assertEqual(checklist.ita_checklist(2572, directory).fiscal_year, 2570)
        self.assertIsNone(checklist.ita_checklist(2568, directory))
